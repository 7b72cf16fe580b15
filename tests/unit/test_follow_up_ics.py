"""The follow-up calendar file: one all-day event on the cadence's (or the agreed) date, a stable UID."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar

from export.follow_up_ics import follow_up_uid, render_follow_up_ics
from facilitation import services as s
from facilitation.demo import create_demo_case
from facilitation.storage import Database
from tests.conftest import ACTOR

NOW = datetime(2026, 11, 25, 10, 0)


def _event(content: bytes):  # type: ignore[no-untyped-def]
    calendar = Calendar.from_ical(content)
    (event,) = calendar.walk("VEVENT")
    return calendar, event


def test_the_event_is_a_whole_day_on_the_cadences_date(db: Database) -> None:
    mid = create_demo_case(db, date(2026, 11, 25))
    s.set_follow_up_date(db, ACTOR, mid, None)  # the demo agreed a date and time: back to the cadence's
    calendar, event = _event(render_follow_up_ics(s.load_meeting(db, mid, viewer=ACTOR), now=NOW))
    assert calendar["version"] == "2.0" and "Mødetavlen" in str(calendar["prodid"])
    assert event.decoded("dtstart") == date(2027, 1, 6)  # assessment case: six weeks
    assert event.decoded("dtend") == date(2027, 1, 7)
    assert event.decoded("dtstamp") == datetime(2026, 11, 25, 10, 0, tzinfo=UTC)
    assert "DTSTAMP:20261125T100000Z" in calendar.to_ical().decode()
    (alarm,) = event.walk("VALARM")
    assert alarm.decoded("trigger") == timedelta(days=-7)


def test_the_summary_names_only_the_childs_first_name(db: Database) -> None:
    mid = create_demo_case(db, date(2026, 11, 25))
    record = s.load_meeting(db, mid, viewer=ACTOR)
    content = render_follow_up_ics(record, now=NOW).decode("utf-8")
    _, event = _event(content.encode())
    assert str(event["summary"]) == "Opfølgningsmøde om Alma"
    unfolded = content.replace("\r\n ", "")
    for name in [p.name for p in record.participants] + list(record.roles.values()) + ["Juhl", record.meeting.place]:
        assert name not in unfolded, name
    assert "LOCATION" not in unfolded and "ATTENDEE" not in unfolded


def test_the_anonymised_file_holds_the_childs_initials(db: Database) -> None:
    mid = create_demo_case(db, date(2026, 11, 25))
    _, event = _event(render_follow_up_ics(s.load_meeting(db, mid, viewer=ACTOR), anonymised=True, now=NOW))
    assert str(event["summary"]) == "Opfølgningsmøde om A."


def test_the_uid_stays_the_same_when_the_date_changes_and_the_sequence_grows(db: Database) -> None:
    mid = create_demo_case(db, date(2026, 11, 25))
    _, before = _event(render_follow_up_ics(s.load_meeting(db, mid, viewer=ACTOR), now=NOW))
    s.set_follow_up_date(db, ACTOR, mid, date(2027, 1, 4))
    _, after = _event(render_follow_up_ics(s.load_meeting(db, mid, viewer=ACTOR), now=NOW))
    assert str(before["uid"]) == str(after["uid"]) == follow_up_uid(mid)
    assert after.decoded("dtstart") == date(2027, 1, 4)
    assert int(after["sequence"]) > int(before["sequence"])
    assert follow_up_uid(mid) != follow_up_uid(mid + 1)


def test_a_compensation_case_is_due_three_months_later(db: Database) -> None:
    case_id = s.create_case(db, ACTOR, "Familien Hansen", "Emil\x07 🦄", "compensation")
    mid = s.create_meeting(db, ACTOR, case_id, "start", date(2026, 11, 30), with_default_agenda=False)
    _, event = _event(render_follow_up_ics(s.load_meeting(db, mid, viewer=ACTOR), now=NOW))
    assert event.decoded("dtstart") == date(2027, 2, 28)
    assert str(event["summary"]) == "Opfølgningsmøde om Emil"  # the first name only
