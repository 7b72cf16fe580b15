"""AppTests of access: the log page, and a caseworker who is not a member typing a meeting's address."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from facilitation.services import access, accounts
from facilitation.storage import Database
from facilitation.storage import tables as t
from tests.app.conftest import ROOT, meeting_id, open_page, signed_in
from tests.conftest import ACTOR


def page_text(at: AppTest) -> str:
    """Everything the run showed as text (titles, markdown, captions, messages, tables)."""
    parts = [e.value for e in (*at.title, *at.markdown, *at.caption, *at.error, *at.info, *at.subheader)]
    parts += [frame.value.to_csv() for frame in at.dataframe]
    return "\n".join(str(p) for p in parts)


def test_opening_a_meeting_is_logged_once_with_the_purpose_and_shown_on_who_has_seen_the_case(
    app: AppTest, db: Database
) -> None:
    mid = meeting_id(app)
    case_id = access_case(db, mid)
    views = [e for e in access.case_log(db, ACTOR, case_id) if e.kind == "view"]
    assert len(views) == 1 and views[0].purpose == "meeting" and views[0].who == "Demo Rådgiver"
    app.run()
    assert len([e for e in access.case_log(db, ACTOR, case_id) if e.kind == "view"]) == 1, "once per opening"
    open_page(app, "access_log")
    assert "Hvem har set sagen" in page_text(app)
    assert "så mødet" in page_text(app) and "Demo Rådgiver" in page_text(app)


def test_a_caseworker_who_is_not_a_member_cannot_open_the_case_by_its_address(db: Database) -> None:
    mid = ensure_demo_meeting(db)
    accounts.create_account(db, "Mads Fremmed", "mads@kommune.test", "et langt kodeord")
    stranger = {"is_logged_in": True, "iss": "http://idp.test", "sub": "mads", "email": "mads@kommune.test",
                "nonce": "n-2", "iat": 1_764_000_001}
    at = signed_in(AppTest.from_file(str(ROOT / "app.py"), default_timeout=30), db, stranger)
    at.query_params["m"] = str(mid)
    at.run()
    assert not at.exception
    shown = page_text(at) + "\n".join(str(s.options) for s in at.selectbox)
    assert "Juhl" not in shown and "Alma" not in shown
    assert any("findes ikke" in e.value for e in at.error), "the same message as for a missing meeting"
    assert not [e for e in access.case_log(db, ACTOR, access_case(db, mid)) if e.kind == "view"]


def access_case(db: Database, mid: int) -> int:
    """The case of a meeting (read as the operator)."""
    from facilitation import services

    return services.get_meeting(db, mid, viewer=ACTOR).case_id


def ensure_demo_meeting(db: Database) -> int:
    """The demo meeting of the test's database copy."""
    from facilitation.demo import first_meeting_or_demo

    found = first_meeting_or_demo(db, viewer=ACTOR)
    assert found is not None
    return found


def test_a_member_deletes_the_case_after_confirming_and_the_log_keeps_only_that(app: AppTest, db: Database) -> None:
    from facilitation import services

    mid = meeting_id(app)
    case_id = access_case(db, mid)
    open_page(app, "meeting")
    app.button(key="case.delete_yes").click().run()
    assert not app.exception
    assert all(c.id != case_id for c in services.list_cases(db, viewer=ACTOR))
    with db.read() as session:  # the case is gone, so its log is read directly
        lines = session.query(t.AccessLogRow).filter(t.AccessLogRow.case_id == case_id).all()
    assert "delete" in [line.kind for line in lines]
    assert all("Juhl" not in f"{line.detail}{line.purpose}" for line in lines)
