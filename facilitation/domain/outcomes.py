"""Rules for what a meeting arrives at: scores, goals, agreed actions and the evaluation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from facilitation.domain import model as m
from facilitation.domain.validation import (
    NAME_MAX,
    TEXT_MAX,
    ValidationError,
    a_date,
    choice,
    optional_text,
    required_text,
    single_line,
    whole_number,
)

EVALUATION_MIN = 1
EVALUATION_MAX = 5


def score_values(score: object, reason: object) -> dict[str, Any]:
    """A checked number on the 0–10 safety scale, with its reason."""
    return {
        "score": whole_number(score, "score", m.SCORE_MIN, m.SCORE_MAX),
        "reason": optional_text(reason, "reason", TEXT_MAX),
    }


def plan_for_values(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Whom a goal or action is for: the child, the family, or a person (then their name is required)."""
    if "plan_for" not in fields and "plan_for_name" not in fields:
        return {}
    plan_for = choice(fields.get("plan_for") or m.PlanFor.CHILD.value, m.PlanFor, "plan_for")
    name = single_line(fields.get("plan_for_name") or "", "plan_for_name", NAME_MAX, required=False)
    if plan_for == m.PlanFor.PERSON and not name:
        raise ValidationError("empty", field="plan_for_name")
    return {"plan_for": plan_for.value, "plan_for_name": name if plan_for == m.PlanFor.PERSON else ""}


def goal_values(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Checked and cleaned values for a goal."""
    values: dict[str, Any] = plan_for_values(fields)
    if "term" in fields:
        values["term"] = choice(fields["term"], m.GoalTerm, "term").value
    if "text" in fields:
        values["text"] = required_text(fields["text"], "text", TEXT_MAX)
    if "owner" in fields:
        values["owner"] = single_line(fields["owner"], "owner", NAME_MAX, required=False)
    if "progress" in fields:
        progress = fields["progress"]
        values["progress"] = None if progress in (None, "") else whole_number(
            progress, "progress", m.PROGRESS_MIN, m.PROGRESS_MAX)
    if "status" in fields:
        values["status"] = choice(fields["status"], m.GoalStatus, "goal_status").value
    return values


def action_values(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Checked and cleaned values for an action."""
    values: dict[str, Any] = plan_for_values(fields)
    if "what" in fields:
        values["what"] = required_text(fields["what"], "what", TEXT_MAX)
    if "who" in fields:
        values["who"] = single_line(fields["who"], "who", NAME_MAX, required=False)  # "" = not agreed yet
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


def evaluation_values(respondent: object, heard: object, useful: object, comment: object) -> dict[str, Any]:
    """A checked answer to 'were you heard?' and 'was it useful?' (1–5)."""
    return {
        "respondent": single_line(respondent, "respondent", NAME_MAX, required=False),
        "heard": whole_number(heard, "heard", EVALUATION_MIN, EVALUATION_MAX),
        "useful": whole_number(useful, "useful", EVALUATION_MIN, EVALUATION_MAX),
        "comment": optional_text(comment, "comment", TEXT_MAX),
    }


def overdue(action: m.Action, today: date) -> bool:
    """An open action whose date has passed (allowed, but shown)."""
    return action.status == m.ActionStatus.OPEN and action.due is not None and action.due < today


def not_agreed(action: m.Action) -> bool:
    """An open action still missing who does it or by when: said in the room, not yet agreed."""
    return action.status == m.ActionStatus.OPEN and (not action.who.strip() or action.due is None)


class ActionFlag(StrEnum):
    """What a reader of the actions must notice first (catalog keys 'action_flag.<value>')."""

    OVERDUE = "overdue"
    NOT_AGREED = "not_agreed"


def action_flags(action: m.Action, today: date) -> tuple[ActionFlag, ...]:
    """The flags of one action, the most urgent first (none for a settled action)."""
    flags = (ActionFlag.OVERDUE,) if overdue(action, today) else ()
    return flags + ((ActionFlag.NOT_AGREED,) if not_agreed(action) else ())


@dataclass(frozen=True)
class EvaluationMeans:
    """The average answers of a meeting's evaluation."""

    count: int
    heard: float
    useful: float


def evaluation_means(answers: Sequence[m.Evaluation]) -> EvaluationMeans | None:
    """The averages of 'heard' and 'useful' (None when nobody answered)."""
    if not answers:
        return None
    count = len(answers)
    return EvaluationMeans(count, sum(e.heard for e in answers) / count, sum(e.useful for e in answers) / count)
