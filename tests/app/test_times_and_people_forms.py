"""The forms of issue 13 (D): a meeting's time of day, the follow-up's time and place, the date range,
the child and the standard relation word in the person form, and the caseworker's phone under 'Min profil'."""

from __future__ import annotations

from datetime import date, time

from streamlit.testing.v1 import AppTest

from facilitation import services
from facilitation.demo import DEMO_EMAIL
from facilitation.domain.validation import DATE_MAX, DATE_MIN
from facilitation.services import accounts
from facilitation.storage import Database
from tests.app.conftest import meeting_id, open_fold, open_network_tab, open_page
from tests.conftest import ACTOR


def _key(at: AppTest, widgets: str, start: str) -> str:
    return next(w.key for w in getattr(at, widgets) if w.key and w.key.startswith(start))


def test_the_meeting_page_saves_a_start_and_end_time(app: AppTest, db: Database) -> None:
    mid = meeting_id(app)
    app.time_input(key=_key(app, "time_input", "meeting.start_time.")).set_value(time(13, 0))
    app.time_input(key=_key(app, "time_input", "meeting.end_time.")).set_value(time(14, 30))
    app.button(key="meeting_details.submit").click().run()
    assert not app.exception
    meeting = services.get_meeting(db, mid, viewer=ACTOR)
    assert (meeting.start_time, meeting.end_time) == (time(13, 0), time(14, 30))
    assert any("kl. 13.00–14.30" in c.value for c in app.caption)


def test_the_meeting_page_says_why_an_end_before_the_start_is_refused(app: AppTest, db: Database) -> None:
    mid = meeting_id(app)
    before = services.get_meeting(db, mid, viewer=ACTOR)
    app.time_input(key=_key(app, "time_input", "meeting.start_time.")).set_value(time(13, 0))
    app.time_input(key=_key(app, "time_input", "meeting.end_time.")).set_value(time(12, 0))
    app.button(key="meeting_details.submit").click().run()
    assert not app.exception
    assert any("skal ligge efter starttidspunktet" in e.value for e in app.error)
    assert services.get_meeting(db, mid, viewer=ACTOR).end_time == before.end_time


def test_every_date_input_is_limited_to_2000_to_2100(app: AppTest) -> None:
    pages = {"meeting": "meeting.date.", "export": "follow_up.date."}
    for page, start in pages.items():
        open_page(app, page)
        widget = app.date_input(key=_key(app, "date_input", start))
        assert (widget.min, widget.max) == (DATE_MIN, DATE_MAX), page  # type: ignore[attr-defined]


def test_the_follow_up_form_saves_a_time_and_place(app: AppTest, db: Database) -> None:
    open_page(app, "export")
    mid = meeting_id(app)
    app.date_input(key=_key(app, "date_input", "follow_up.date.")).set_value(date(2027, 2, 3))
    app.time_input(key=_key(app, "time_input", "follow_up.start.")).set_value(time(9, 0))
    app.time_input(key=_key(app, "time_input", "follow_up.end.")).set_value(time(10, 30))
    app.text_input(key=_key(app, "text_input", "follow_up.place.")).set_value("Skolen, lokale 4")
    app.button(key="follow_up_date.submit").click().run()
    assert not app.exception
    meeting = services.get_meeting(db, mid, viewer=ACTOR)
    assert (meeting.follow_up_date, meeting.follow_up_start, meeting.follow_up_end, meeting.follow_up_place) == (
        date(2027, 2, 3), time(9, 0), time(10, 30), "Skolen, lokale 4")
    shown = [m.value.replace("\\", "") for m in app.markdown]  # escaped for Markdown
    assert any("3. februar 2027 kl. 9.00–10.30, Skolen, lokale 4" in text for text in shown)


def test_the_person_form_adds_the_child_and_a_standard_relation_word(app: AppTest, db: Database) -> None:
    open_network_tab(open_page(app, "network"), "Personer og relationer")
    app.text_input(key="person.new.name").set_value("Alma")
    app.button_group(key="person.new.ring.da").set_value(0)
    app.button(key="person_new.submit").click().run()
    app.text_input(key="person.new.name").set_value("Jytte Berg")
    app.selectbox(key="person.new.standard_relation.da").set_value("maternal_aunt")
    app.text_input(key="person.new.relation").set_value("Moster, bor i Vejle")
    app.button(key="person_new.submit").click().run()
    assert not app.exception
    people = services.load_meeting(db, meeting_id(app), viewer=ACTOR).participants
    child, aunt = people[-2], people[-1]
    assert (child.name, child.ring, child.is_child) == ("Alma", 0, True)
    assert (aunt.standard_relation, aunt.relation) == ("maternal_aunt", "Moster, bor i Vejle")


def test_min_profil_saves_the_phone_and_refuses_a_wrong_one(app: AppTest, db: Database) -> None:
    worker = accounts.find_account(db, DEMO_EMAIL)
    assert worker is not None
    open_fold(app, "profile.open")
    key = _key(app, "text_input", "profile.phone.")
    app.text_input(key=key).set_value("+45 12 34 56 78")
    app.button(key="profile.submit").click().run()
    assert not app.exception
    assert accounts.get_account(db, worker.id).phone == "+45 12 34 56 78"
    app.text_input(key=_key(app, "text_input", "profile.phone.")).set_value("<b>ring</b>")
    app.button(key="profile.submit").click().run()
    assert any("er ikke et telefonnummer" in e.value for e in app.error)
    assert accounts.get_account(db, worker.id).phone == "+45 12 34 56 78"
