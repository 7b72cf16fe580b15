"""Referat og opfølgning: downloads built only on click, the follow-up date, contacts, the evaluation."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

from facilitation import services
from facilitation.domain.cadence import next_follow_up
from facilitation.domain.model import MeetingKind
from facilitation.domain.roles import Role
from facilitation.services.follow_up import REVIEW_TITLES
from facilitation.storage import Database
from tests.app.conftest import meeting_id, open_page
from tests.conftest import ACTOR
from ui import follow_up_view


def _key(widgets: object, prefix: str) -> str:
    return next(w.key for w in widgets if w.key and w.key.startswith(prefix))  # type: ignore[attr-defined]


def test_the_page_offers_the_minute_the_anonymised_minute_and_the_calendar_file(
    app: AppTest, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[object] = []
    monkeypatch.setattr(follow_up_view, "minute_for_meeting", lambda *a, **k: built.append(a) or b"")
    monkeypatch.setattr(follow_up_view, "handover_for_meeting", lambda *a, **k: built.append(a) or b"")
    open_page(app, "export")
    assert app.title[0].value == "Referat og opfølgning"
    labels = [button.proto.label for button in app.get("download_button")]
    assert labels == ["Referat og aftaler (Word)", "Anonymiseret referat (Word)", "Næste møde i kalenderen (.ics)",
                      "Overdragelse (Word)", "Anonymiseret overdragelse"]
    assert built == [], "the minute and the handover are built when clicked, not on every run of the page"


def test_the_cadences_date_is_suggested_and_an_agreed_date_is_saved(app: AppTest, db: Database) -> None:
    open_page(app, "export")
    mid = meeting_id(app)
    record = services.load_meeting(db, mid, viewer=ACTOR)
    suggested = next_follow_up(record.meeting.date, record.case.case_type)
    key = _key(app.date_input, "follow_up.date.")
    assert app.date_input(key=key).value == suggested
    app.date_input(key=key).set_value(date(2027, 1, 4))
    app.button(key="follow_up_date.submit").click().run()
    assert not app.exception
    assert services.get_meeting(db, mid, viewer=ACTOR).follow_up_date == date(2027, 1, 4)
    app.button(key="follow_up.reset").click().run()
    assert services.get_meeting(db, mid, viewer=ACTOR).follow_up_date is None


def test_an_evaluation_answer_is_recorded_and_listed(app: AppTest, db: Database) -> None:
    open_page(app, "export")
    mid = meeting_id(app)
    app.text_input(key="evaluation.respondent").set_value("Birthe Juhl")
    app.get("button_group")[0].set_value(4)
    app.get("button_group")[1].set_value(5)
    app.text_area(key="evaluation.comment").set_value("Dejligt at blive hørt 💛")
    app.button(key="evaluation_new.submit").click().run()
    assert not app.exception
    answer = services.load_meeting(db, mid, viewer=ACTOR).evaluations[-1]
    assert (answer.respondent, answer.heard, answer.useful, answer.comment) == (
        "Birthe Juhl", 4, 5, "Dejligt at blive hørt 💛")
    assert app.text_input(key="evaluation.respondent").value == ""
    assert any("Birthe Juhl" in m.value for m in app.markdown)


def test_an_evaluation_without_a_number_is_refused_with_a_message(app: AppTest, db: Database) -> None:
    open_page(app, "export")
    mid = meeting_id(app)
    before = services.load_meeting(db, mid, viewer=ACTOR).evaluations
    app.text_input(key="evaluation.respondent").set_value("Mads")
    app.button(key="evaluation_new.submit").click().run()
    assert any("Blev du hørt?" in e.value and "udfyldes" in e.value for e in app.error)
    assert services.load_meeting(db, mid, viewer=ACTOR).evaluations == before
    assert app.text_input(key="evaluation.respondent").value == "Mads", "the typed name is kept"


def test_an_answer_can_be_removed(app: AppTest, db: Database) -> None:
    mid = meeting_id(app)
    answer = services.record_evaluation(db, "test", mid, "", 3, 3, "")
    open_page(app, "export")
    before = services.load_meeting(db, mid, viewer=ACTOR).evaluations  # the demo's answers and this one
    app.button(key=f"evaluation.remove.{answer}").click().run()
    assert services.load_meeting(db, mid, viewer=ACTOR).evaluations == tuple(e for e in before if e.id != answer)
    assert len(before) == 4


def test_a_caseworkers_contact_is_saved_on_each_role_they_hold(app: AppTest, db: Database) -> None:
    open_page(app, "export")
    mid = meeting_id(app)
    record = services.load_meeting(db, mid, viewer=ACTOR)
    name = record.roles[Role.FACILITATOR]
    index = list(dict.fromkeys(record.roles[r] for r in Role if r in record.roles)).index(name)
    app.text_input(key=_key(app.text_input, f"contact.{index}.")).set_value("Tlf. 72 36 12 34")
    app.button(key="contacts.submit").click().run()
    contacts = services.load_meeting(db, mid, viewer=ACTOR).contacts
    held = [role for role, holder in record.roles.items() if holder == name]
    assert {role: contacts.get(role) for role in held} == {role: "Tlf. 72 36 12 34" for role in held}


def test_creating_the_follow_up_meeting_carries_the_case_forward_and_opens_it(app: AppTest, db: Database) -> None:
    open_page(app, "export")
    mid = meeting_id(app)
    record = services.load_meeting(db, mid, viewer=ACTOR)
    app.button(key="follow_up.plan").click().run()
    assert not app.exception
    newest = services.list_meetings(db, record.case.id, viewer=ACTOR)[0]
    assert newest.id != mid and meeting_id(app) == newest.id
    assert (newest.kind, newest.date) == (MeetingKind.FOLLOW_UP, next_follow_up(record.meeting.date,
                                                                                record.case.case_type))
    carried = services.load_meeting(db, newest.id, viewer=ACTOR)
    assert [a.what for a in carried.actions] == [a.what for a in record.actions if a.status == "open"]
    assert REVIEW_TITLES["da"] in [item.title for item in carried.agenda]


def test_a_case_with_a_later_meeting_says_so_instead_of_offering_another(app: AppTest, db: Database) -> None:
    mid = meeting_id(app)
    record = services.load_meeting(db, mid, viewer=ACTOR)
    services.plan_meeting(db, "test", record.case.id, "follow_up", date(2027, 1, 6))
    open_page(app, "export")
    assert not [b for b in app.button if b.key == "follow_up.plan"]
    assert any("senere møde" in i.value for i in app.info)


def test_the_page_speaks_english_when_asked(app: AppTest) -> None:
    app.radio(key="sidebar.language").set_value("en").run()
    open_page(app, "export")
    assert app.title[0].value == "Minute and follow-up"
    assert "Download the minute" in [h.value for h in app.subheader]
