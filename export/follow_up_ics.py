"""The next follow-up meeting as an .ics calendar file (icalendar), for the caseworkers and the family.

Privacy: a calendar entry travels further than the minute (shared calendars, phones, colleagues who
see a caseworker's week), so it names only the child's first name(s) — what the family calls the case —
never the family name, a participant, the place or the case type. SUMMARY reads
'Opfølgningsmøde om Alma' ('Follow-up meeting about Alma' with language='en'), the first name only
however the name field was typed ('Alma Juhl (8 år)' gives 'Alma'); with
`anonymised=True` it holds the child's initials instead. Its words come from the catalogs.
The UID is stable per meeting (a UUID derived from the meeting id), so downloading the file again
after the date changed updates the same calendar entry; SEQUENCE is the meeting's version, which
grows with every edit. When the follow-up's date and start time are agreed, the event has that time in
Europe/Copenhagen (DTSTART;TZID=Europe/Copenhagen with its VTIMEZONE, so it is right on both sides of a
daylight-saving change) and lasts until the agreed end (else 90 minutes); otherwise it is a whole day.
Either way it has a reminder one week before, to invite the network in time.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

from export.docx_kit import safe
from facilitation.domain.anonymity import child_initials, first_names
from facilitation.domain.clock import utcnow
from facilitation.domain.dates import long_date
from facilitation.domain.measures import follow_up_date
from facilitation.domain.model import MeetingKind, MeetingRecord
from facilitation.domain.words import DEFAULT, label, text

PRODID = "-//Mødetavlen//Opfølgning//DA"  # an identifier of the program, not read by anyone: never translated
LOCAL = ZoneInfo("Europe/Copenhagen")  # the meetings' times of day are local wall-clock times
DEFAULT_LENGTH = timedelta(minutes=90)
_NAMESPACE = uuid.UUID("6f0c4a52-3c1e-4f53-9a55-6d6f65746176")  # fixed: the UID must never change


def follow_up_uid(meeting_id: int) -> str:
    """The calendar UID of a meeting's follow-up: the same every time the file is made."""
    return f"{uuid.uuid5(_NAMESPACE, f'follow-up:{meeting_id}')}@moedetavlen"


def _times(record: MeetingRecord, when: date | None) -> tuple[time | None, time | None]:
    """The agreed start and end time of the follow-up (none for another date than the agreed one)."""
    meeting = record.meeting
    if meeting.follow_up_date is None or (when is not None and when != meeting.follow_up_date):
        return None, None
    return meeting.follow_up_start, meeting.follow_up_end if meeting.follow_up_start else None


def render_follow_up_ics(
    record: MeetingRecord, *, anonymised: bool = False, when: date | None = None, now: datetime | None = None,
    language: str = DEFAULT,
) -> bytes:
    """An .ics file with one event on the follow-up date (agreed, or else the cadence's), in `language`.

    The event has the agreed time of day when there is one, else it is a whole day.
    """
    day = when or follow_up_date(record)
    names = safe(record.case.child_names).strip()
    child = child_initials(names) if anonymised else first_names(names)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", follow_up_uid(record.meeting.id))
    event.add("sequence", record.meeting.version)
    event.add("dtstamp", (now or utcnow()).replace(tzinfo=UTC))
    start, end = _times(record, when)
    if start is None:
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("transp", "TRANSPARENT")  # a reminder of a due date, not yet a booked time
    else:
        begins = datetime.combine(day, start, tzinfo=LOCAL)
        ends = datetime.combine(day, end, tzinfo=LOCAL) if end is not None else begins + DEFAULT_LENGTH
        event.add("dtstart", begins)
        event.add("dtend", ends)
        event.add("transp", "OPAQUE")
    kind = label("kind", MeetingKind.FOLLOW_UP, language)
    event.add("summary", text("about.meeting", language, kind=kind, child=child))
    event.add("description", text("ics.description", language, day=long_date(record.meeting.date, language)))
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", text("ics.reminder", language))
    alarm.add("trigger", timedelta(days=-7))
    event.add_component(alarm)
    calendar.add_component(event)
    # The VTIMEZONE of Europe/Copenhagen when the event has a time, with the changes of the years around it
    # (the library's default stops at 2038; dates go to 2100).
    calendar.add_missing_timezones(first_date=date(day.year - 1, 1, 1), last_date=date(day.year + 2, 1, 1))
    ical: bytes = calendar.to_ical()  # icalendar returns Any here
    return ical
