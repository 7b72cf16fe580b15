"""Services for what a meeting arrives at: scores, goals, agreed actions and evaluation."""

from __future__ import annotations

from datetime import date
from typing import Any

from facilitation.domain import model as m
from facilitation.domain import outcomes as rules
from facilitation.domain.access import Actor
from facilitation.domain.validation import ValidationError, choice
from facilitation.services.board import safety_goal
from facilitation.storage import Database
from facilitation.storage import meeting_edit as store
from facilitation.storage.meeting_edit import MeetingView, edit

goal_values = rules.goal_values
action_values = rules.action_values


def record_score(
    db: Database, actor: Actor, meeting_id: int, participant_id: int, score: int | str, reason: str = ""
) -> None:
    """Record (or replace) a participant's number on the 0–10 safety scale."""
    if participant_id is None:
        raise ValidationError("empty", field="participant")
    values = rules.score_values(score, reason)
    with edit(db, meeting_id, actor) as e:
        e.get(m.Participant, participant_id, what="participant")
        given = e.items(m.Score, participant_id=participant_id)
        if given:
            e.update(m.Score, given[0].id, **values)
        else:
            e.insert(m.Score, participant_id=participant_id, **values)


def remove_score(db: Database, actor: Actor, meeting_id: int, score_id: int) -> None:
    """Take back a score."""
    store.delete_item(db, actor, meeting_id, m.Score, score_id)


def add_goal(
    db: Database, actor: Actor, meeting_id: int, term: str, text: str, owner: str = "", *,
    safety_goal_id: int | None = None, plan_for: str = m.PlanFor.CHILD, plan_for_name: str = "",
) -> int:
    """Add a short- or long-term goal for the child, a person or the family, optionally answering a safety goal."""
    values = rules.goal_values(dict(term=term, text=text, owner=owner, plan_for=plan_for,
                                    plan_for_name=plan_for_name))
    with edit(db, meeting_id, actor) as e:
        if safety_goal_id is not None:
            safety_goal(e, safety_goal_id)
        return e.insert(m.Goal, safety_goal_id=safety_goal_id, **values)


def edit_goal(db: Database, actor: Actor, meeting_id: int, goal_id: int, **fields: Any) -> None:
    """Change a goal's text or owner (use move_goal to change its term)."""
    fields.pop("term", None)
    store.update_item(db, actor, meeting_id, m.Goal, goal_id, **rules.goal_values(fields))


def follow_goal(
    db: Database, actor: Actor, meeting_id: int, goal_id: int, *, progress: int | str | None = None,
    status: str | None = None,
) -> None:
    """Record how far a goal has come at this meeting (0–10, None: not asked) and, if given, its status."""
    fields: dict[str, Any] = {"progress": progress}
    if status is not None:
        fields["status"] = status
    store.update_item(db, actor, meeting_id, m.Goal, goal_id, **rules.goal_values(fields))


def move_goal(
    db: Database, actor: Actor, meeting_id: int, goal_id: int, to_index: int, term: str | None = None
) -> None:
    """Reorder a goal, or move it between short and long term."""
    scope = {} if term is None else {"term": choice(term, m.GoalTerm, "term").value}
    store.move_item(db, actor, meeting_id, m.Goal, goal_id, to_index, **scope)


def remove_goal(db: Database, actor: Actor, meeting_id: int, goal_id: int) -> None:
    """Remove a goal; actions linked to it keep existing, unlinked."""
    store.delete_item(db, actor, meeting_id, m.Goal, goal_id)


def add_action(
    db: Database, actor: Actor, meeting_id: int, what: str, who: str, due: date | str | None = None,
    coordinator: str = m.Coordinator.FAMILY, goal_id: int | None = None, *, plan_for: str = m.PlanFor.CHILD,
    plan_for_name: str = "",
) -> int:
    """Agree an action: what, who, by when, who coordinates, and whom it is for; returns its id."""
    values = rules.action_values(dict(
        what=what, who=who, due=due, coordinator=coordinator, status=m.ActionStatus.OPEN, goal_id=goal_id,
        plan_for=plan_for, plan_for_name=plan_for_name,
    ))
    with edit(db, meeting_id, actor) as e:
        _check_goal(e, goal_id)
        return e.insert(m.Action, **values)


def edit_action(db: Database, actor: Actor, meeting_id: int, action_id: int, *, drawn: m.Action | None = None,
                **fields: Any) -> None:
    """Change any of an action's what, who, due, coordinator, status or linked goal.

    `drawn`: the action as the editing table showed it. A field stored differently by now was changed since
    (by another device, or by this very edit when Streamlit replays a replaced table's callback): it is
    left alone, so an old table never writes its old edit back over a newer one.
    """
    values = rules.action_values(fields)
    if not values:
        store.update_item(db, actor, meeting_id, m.Action, action_id)
        return
    with edit(db, meeting_id, actor) as e:
        if drawn is not None:
            current = e.get(m.Action, action_id, what="action")
            values = {name: value for name, value in values.items() if getattr(current, name) == getattr(drawn, name)}
            if not values:
                e.unchanged()
                return
        if "goal_id" in values:
            _check_goal(e, values["goal_id"])
        e.update(m.Action, action_id, **values)


def remove_action(db: Database, actor: Actor, meeting_id: int, action_id: int, *, gone_ok: bool = False) -> None:
    """Remove an agreed action (`gone_ok`: one already gone is no error, and nothing is stored)."""
    store.delete_item(db, actor, meeting_id, m.Action, action_id, gone_ok=gone_ok)


def move_action(db: Database, actor: Actor, meeting_id: int, action_id: int, to_index: int) -> None:
    """Move an action to another place in the list."""
    store.move_item(db, actor, meeting_id, m.Action, action_id, to_index)


def record_evaluation(
    db: Database, actor: Actor, meeting_id: int, respondent: str, heard: int | str, useful: int | str,
    comment: str = "",
) -> int:
    """Store one answer to 'were you heard?' and 'was it useful?' (1–5); returns its id."""
    values = rules.evaluation_values(respondent, heard, useful, comment)
    return store.insert_item(db, actor, meeting_id, m.Evaluation, **values)


def remove_evaluation(db: Database, actor: Actor, meeting_id: int, evaluation_id: int) -> None:
    """Remove an evaluation answer."""
    store.delete_item(db, actor, meeting_id, m.Evaluation, evaluation_id)


def _check_goal(e: MeetingView, goal_id: int | None) -> None:
    if goal_id is not None:
        e.get(m.Goal, goal_id, what="goal")

