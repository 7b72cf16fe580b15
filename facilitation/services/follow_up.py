"""Follow-up services: the next follow-up date, how to reach the caseworkers, and carrying a case forward.

A follow-up meeting starts from the earlier meeting's goals and its open actions (each copy is one
transaction). Copying is idempotent: a goal already there (same term and text) or an action already
carried (same `carried_from_id`) is not copied again. Scores are deliberately *not* copied: a copied
number would look like an answer given at the new meeting; earlier scores are read across the case
instead (services.score_history), which is how the board and the minute show progress.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from facilitation.domain import model as m
from facilitation.domain.roles import Role
from facilitation.domain.validation import SHORT_MAX, NotFoundError, ValidationError, a_date, choice, single_line
from facilitation.services import _common as c
from facilitation.storage import Database
from facilitation.storage import tables as t

REVIEW_TITLES = {"da": "Gennemgang af aftaler fra sidst", "en": "Review of last meeting's actions"}
"""The agenda item under which carried actions are reviewed (as in the follow-up meeting's default agenda)."""
REVIEW_MINUTES = 15


def set_follow_up_date(db: Database, actor: str, meeting_id: int, when: date | str | None) -> date | None:
    """Store the agreed date of the next follow-up; None or '' goes back to the cadence's date."""
    day = None if when in (None, "") else a_date(when, "follow_up_date")
    with db.edit(meeting_id, actor) as session:
        row = session.get(t.MeetingRow, meeting_id)
        assert row is not None  # db.edit has just found it
        row.follow_up_date = day
    return day


def set_role_contact(db: Database, actor: str, meeting_id: int, role: str, contact: str) -> None:
    """Say how the family reaches the caseworker holding a role (phone, e-mail, hours); '' clears it."""
    the_role = choice(role, Role, "role")
    text = single_line(contact, "contact", SHORT_MAX, required=False)
    with db.edit(meeting_id, actor) as session:
        row = session.scalar(
            select(t.RoleRow).where(t.RoleRow.meeting_id == meeting_id, t.RoleRow.role == the_role.value)
        )
        if row is None:
            raise ValidationError("role_not_held", field="role")
        row.contact = text


def carry_forward(db: Database, actor: str, from_meeting_id: int, to_meeting_id: int, *, language: str = "da") -> None:
    """Start a meeting from an earlier one of the same case: its goals, then its open actions."""
    copy_goals_forward(db, actor, from_meeting_id, to_meeting_id)
    copy_open_actions_forward(db, actor, from_meeting_id, to_meeting_id, language=language)


def copy_goals_forward(db: Database, actor: str, from_meeting_id: int, to_meeting_id: int) -> int:
    """Copy an earlier meeting's goals (without their board links) into a later one; returns how many."""
    with db.edit(to_meeting_id, actor) as session:
        _check_same_case(session, from_meeting_id, to_meeting_id)
        have = {(g.term, g.text) for g in _rows(session, t.GoalRow, to_meeting_id)}
        copied = 0
        for goal in _rows(session, t.GoalRow, from_meeting_id):
            if (goal.term, goal.text) in have:
                continue
            have.add((goal.term, goal.text))
            position = c.next_position(session, t.GoalRow, to_meeting_id, t.GoalRow.term == goal.term)
            session.add(t.GoalRow(
                meeting_id=to_meeting_id, term=goal.term, text=goal.text, owner=goal.owner, position=position,
            ))
            session.flush()
            copied += 1
        return copied


def copy_open_actions_forward(
    db: Database, actor: str, from_meeting_id: int, to_meeting_id: int, *, language: str = "da"
) -> int:
    """Copy an earlier meeting's open actions for review; returns how many were copied."""
    with db.edit(to_meeting_id, actor) as session:
        _check_same_case(session, from_meeting_id, to_meeting_id)
        target_goals = {(g.term, g.text): g.id for g in _rows(session, t.GoalRow, to_meeting_id)}
        goal_ids = {g.id: target_goals.get((g.term, g.text)) for g in _rows(session, t.GoalRow, from_meeting_id)}
        carried = {a.carried_from_id for a in _rows(session, t.ActionRow, to_meeting_id)}
        position = c.next_position(session, t.ActionRow, to_meeting_id)
        copied = 0
        for action in _rows(session, t.ActionRow, from_meeting_id):
            if action.status != m.ActionStatus.OPEN or action.id in carried:
                continue
            session.add(t.ActionRow(
                meeting_id=to_meeting_id, what=action.what, who=action.who, due=action.due,
                coordinator=action.coordinator, status=m.ActionStatus.OPEN.value,
                goal_id=goal_ids.get(action.goal_id) if action.goal_id else None,
                position=position, carried_from_id=action.id,
            ))
            position += 1
            copied += 1
        if copied:
            _ensure_review_item(session, to_meeting_id, language)
        return copied


def _ensure_review_item(session: Session, meeting_id: int, language: str) -> None:
    """Put 'Gennemgang af aftaler fra sidst' first on the agenda unless the agenda already has it."""
    titles = {title.casefold() for title in REVIEW_TITLES.values()}
    agenda = _rows(session, t.AgendaItemRow, meeting_id)
    if any(item.title.casefold() in titles for item in agenda):
        return
    session.execute(
        update(t.AgendaItemRow).where(t.AgendaItemRow.meeting_id == meeting_id)
        .values(position=t.AgendaItemRow.position + 1)
    )
    session.add(t.AgendaItemRow(
        meeting_id=meeting_id, title=REVIEW_TITLES.get(language, REVIEW_TITLES["da"]),
        planned_minutes=REVIEW_MINUTES, position=0, notes="",
    ))


def _check_same_case(session: Session, from_meeting_id: int, to_meeting_id: int) -> None:
    if from_meeting_id == to_meeting_id:
        raise ValidationError("copy_to_same_meeting", field="meeting")
    source, target = session.get(t.MeetingRow, from_meeting_id), session.get(t.MeetingRow, to_meeting_id)
    if source is None:
        raise NotFoundError("meeting", from_meeting_id)
    assert target is not None  # db.edit found it
    if source.case_id != target.case_id:  # never carry one family's plan into another case
        raise ValidationError("copy_across_cases", field="meeting")


def _rows(session: Session, row_cls: type[t.GoalRow | t.ActionRow | t.AgendaItemRow], meeting_id: int) -> list:  # type: ignore[type-arg]
    query = select(row_cls).where(row_cls.meeting_id == meeting_id).order_by(row_cls.position, row_cls.id)
    return list(session.scalars(query))
