"""Services for what a meeting arrives at: scores, goals, agreed actions and evaluation."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from facilitation.domain import model as m
from facilitation.domain.validation import (
    NAME_MAX,
    TEXT_MAX,
    NotFoundError,
    ValidationError,
    a_date,
    choice,
    optional_text,
    required_text,
    single_line,
    whole_number,
)
from facilitation.services import _common as c
from facilitation.services.board import safety_goal_row
from facilitation.storage import Database
from facilitation.storage import tables as t


def record_score(
    db: Database, actor: str, meeting_id: int, participant_id: int, score: int | str, reason: str = ""
) -> None:
    """Record (or replace) a participant's number on the 0–10 safety scale."""
    if participant_id is None:
        raise ValidationError("empty", field="participant")
    number = whole_number(score, "score", m.SCORE_MIN, m.SCORE_MAX)
    why = optional_text(reason, "reason", TEXT_MAX)
    with db.edit(meeting_id, actor) as session:
        person = session.get(t.ParticipantRow, participant_id)
        if person is None or person.meeting_id != meeting_id:
            raise NotFoundError("participant", participant_id)
        row = session.scalar(
            select(t.ScoreRow).where(
                t.ScoreRow.meeting_id == meeting_id, t.ScoreRow.participant_id == participant_id
            )
        )
        if row is None:
            session.add(t.ScoreRow(meeting_id=meeting_id, participant_id=participant_id, score=number, reason=why))
        else:
            row.score, row.reason = number, why


def remove_score(db: Database, actor: str, meeting_id: int, score_id: int) -> None:
    """Take back a score."""
    c.delete_row(db, actor, meeting_id, t.ScoreRow, score_id)


def goal_values(fields: dict[str, Any]) -> dict[str, Any]:
    """Checked and cleaned column values for a goal."""
    values: dict[str, Any] = {}
    if "term" in fields:
        values["term"] = choice(fields["term"], m.GoalTerm, "term").value
    if "text" in fields:
        values["text"] = required_text(fields["text"], "text", TEXT_MAX)
    if "owner" in fields:
        values["owner"] = single_line(fields["owner"], "owner", NAME_MAX, required=False)
    return values


def add_goal(
    db: Database, actor: str, meeting_id: int, term: str, text: str, owner: str = "", *,
    safety_goal_id: int | None = None,
) -> int:
    """Add a short- or long-term goal, optionally answering a safety goal of the board; returns its id."""
    values = goal_values(dict(term=term, text=text, owner=owner))
    if safety_goal_id is not None:
        with db.read() as session:
            safety_goal_row(session, meeting_id, safety_goal_id)
    return c.insert_row(db, actor, meeting_id, t.GoalRow(position=None, safety_goal_id=safety_goal_id, **values))


def edit_goal(db: Database, actor: str, meeting_id: int, goal_id: int, **fields: Any) -> None:
    """Change a goal's text or owner (use move_goal to change its term)."""
    fields.pop("term", None)
    c.update_row(db, actor, meeting_id, t.GoalRow, goal_id, **goal_values(fields))


def move_goal(db: Database, actor: str, meeting_id: int, goal_id: int, to_index: int, term: str | None = None) -> None:
    """Reorder a goal, or move it between short and long term."""
    scope = {} if term is None else {"term": choice(term, m.GoalTerm, "term").value}
    c.move_row(db, actor, meeting_id, t.GoalRow, goal_id, to_index, **scope)


def remove_goal(db: Database, actor: str, meeting_id: int, goal_id: int) -> None:
    """Remove a goal; actions linked to it keep existing, unlinked."""
    c.delete_row(db, actor, meeting_id, t.GoalRow, goal_id)


def action_values(fields: dict[str, Any]) -> dict[str, Any]:
    """Checked and cleaned column values for an action."""
    values: dict[str, Any] = {}
    if "what" in fields:
        values["what"] = required_text(fields["what"], "what", TEXT_MAX)
    if "who" in fields:
        values["who"] = single_line(fields["who"], "who", NAME_MAX)
    if "due" in fields:
        due = fields["due"]
        values["due"] = None if due in (None, "") else a_date(due, "due")
    if "coordinator" in fields:
        values["coordinator"] = choice(fields["coordinator"], m.Coordinator, "coordinator").value
    if "status" in fields:
        values["status"] = choice(fields["status"], m.ActionStatus, "status").value
    if "goal_id" in fields:
        values["goal_id"] = fields["goal_id"]
    return values


def _check_goal(db: Database, meeting_id: int, goal_id: int | None) -> None:
    if goal_id is None:
        return
    with db.read() as session:
        goal = session.get(t.GoalRow, goal_id)
        if goal is None or goal.meeting_id != meeting_id:
            raise NotFoundError("goal", goal_id)


def add_action(
    db: Database, actor: str, meeting_id: int, what: str, who: str, due: date | str | None = None,
    coordinator: str = m.Coordinator.FAMILY, goal_id: int | None = None,
) -> int:
    """Agree an action: what, who, by when, who coordinates; returns its id."""
    values = action_values(dict(
        what=what, who=who, due=due, coordinator=coordinator, status=m.ActionStatus.OPEN, goal_id=goal_id,
    ))
    _check_goal(db, meeting_id, goal_id)
    return c.insert_row(db, actor, meeting_id, t.ActionRow(position=None, **values))


def edit_action(db: Database, actor: str, meeting_id: int, action_id: int, **fields: Any) -> None:
    """Change any of an action's what, who, due, coordinator, status or linked goal."""
    values = action_values(fields)
    if "goal_id" in values:
        _check_goal(db, meeting_id, values["goal_id"])
    c.update_row(db, actor, meeting_id, t.ActionRow, action_id, **values)


def remove_action(db: Database, actor: str, meeting_id: int, action_id: int) -> None:
    """Remove an agreed action."""
    c.delete_row(db, actor, meeting_id, t.ActionRow, action_id)


def move_action(db: Database, actor: str, meeting_id: int, action_id: int, to_index: int) -> None:
    """Move an action to another place in the list."""
    c.move_row(db, actor, meeting_id, t.ActionRow, action_id, to_index)


def record_evaluation(
    db: Database, actor: str, meeting_id: int, respondent: str, heard: int | str, useful: int | str,
    comment: str = "",
) -> int:
    """Store one answer to 'were you heard?' and 'was it useful?' (1–5); returns its id."""
    row = t.EvaluationRow(
        respondent=single_line(respondent, "respondent", NAME_MAX, required=False),
        heard=whole_number(heard, "heard", 1, 5),
        useful=whole_number(useful, "useful", 1, 5),
        comment=optional_text(comment, "comment", TEXT_MAX),
    )
    return c.insert_row(db, actor, meeting_id, row)


def remove_evaluation(db: Database, actor: str, meeting_id: int, evaluation_id: int) -> None:
    """Remove an evaluation answer."""
    c.delete_row(db, actor, meeting_id, t.EvaluationRow, evaluation_id)
