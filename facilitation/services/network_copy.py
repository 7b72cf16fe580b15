"""Carrying the network map forward: a follow-up meeting starts from the people of an earlier one.

People already in the target meeting (matched by name, ignoring case and spacing) are kept as
they are and not copied again; ties are added between the matched or copied people unless the
same tie is already there, so copying twice changes nothing the second time. Everything about a
person is copied (relation, sector, ring, group, attendance, can-help-with); scores are not, as
they belong to the meeting they were given in. Only meetings of the same case are copied between.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitation.domain.validation import NotFoundError, ValidationError
from facilitation.services import _common as c
from facilitation.storage import Database
from facilitation.storage import tables as t


def copy_network_forward(db: Database, actor: str, from_meeting_id: int, to_meeting_id: int) -> None:
    """Copy an earlier meeting's people and ties into another meeting of the same case, in one edit."""
    if from_meeting_id == to_meeting_id:
        raise ValidationError("copy_to_same_meeting", field="meeting")
    with db.edit(to_meeting_id, actor) as session:
        source = session.get(t.MeetingRow, from_meeting_id)
        target = session.get(t.MeetingRow, to_meeting_id)
        if source is None:
            raise NotFoundError("meeting", from_meeting_id)
        assert target is not None  # db.edit found it
        if source.case_id != target.case_id:  # never carry one family's network into another case
            raise ValidationError("copy_across_cases", field="meeting")

        kept: dict[str, int] = {}
        for person in _people(session, to_meeting_id):
            kept.setdefault(_name_key(person.name), person.id)
        position = c.next_position(session, t.ParticipantRow, to_meeting_id)
        copies: list[tuple[int, t.ParticipantRow]] = []
        same: dict[int, int] = {}
        for person in _people(session, from_meeting_id):
            existing = kept.get(_name_key(person.name))
            if existing is not None:
                same[person.id] = existing
                continue
            row = t.ParticipantRow(
                meeting_id=to_meeting_id, name=person.name, relation=person.relation, sector=person.sector,
                ring=person.ring, group=person.group, attendance=person.attendance,
                can_help_with=person.can_help_with, position=position,
            )
            position += 1
            session.add(row)
            copies.append((person.id, row))
        session.flush()
        same.update({old_id: row.id for old_id, row in copies})

        ties = {(r.from_id, r.to_id, r.kind) for r in _relations(session, to_meeting_id)}
        for relation in _relations(session, from_meeting_id):
            start, end = same.get(relation.from_id), same.get(relation.to_id)
            if start is None or end is None or start == end or (start, end, relation.kind) in ties:
                continue
            ties.add((start, end, relation.kind))
            session.add(t.RelationRow(
                meeting_id=to_meeting_id, from_id=start, to_id=end, kind=relation.kind,
                strained=relation.strained,
            ))


def _people(session: Session, meeting_id: int) -> list[t.ParticipantRow]:
    query = (
        select(t.ParticipantRow).where(t.ParticipantRow.meeting_id == meeting_id)
        .order_by(t.ParticipantRow.position, t.ParticipantRow.id)
    )
    return list(session.scalars(query))


def _relations(session: Session, meeting_id: int) -> list[t.RelationRow]:
    query = select(t.RelationRow).where(t.RelationRow.meeting_id == meeting_id).order_by(t.RelationRow.id)
    return list(session.scalars(query))


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()
