"""In-memory meeting records for the network-map tests (no database needed)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from facilitation.domain import model as m


def record_with(
    people: list[tuple[str, m.Sector, int]],
    relations: list[tuple[int, int, str, bool]] | None = None,
    *,
    child_names: str = "Alma",
    meeting_id: int = 1,
    helps: str = "",
) -> m.MeetingRecord:
    """A meeting whose participants are (name, sector, ring); relations use 0-based people indexes."""
    case = m.Case(1, "Familien Test", child_names, m.CaseType.ASSESSMENT)
    meeting = m.Meeting(
        meeting_id, 1, m.MeetingKind.START, date(2026, 11, 25), "", "", m.MeetingStatus.PLANNED, 1
    )
    participants = [
        m.Participant(
            id=i + 1, meeting_id=meeting_id, name=name, relation="", sector=sector, ring=ring,
            group=m.Group.NETWORK, attendance=m.Attendance.PRESENT, can_help_with=helps, position=i,
        )
        for i, (name, sector, ring) in enumerate(people)
    ]
    ties = [
        m.Relation(id=j + 1, meeting_id=meeting_id, from_id=a + 1, to_id=b + 1, kind=kind, strained=strained)
        for j, (a, b, kind, strained) in enumerate(relations or [])
    ]
    return m.MeetingRecord(case=case, meeting=meeting, participants=participants, relations=ties)


def crowd(count: int, sector: m.Sector, ring: int, prefix: str = "Person") -> list[tuple[str, m.Sector, int]]:
    """`count` people in one sector and ring, named '<prefix> 1' ... '<prefix> n'."""
    return [(f"{prefix} {i + 1}", sector, ring) for i in range(count)]


def with_person(record: m.MeetingRecord, name: str, **fields: Any) -> m.MeetingRecord:
    """The record with these fields (relation, attendance, can_help_with, ...) changed on the person named."""
    assert any(p.name == name for p in record.participants), name
    people = [replace(p, **fields) if p.name == name else p for p in record.participants]
    return replace(record, participants=people)
