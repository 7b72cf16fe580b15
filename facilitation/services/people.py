"""Services for the people around the child and the ties between them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from facilitation.domain import model as m
from facilitation.domain import people as rules
from facilitation.domain.access import Actor
from facilitation.domain.validation import PEOPLE_MAX, room_for_one_more
from facilitation.storage import Database
from facilitation.storage import meeting_edit as store
from facilitation.storage.meeting_edit import edit

person_values = rules.person_values


def add_participant(
    db: Database, actor: Actor, meeting_id: int, name: str, *, relation: str = "",
    sector: str = m.Sector.FAMILY, ring: int = 2, group: str = m.Group.FAMILY,
    attendance: str = m.Attendance.PRESENT, can_help_with: str = "", standard_relation: str = "",
    supports: Sequence[object] = (), could_be_asked: bool = False,
) -> int:
    """Add a person around the child (ring 0: the child) to the meeting; returns their id."""
    values = rules.person_values(dict(
        name=name, relation=relation, sector=sector, ring=ring, group=group,
        attendance=attendance, can_help_with=can_help_with, standard_relation=standard_relation,
        supports=list(supports), could_be_asked=could_be_asked,
    ))
    with edit(db, meeting_id, actor) as e:
        room_for_one_more(e.count(m.Participant), PEOPLE_MAX, "too_many_people")
        return e.insert(m.Participant, **values)


def edit_participant(db: Database, actor: Actor, meeting_id: int, participant_id: int, **fields: Any) -> None:
    """Change any of a person's fields (name, relation, ..., supports, could-be-asked)."""
    store.update_item(db, actor, meeting_id, m.Participant, participant_id, **rules.person_values(fields))


def remove_participant(db: Database, actor: Actor, meeting_id: int, participant_id: int) -> None:
    """Remove a person (and their ties and score) from the meeting."""
    store.delete_item(db, actor, meeting_id, m.Participant, participant_id)


def move_participant(db: Database, actor: Actor, meeting_id: int, participant_id: int, to_index: int) -> None:
    """Move a person to another place in the list."""
    store.move_item(db, actor, meeting_id, m.Participant, participant_id, to_index)


def add_relation(
    db: Database, actor: Actor, meeting_id: int, from_id: int, to_id: int, kind: str = "",
    *, strained: bool = False,
) -> int:
    """Tie two people of the meeting together; returns the relation's id."""
    values = rules.relation_values(from_id, to_id, kind, strained)
    with edit(db, meeting_id, actor) as e:
        for person_id in (from_id, to_id):
            e.get(m.Participant, person_id, what="participant")
        return e.insert(m.Relation, **values)


def remove_relation(db: Database, actor: Actor, meeting_id: int, relation_id: int) -> None:
    """Remove a tie between two people."""
    store.delete_item(db, actor, meeting_id, m.Relation, relation_id)
