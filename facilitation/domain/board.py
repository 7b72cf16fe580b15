"""Rules of the Signs of Safety board: what a note may carry, pairing, and leaving a column."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from facilitation.domain import model as m
from facilitation.domain.validation import NAME_MAX, TEXT_MAX, ValidationError, choice, required_text, single_line

CATEGORY_MAX = 30


def board_category(value: object, kind: str) -> str:
    """A category allowed for a note of `kind` (e.g. past_harm for a worry), or "" for none."""
    text = single_line(value, "category", CATEGORY_MAX, required=False)
    if text and text not in m.CATEGORIES.get(m.BoardKind(kind), ()):
        raise ValidationError("invalid_choice", field="category", value=text)
    return text


def board_kind(value: object) -> str:
    """A checked column name (a BoardKind value)."""
    return choice(value, m.BoardKind, "kind").value


def note_values(fields: Mapping[str, Any], kind: str | None = None) -> dict[str, Any]:
    """Checked text, said-by and (with the note's column `kind`) category of a note."""
    values: dict[str, Any] = {}
    if "text" in fields:
        values["text"] = required_text(fields["text"], "text", TEXT_MAX)
    if "said_by" in fields:
        values["said_by"] = single_line(fields["said_by"], "said_by", NAME_MAX, required=False)
    if "category" in fields:
        category = single_line(fields["category"], "category", CATEGORY_MAX, required=False)
        values["category"] = category if kind is None else board_category(category, kind)
    return values


def check_answers(goal_kind: str, danger_kind: str) -> None:
    """Only a safety goal answers, and only a danger statement is answered."""
    if (goal_kind, danger_kind) != (m.BoardKind.SAFETY_GOAL, m.BoardKind.DANGER_STATEMENT):
        raise ValidationError("invalid_choice", field="answers", value=str(goal_kind)[:50])


@dataclass(frozen=True)
class ColumnChange:
    """What a note keeps after moving to another column, and which links to it must go."""

    category: str
    keeps_answer: bool  # a safety goal still answers its danger statement
    unlink_goals: bool  # goals that answered it as a safety goal lose that link
    unlink_answers: bool  # safety goals that answered it as a danger statement lose that link


def leave_column(note: m.BoardItem, new_kind: m.BoardKind) -> ColumnChange:
    """A note that leaves its column leaves what only made sense there.

    A category of the old column, its pairing (a worry cannot answer a danger statement), and the
    goals and safety goals answering it.
    """
    category = note.category if note.category in m.CATEGORIES.get(new_kind, ()) else ""
    is_goal, is_danger = new_kind == m.BoardKind.SAFETY_GOAL, new_kind == m.BoardKind.DANGER_STATEMENT
    return ColumnChange(category, keeps_answer=is_goal, unlink_goals=not is_goal, unlink_answers=not is_danger)


def speakers(record: m.MeetingRecord) -> list[str]:
    """Names to pick for 'said by': the people present, the child, the caseworkers holding a role."""
    names = [p.name for p in record.participants if p.attendance == m.Attendance.PRESENT]
    names += [record.case.child_names, *record.roles.values()]
    return list(dict.fromkeys(n for n in names if n))
