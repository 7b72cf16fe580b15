"""Follow-up services: the next follow-up date, how to reach the caseworkers, and carrying a case forward.

A follow-up meeting starts from the earlier meeting's goals and its open actions (carried in one
transaction; services.planning creates the meeting in that same one); the rules of what is copied are in
facilitation.domain.carry_forward. Earlier scores are read across the case instead (services.score_history),
which is how the board and the minute show progress.
"""

from __future__ import annotations

from datetime import date, time

from facilitation.domain import carry_forward as rules
from facilitation.domain import meetings as meeting_rules
from facilitation.domain import model as m
from facilitation.domain.access import Actor
from facilitation.domain.carry_forward import REVIEW_MINUTES, REVIEW_TITLES
from facilitation.domain.roles import Role
from facilitation.domain.validation import SHORT_MAX, ValidationError, choice, single_line
from facilitation.storage import Database
from facilitation.storage import cases as store
from facilitation.storage.meeting_edit import MeetingEdit, edit

__all__ = ["REVIEW_TITLES", "carry_forward", "copy_goals_forward", "copy_open_actions_forward",
           "set_follow_up_date", "set_role_contact"]


def set_follow_up_date(
    db: Database, actor: Actor, meeting_id: int, when: date | str | None, *,
    start: time | str | None = None, end: time | str | None = None, place: str = "",
) -> date | None:
    """Store the agreed date of the next follow-up with its time and place, when agreed.

    None or '' as the date goes back to the cadence's date and clears the time and place.
    """
    if when in (None, ""):
        start, end, place = None, None, ""
    values = meeting_rules.meeting_values({"follow_up_date": when, "follow_up_start": start,
                                           "follow_up_end": end, "follow_up_place": place})
    with edit(db, meeting_id, actor) as e:
        e.set_meeting(**values)
    day: date | None = values["follow_up_date"]
    return day


def set_role_contact(db: Database, actor: Actor, meeting_id: int, role: str, contact: str) -> None:
    """Say how the family reaches the caseworker holding a role (phone, e-mail, hours); '' clears it."""
    the_role = choice(role, Role, "role")
    text = single_line(contact, "contact", SHORT_MAX, required=False)
    store.set_role_contact(db, actor, meeting_id, the_role, text)


def carry_forward(
    db: Database, actor: Actor, from_meeting_id: int, to_meeting_id: int, *, language: str = "da"
) -> None:
    """Start a meeting from an earlier one of the same case: its goals, then its open actions, in one edit."""
    with edit(db, to_meeting_id, actor) as e:
        copy_goals(e, from_meeting_id)
        copy_open_actions(e, from_meeting_id, language=language)


def copy_goals_forward(db: Database, actor: Actor, from_meeting_id: int, to_meeting_id: int) -> int:
    """Copy an earlier meeting's goals (without their board links) into a later one; returns how many."""
    with edit(db, to_meeting_id, actor) as e:
        return copy_goals(e, from_meeting_id)


def copy_open_actions_forward(
    db: Database, actor: Actor, from_meeting_id: int, to_meeting_id: int, *, language: str = "da"
) -> int:
    """Copy an earlier meeting's open actions for review; returns how many were copied."""
    with edit(db, to_meeting_id, actor) as e:
        return copy_open_actions(e, from_meeting_id, language=language)


def copy_goals(e: MeetingEdit, from_meeting_id: int) -> int:
    """Inside an open edit: copy another meeting's goals (without their board links); returns how many."""
    _check_same_case(e, from_meeting_id)
    copies = rules.goals_to_copy(e.items_of(m.Goal, from_meeting_id), e.items(m.Goal))
    for goal in copies:
        e.insert(m.Goal, term=goal.term.value, text=goal.text, owner=goal.owner, plan_for=goal.plan_for.value,
                 plan_for_name=goal.plan_for_name, carried_from_id=goal.id)
    return len(copies)


def copy_open_actions(e: MeetingEdit, from_meeting_id: int, *, language: str = "da") -> int:
    """Inside an open edit: copy another meeting's open actions and add the review item; returns how many."""
    _check_same_case(e, from_meeting_id)
    goal_ids = rules.goal_links(e.items_of(m.Goal, from_meeting_id), e.items(m.Goal))
    copies = rules.actions_to_carry(e.items_of(m.Action, from_meeting_id), e.items(m.Action))
    for action in copies:
        e.insert(
            m.Action, what=action.what, who=action.who, due=action.due, coordinator=action.coordinator.value,
            status=m.ActionStatus.OPEN.value, goal_id=goal_ids.get(action.goal_id) if action.goal_id else None,
            carried_from_id=action.id, plan_for=action.plan_for.value, plan_for_name=action.plan_for_name,
        )
    if copies and rules.needs_review_item(e.items(m.AgendaItem)):
        e.insert_first(m.AgendaItem, title=rules.review_title(language), planned_minutes=REVIEW_MINUTES, notes="")
    return len(copies)


def _check_same_case(e: MeetingEdit, from_meeting_id: int) -> None:
    if from_meeting_id == e.meeting_id:
        raise ValidationError("copy_to_same_meeting", field="meeting")
    rules.check_same_case(e.other_meeting(from_meeting_id), e.meeting())
