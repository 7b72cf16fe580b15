"""Carrying the network map forward: a follow-up meeting starts from the people of an earlier one.

People already in the target meeting (matched by name, ignoring case and spacing) are kept as they
are and not copied again; ties are added between the matched or copied people unless the same tie is
already there, so copying twice changes nothing the second time (facilitation.domain.carry_forward).
Everything about a person is copied; scores are not, as they belong to the meeting they were given in.
"""

from __future__ import annotations

from facilitation.domain import carry_forward as rules
from facilitation.domain import model as m
from facilitation.domain.access import Actor
from facilitation.domain.support import stored
from facilitation.domain.validation import ValidationError
from facilitation.storage import Database
from facilitation.storage.meeting_edit import MeetingEdit, edit


def copy_network_forward(db: Database, actor: Actor, from_meeting_id: int, to_meeting_id: int) -> None:
    """Copy an earlier meeting's people and ties into another meeting of the same case, in one edit."""
    with edit(db, to_meeting_id, actor) as e:
        copy_network(e, from_meeting_id)


def copy_network(e: MeetingEdit, from_meeting_id: int) -> None:
    """Inside an open edit: copy another meeting's people, then their ties (all in that edit's transaction)."""
    if from_meeting_id == e.meeting_id:
        raise ValidationError("copy_to_same_meeting", field="meeting")
    rules.check_same_case(e.other_meeting(from_meeting_id), e.meeting())
    plan = rules.people_to_copy(e.items_of(m.Participant, from_meeting_id), e.items(m.Participant))
    same = dict(plan.same)
    for person in plan.copies:
        same[person.id] = e.insert(
            m.Participant, name=person.name, relation=person.relation, sector=person.sector.value,
            ring=person.ring, group=person.group.value, attendance=person.attendance.value,
            can_help_with=person.can_help_with, standard_relation=person.standard_relation,
            supports=stored(person.supports), could_be_asked=person.could_be_asked,
        )
    for tie in rules.ties_to_add(e.items_of(m.Relation, from_meeting_id), e.items(m.Relation), same):
        e.insert(m.Relation, from_id=tie.from_id, to_id=tie.to_id, kind=tie.kind, strained=tie.strained)
