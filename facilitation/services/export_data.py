"""Gathering what the exports need from the database, so export/ works on domain types alone."""

from __future__ import annotations

import json

from facilitation.domain.access import Actor
from facilitation.domain.minute_data import Drawing, MinuteData
from facilitation.domain.model import DrawingBackground, MeetingRecord
from facilitation.domain.scaling import ScoreRound
from facilitation.domain.validation import ValidationError
from facilitation.services.drawings import drawing_canvas, drawing_png, list_drawings
from facilitation.services.meetings import list_meetings, load_meeting
from facilitation.services.scaling import score_history
from facilitation.storage import Database


def gather_minute(db: Database, meeting_id: int, *, viewer: Actor, anonymised: bool = False) -> MinuteData:
    """The meeting's record, the case's earlier scores and (unless anonymised) its drawings."""
    record = load_meeting(db, meeting_id, viewer=viewer)
    history = tuple(score_history(db, record.case.id, viewer=viewer, until=record.meeting.date))
    drawings = () if anonymised else meeting_drawings(db, meeting_id, viewer=viewer)
    return MinuteData(record=record, history=history, drawings=drawings)


def meeting_drawings(db: Database, meeting_id: int, *, viewer: Actor) -> tuple[Drawing, ...]:
    """The meeting's drawings that have something on them, as (name, PNG), in their order."""
    found: list[Drawing] = []
    for drawing in list_drawings(db, meeting_id, viewer=viewer):
        try:
            canvas = drawing_canvas(db, meeting_id, drawing.id, viewer=viewer)[1]
            drawn = bool((json.loads(canvas) if isinstance(canvas, str) else canvas).get("objects"))
        except (ValidationError, ValueError, AttributeError):  # damaged: its last picture is still what was drawn
            drawn = True
        if drawn or drawing.background != DrawingBackground.BLANK:
            found.append((drawing.name, drawing_png(db, meeting_id, drawing.id, viewer=viewer)[1]))
    return tuple(found)


def gather_handover(db: Database, meeting_id: int, *, viewer: Actor) -> tuple[list[MeetingRecord], list[ScoreRound]]:
    """The case of a meeting up to that meeting (oldest first), and the case's scaling rounds until then."""
    chosen = load_meeting(db, meeting_id, viewer=viewer)
    until = (chosen.meeting.date, chosen.meeting.id)
    meetings = [m for m in list_meetings(db, chosen.case.id, viewer=viewer) if (m.date, m.id) <= until]
    records = [load_meeting(db, m.id, viewer=viewer) if m.id != meeting_id else chosen
               for m in sorted(meetings, key=lambda m: (m.date, m.id))]
    history = score_history(db, chosen.case.id, viewer=viewer, until=chosen.meeting.date)
    return records, [r for r in history if (r.date, r.meeting_id) <= until]


def case_meetings_of(db: Database, meeting_id: int, *, viewer: Actor) -> list[MeetingRecord]:
    """Every meeting of this meeting's case, oldest first (the network over time)."""
    case_id = load_meeting(db, meeting_id, viewer=viewer).case.id
    meetings = sorted(list_meetings(db, case_id, viewer=viewer), key=lambda m: (m.date, m.id))
    return [load_meeting(db, m.id, viewer=viewer) for m in meetings]
