"""The case over time as plain numbers per meeting: who was on the map, the room's scale, the actions' outcome.

Shared by the page "Sagens forløb" and the handover document, so both tell the same story.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from statistics import median
from types import MappingProxyType

from facilitation.domain import model as m


@dataclass(frozen=True)
class MeetingSummary:
    """One meeting of the case in numbers."""

    meeting_id: int
    day: date
    kind: m.MeetingKind
    status: m.MeetingStatus
    people: int  # on the map, the child not counted
    per_sector: Mapping[m.Sector, int]
    median: float | None  # the room's median on the 0–10 scale (None: nobody answered)
    done: int
    open: int
    dropped: int


def summaries(records: Sequence[m.MeetingRecord]) -> list[MeetingSummary]:
    """Each meeting of `records` (oldest first) in numbers."""
    found = []
    for record in records:
        people = [p for p in record.participants if not p.is_child]
        scores = [s.score for s in record.scores]
        count = {status: sum(a.status == status for a in record.actions) for status in m.ActionStatus}
        found.append(MeetingSummary(
            record.meeting.id, record.meeting.date, record.meeting.kind, record.meeting.status, len(people),
            MappingProxyType({s: sum(p.sector == s for p in people) for s in m.Sector}),
            float(median(scores)) if scores else None,
            count[m.ActionStatus.DONE], count[m.ActionStatus.OPEN], count[m.ActionStatus.DROPPED],
        ))
    return found


def scores_by_person(records: Sequence[m.MeetingRecord]) -> dict[str, dict[int, int]]:
    """Each person's answer on the scale per meeting id, in the order people first answered."""
    table: dict[str, dict[int, int]] = {}
    for record in records:
        for score in record.scores:
            person = record.participant(score.participant_id)
            if person is not None:
                table.setdefault(person.name, {})[record.meeting.id] = score.score
    return table
