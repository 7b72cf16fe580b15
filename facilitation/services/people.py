"""Services for the people around the child and the ties between them."""

from __future__ import annotations

from typing import Any

from facilitation.domain import model as m
from facilitation.domain.validation import (
    SHORT_MAX,
    TEXT_MAX,
    NotFoundError,
    ValidationError,
    choice,
    optional_text,
    single_line,
    whole_number,
)
from facilitation.services import _common as c
from facilitation.storage import Database
from facilitation.storage import tables as t


def person_values(fields: dict[str, Any]) -> dict[str, Any]:
    """Checked and cleaned column values for a participant."""
    checks = {
        "name": lambda v: single_line(v, "name"),
        "relation": lambda v: single_line(v, "relation", SHORT_MAX, required=False),
        "sector": lambda v: choice(v, m.Sector, "sector").value,
        "ring": lambda v: whole_number(v, "ring", m.RING_CLOSEST, m.RING_FURTHEST),
        "group": lambda v: choice(v, m.Group, "group").value,
        "attendance": lambda v: choice(v, m.Attendance, "attendance").value,
        "can_help_with": lambda v: optional_text(v, "can_help_with", TEXT_MAX),
    }
    unknown = set(fields) - set(checks)
    if unknown:
        raise TypeError(f"unknown participant fields: {sorted(unknown)}")
    return {name: checks[name](value) for name, value in fields.items()}


def add_participant(
    db: Database, actor: str, meeting_id: int, name: str, *, relation: str = "",
    sector: str = m.Sector.FAMILY, ring: int = 2, group: str = m.Group.FAMILY,
    attendance: str = m.Attendance.PRESENT, can_help_with: str = "",
) -> int:
    """Add a person around the child to the meeting; returns their id."""
    values = person_values(dict(
        name=name, relation=relation, sector=sector, ring=ring, group=group,
        attendance=attendance, can_help_with=can_help_with,
    ))
    return c.insert_row(db, actor, meeting_id, t.ParticipantRow(position=None, **values))


def edit_participant(db: Database, actor: str, meeting_id: int, participant_id: int, **fields: Any) -> None:
    """Change any of a person's name, relation, sector, ring, group, attendance, can-help-with."""
    c.update_row(db, actor, meeting_id, t.ParticipantRow, participant_id, **person_values(fields))


def remove_participant(db: Database, actor: str, meeting_id: int, participant_id: int) -> None:
    """Remove a person (and their ties and score) from the meeting."""
    c.delete_row(db, actor, meeting_id, t.ParticipantRow, participant_id)


def move_participant(db: Database, actor: str, meeting_id: int, participant_id: int, to_index: int) -> None:
    """Move a person to another place in the list."""
    c.move_row(db, actor, meeting_id, t.ParticipantRow, participant_id, to_index)


def add_relation(
    db: Database, actor: str, meeting_id: int, from_id: int, to_id: int, kind: str = "",
    *, strained: bool = False,
) -> int:
    """Tie two people of the meeting together; returns the relation's id."""
    if from_id == to_id:
        raise ValidationError("relation_to_self", field="relation")
    kind_text = single_line(kind, "relation_kind", SHORT_MAX, required=False)
    with db.edit(meeting_id, actor) as session:
        for person_id in (from_id, to_id):
            person = session.get(t.ParticipantRow, person_id)
            if person is None or person.meeting_id != meeting_id:
                raise NotFoundError("participant", person_id)
        row = t.RelationRow(
            meeting_id=meeting_id, from_id=from_id, to_id=to_id, kind=kind_text, strained=strained
        )
        session.add(row)
        session.flush()
        return int(row.id)


def remove_relation(db: Database, actor: str, meeting_id: int, relation_id: int) -> None:
    """Remove a tie between two people."""
    c.delete_row(db, actor, meeting_id, t.RelationRow, relation_id)
