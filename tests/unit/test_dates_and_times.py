"""Dates from 2000 to 2100 only, wherever they enter; a meeting's time of day, in the minute and the calendar file."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta

import pytest
from icalendar import Calendar

from export.follow_up_ics import render_follow_up_ics
from export.minute import render_minute
from facilitation import services as s
from facilitation.demo import create_demo_case
from facilitation.domain.validation import ValidationError, a_date, date_and_time
from facilitation.storage import Database
from facilitation.storage.backup import BackupError, dumps_meeting, loads_meeting
from tests.conftest import ACTOR
from tests.support.docx_reading import full_text, open_docx
from tests.unit.helpers import refused

NOW = datetime(2026, 11, 25, 10, 0)


@pytest.mark.parametrize("typed", ["9999-12-31", "1999-12-31", "2101-01-01", "0001-01-01", date(9999, 1, 1)])
def test_a_date_outside_2000_to_2100_is_refused_with_the_range(typed: object) -> None:
    with pytest.raises(ValidationError) as info:
        a_date(typed, "date")
    assert info.value.code == "date_out_of_range"
    assert info.value.params == {"field": "date", "low": 2000, "high": 2100}


@pytest.mark.parametrize("typed", ["2026-02-30", "2027-02-29", "30.02.2026", "i morgen", "2026-13-01", ""])
def test_an_impossible_date_such_as_30_february_is_refused(typed: str) -> None:
    with pytest.raises(ValidationError) as info:
        a_date(typed, "date")
    assert info.value.code == "invalid_date"


def test_the_first_and_last_days_of_the_range_are_accepted() -> None:
    assert a_date("2000-01-01", "date") == date(2000, 1, 1)
    assert a_date(date(2100, 12, 31), "date") == date(2100, 12, 31)


def test_a_date_with_a_time_of_day_gives_both() -> None:
    assert date_and_time("2026-11-25T09:30", "date") == (date(2026, 11, 25), time(9, 30))
    assert date_and_time("2026-11-25 14:05:00", "date") == (date(2026, 11, 25), time(14, 5))
    assert date_and_time("2026-11-25", "date") == (date(2026, 11, 25), None)
    with pytest.raises(ValidationError) as info:
        date_and_time("2026-11-25T25:00", "date")
    assert info.value.code == "invalid_time"


def test_a_meeting_in_year_9999_is_refused_and_nothing_is_stored(db: Database, meeting_id: int) -> None:
    case_id = s.load_meeting(db, meeting_id, viewer=ACTOR).case.id
    with refused(db, "date_out_of_range", meeting_id, field="date"):
        s.create_meeting(db, ACTOR, case_id, "start", "9999-12-31")
    with refused(db, "date_out_of_range", meeting_id, field="date"):
        s.edit_meeting(db, ACTOR, meeting_id, date=date(9999, 12, 31))
    with refused(db, "invalid_date", meeting_id, field="date"):
        s.edit_meeting(db, ACTOR, meeting_id, date="2026-02-30")


def test_a_follow_up_or_an_action_in_year_9999_is_refused(db: Database, meeting_id: int) -> None:
    with refused(db, "date_out_of_range", meeting_id, field="follow_up_date"):
        s.set_follow_up_date(db, ACTOR, meeting_id, date(9999, 12, 31))
    with refused(db, "date_out_of_range", meeting_id, field="due"):
        s.add_action(db, ACTOR, meeting_id, "Ring til skolen", "Sanne", due="9999-01-01")
    with refused(db, "invalid_date", meeting_id, field="due"):
        s.add_action(db, ACTOR, meeting_id, "Ring til skolen", "Sanne", due="2026-02-30")


@pytest.mark.parametrize("where", ["date", "follow_up_date"])
def test_a_backup_with_year_9999_is_refused_and_never_reaches_an_export(
    db: Database, demo_data: dict[str, object], where: str
) -> None:
    meeting = demo_data["meeting"]
    assert isinstance(meeting, dict)
    meeting[where] = "9999-12-31"
    with pytest.raises(BackupError):
        loads_meeting(db, ACTOR, json.dumps(demo_data))
    assert s.list_cases(db, viewer=ACTOR) == []


def test_an_action_due_in_year_9999_in_a_backup_is_refused(db: Database, demo_data: dict[str, object]) -> None:
    actions = demo_data["actions"]
    assert isinstance(actions, list)
    actions[0]["due"] = "9999-01-01"
    with pytest.raises(BackupError):
        loads_meeting(db, ACTOR, json.dumps(demo_data))


def test_a_meeting_keeps_its_start_and_end_time(db: Database, meeting_id: int) -> None:
    s.edit_meeting(db, ACTOR, meeting_id, start_time=time(9, 30), end_time="11:15")
    meeting = s.get_meeting(db, meeting_id, viewer=ACTOR)
    assert (meeting.start_time, meeting.end_time) == (time(9, 30), time(11, 15))
    s.edit_meeting(db, ACTOR, meeting_id, start_time=None, end_time="")
    meeting = s.get_meeting(db, meeting_id, viewer=ACTOR)
    assert (meeting.start_time, meeting.end_time) == (None, None)


def test_an_end_before_the_start_or_a_bad_time_is_refused(db: Database, meeting_id: int) -> None:
    with refused(db, "end_before_start", meeting_id, field="end_time"):
        s.edit_meeting(db, ACTOR, meeting_id, start_time="10:00", end_time="09:00")
    with refused(db, "invalid_time", meeting_id, field="start_time"):
        s.edit_meeting(db, ACTOR, meeting_id, start_time="kl. ti")


def test_load_accepts_a_date_with_a_time_of_day(db: Database, demo_data: dict[str, object]) -> None:
    meeting = demo_data["meeting"]
    assert isinstance(meeting, dict)
    meeting["date"] = "2026-11-25T14:00"
    del meeting["start_time"], meeting["end_time"]
    loaded = s.get_meeting(db, loads_meeting(db, ACTOR, json.dumps(demo_data)), viewer=ACTOR)
    assert (loaded.date, loaded.start_time, loaded.end_time) == (date(2026, 11, 25), time(14, 0), None)


def test_the_times_and_the_follow_up_place_go_through_dump_and_load(db: Database, demo_text: str) -> None:
    loaded = loads_meeting(db, ACTOR, demo_text)
    meeting = s.get_meeting(db, loaded, viewer=ACTOR)
    assert (meeting.start_time, meeting.end_time) == (time(9, 30), time(11, 30))
    assert (meeting.follow_up_start, meeting.follow_up_end) == (time(9, 30), time(11, 0))
    assert meeting.follow_up_place == "Familiehuset, mødelokale 2"
    assert dumps_meeting(db, loaded, viewer=ACTOR) == demo_text


def _event(content: bytes):  # type: ignore[no-untyped-def]
    (event,) = Calendar.from_ical(content).walk("VEVENT")
    return event


@pytest.mark.parametrize(("day", "utc_hour"), [(date(2027, 1, 6), 8), (date(2027, 7, 7), 7)])
def test_the_calendar_file_carries_the_agreed_time_in_copenhagen_across_daylight_saving(
    db: Database, day: date, utc_hour: int
) -> None:
    mid = create_demo_case(db, date(2026, 11, 25))
    s.set_follow_up_date(db, ACTOR, mid, day, start="09:30", end="11:00", place="Familiehuset")
    content = render_follow_up_ics(s.load_meeting(db, mid, viewer=ACTOR), now=NOW)
    unfolded = content.decode().replace("\r\n ", "")
    assert f"DTSTART;TZID=Europe/Copenhagen:{day:%Y%m%d}T093000" in unfolded
    assert f"DTEND;TZID=Europe/Copenhagen:{day:%Y%m%d}T110000" in unfolded
    assert "BEGIN:VTIMEZONE" in unfolded and "TZID:Europe/Copenhagen" in unfolded
    assert "BEGIN:DAYLIGHT" in unfolded and "BEGIN:STANDARD" in unfolded
    event = _event(content)
    assert event.decoded("dtstart").astimezone(UTC) == datetime(day.year, day.month, day.day, utc_hour, 30,
                                                                 tzinfo=UTC)
    assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(minutes=90)
    assert "Familiehuset" not in unfolded  # the place stays out of calendars (privacy)


def test_a_follow_up_with_a_start_but_no_end_lasts_ninety_minutes(db: Database) -> None:
    mid = create_demo_case(db, date(2026, 11, 25))
    s.set_follow_up_date(db, ACTOR, mid, date(2027, 1, 6), start="13:00")
    event = _event(render_follow_up_ics(s.load_meeting(db, mid, viewer=ACTOR), now=NOW))
    assert event.decoded("dtend") - event.decoded("dtstart") == timedelta(minutes=90)


def test_the_calendar_title_has_the_childs_first_name_only(db: Database) -> None:
    mid = create_demo_case(db, date(2026, 11, 25))
    record = s.load_meeting(db, mid, viewer=ACTOR)
    s.edit_case(db, ACTOR, record.case.id, child_names="Alma Juhl (8 år)")
    event = _event(render_follow_up_ics(s.load_meeting(db, mid, viewer=ACTOR), now=NOW))
    assert str(event["summary"]) == "Opfølgningsmøde om Alma"
    s.edit_case(db, ACTOR, record.case.id, child_names="Alma (8) og Bo Juhl (5 år)")
    event = _event(render_follow_up_ics(s.load_meeting(db, mid, viewer=ACTOR), now=NOW))
    assert str(event["summary"]) == "Opfølgningsmøde om Alma og Bo"


def test_the_minute_gives_the_meetings_time_and_the_next_meetings_date_time_and_place(db: Database) -> None:
    mid = create_demo_case(db, date(2026, 11, 25))
    record = s.load_meeting(db, mid, viewer=ACTOR)
    text = full_text(open_docx(render_minute(record, now=NOW)))
    assert "25. november 2026 · kl. 9.30–11.30 · Familiehuset, mødelokale 2" in text
    assert "Vi mødes igen til opfølgning 6. januar 2027 kl. 9.30–11.00, Familiehuset, mødelokale 2." in text
    english = full_text(open_docx(render_minute(record, now=NOW, language="en")))
    assert "We meet again for a follow-up 6 January 2027 9:30–11:00, Familiehuset, mødelokale 2." in english
    anonymised = full_text(open_docx(render_minute(record, now=NOW, anonymised=True)))
    assert "Vi mødes igen til opfølgning 6. januar 2027 kl. 9.30–11.00." in anonymised
    assert "mødelokale" not in anonymised  # the meeting place stays out (a measure's provider, an organisation, stays)


def test_without_an_agreed_time_the_minute_says_by_when(db: Database) -> None:
    mid = create_demo_case(db, date(2026, 11, 25))
    s.set_follow_up_date(db, ACTOR, mid, None)
    text = full_text(open_docx(render_minute(s.load_meeting(db, mid, viewer=ACTOR), now=NOW)))
    assert "Vi mødes igen til opfølgning senest 6. januar 2027." in text


def test_a_follow_up_late_in_the_range_has_the_daylight_saving_rules_of_its_year(db: Database) -> None:
    mid = create_demo_case(db, date(2026, 11, 25))
    s.set_follow_up_date(db, ACTOR, mid, date(2099, 7, 1), start="09:30")
    content = render_follow_up_ics(s.load_meeting(db, mid, viewer=ACTOR), now=NOW).decode().replace("\r\n ", "")
    assert "DTSTART;TZID=Europe/Copenhagen:20990701T093000" in content
    assert "20990329T030000" in content  # summer time begins on the last Sunday of March 2099
    assert "1970" not in content and "2038" not in content


def test_a_backup_with_an_agenda_timestamp_in_year_9999_is_refused(db: Database, demo_data: dict[str, object]) -> None:
    agenda = demo_data["agenda"]
    assert isinstance(agenda, list)
    agenda[0]["started_at"] = "9999-12-31T10:00:00"
    with pytest.raises(BackupError):
        loads_meeting(db, ACTOR, json.dumps(demo_data))
    assert s.list_cases(db, viewer=ACTOR) == []
