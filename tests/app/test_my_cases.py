"""Mine sager: the demo caseworker's cases, the overdue Berg case first, the makker filter, planning the follow-up."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from facilitation import services as s
from facilitation.demo import BERG_NAME
from facilitation.services import accounts
from facilitation.storage import Database
from tests.app.conftest import ROOT, meeting_id, open_fold, open_page, signed_in
from tests.conftest import ACTOR
from ui.session import JUST_SIGNED_IN


def _text(at: AppTest) -> str:
    return "\n".join(str(m.value) for m in at.markdown) + "\n".join(str(c.value) for c in at.caption)


def test_mine_sager_lists_the_overdue_case_first_with_words_not_only_colour(app: AppTest) -> None:
    at = open_page(app, "my_cases")
    assert at.title[0].value == "Mine sager"
    heads = [str(m.value) for m in at.markdown if str(m.value).startswith("**Familien")]
    assert "Berg" in heads[0] and "Juhl" in heads[1]
    text = _text(at)
    assert ":red-badge[" in text and "Opfølgningen er overskredet" in text
    assert ":orange-badge[" in text and "Opfølgningsmøde planlagt" in text  # Juhl: today's follow-up
    assert "Seneste skalering: 6 (median" in text
    assert "Søge om merudgifter til diabetesudstyr" in text  # an open action due within 7 days


def test_the_makker_filter_and_the_sort_by_family(app: AppTest) -> None:
    at = open_page(app, "my_cases")
    at.toggle(key="my_cases.only_makker").set_value(True).run()
    heads = [str(m.value) for m in at.markdown if str(m.value).startswith("**Familien")]
    assert len(heads) == 1 and "Berg" in heads[0] and "makker" in heads[0]
    at.toggle(key="my_cases.only_makker").set_value(False).run()
    at.selectbox(key="my_cases.sort").set_value("family").run()
    order = [str(m.value) for m in at.markdown if str(m.value).startswith("**Familien")]
    assert "Berg" in order[0] and "Juhl" in order[1]


def test_planning_the_overdue_follow_up_carries_the_open_actions(app: AppTest, db: Database) -> None:
    at = open_page(app, "my_cases")
    berg = next(c for c in s.list_cases(db, viewer=ACTOR) if c.family_name == BERG_NAME)
    at.button(key=f"my_cases.plan.{berg.id}").click().run()
    assert not at.exception
    meetings = s.list_meetings(db, berg.id, viewer=ACTOR)
    assert len(meetings) == 2 and meetings[0].kind.value == "follow_up"
    assert [a.what for a in s.load_meeting(db, meetings[0].id, viewer=ACTOR).actions] == [
        "Søge om merudgifter til diabetesudstyr"]
    assert "Opfølgningen er overskredet" not in _text(at)


def test_mine_sager_is_the_start_page_just_after_signing_in_and_only_then(db: Database) -> None:
    at = signed_in(AppTest.from_file(str(ROOT / "app.py"), default_timeout=30), db)
    at.session_state[JUST_SIGNED_IN] = True  # what choosing the purpose after signing in sets
    at.run()
    assert not at.exception
    assert at.title[0].value == "Mine sager"
    later = signed_in(AppTest.from_file(str(ROOT / "app.py"), default_timeout=30), db).run()
    assert later.title[0].value != "Mine sager"  # a returning session opens its meeting as before


def test_a_caseworker_with_no_cases_sees_none_and_nothing_of_the_demo(db: Database) -> None:
    accounts.create_account(db, "Mads Fremmed", "mads@kommune.test", "et langt kodeord")
    stranger = {"is_logged_in": True, "iss": "http://idp.test", "sub": "mads", "email": "mads@kommune.test",
                "nonce": "n-2", "iat": 1_764_000_001}
    at = signed_in(AppTest.from_file(str(ROOT / "app.py"), default_timeout=30), db, stranger).run()
    at.switch_page("pages/my_cases.py").run()
    assert not at.exception
    shown = _text(at) + "\n".join(str(i.value) for i in at.info)
    assert "Berg" not in shown and "Juhl" not in shown
    assert "Du er ikke tilknyttet nogen sager" in shown


def test_a_measure_added_on_the_meeting_page_shows_with_its_ladder_step(app: AppTest, db: Database) -> None:
    at = open_fold(open_page(app, "meeting"), "measure.new.open")
    assert "Indsatser" in [str(h.value) for h in at.subheader]
    form = "measure.new"
    at.text_input(key=next(k for k in _keys(at) if k.startswith(f"{form}.what"))).input("Aflastning <b>weekend</b>")
    at.selectbox(key=next(k for k in _keys(at) if k.startswith(f"{form}.legal_basis"))).set_value("sel_44")
    at.selectbox(key=next(k for k in _keys(at) if k.startswith(f"{form}.step"))).set_value("universal")
    at.button(key=f"{form}.submit").click().run()
    assert not at.exception
    mid = meeting_id(at)
    case = s.load_meeting(db, mid, viewer=ACTOR)
    assert [x.what for x in case.measures][-1] == "Aflastning <b>weekend</b>"
    assert any("Aflastning \\<b\\>weekend\\</b\\>" in str(e.label) for e in at.expander)  # escaped


def _keys(at: AppTest) -> list[str]:
    return [str(w.key) for w in (*at.text_input, *at.selectbox) if w.key]
