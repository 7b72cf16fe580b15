"""Services for the Signs of Safety board: notes, their categories, pairings, and the Three Houses."""

from __future__ import annotations

from typing import Any

from sqlalchemy import update
from sqlalchemy.orm import Session

from facilitation.domain import model as m
from facilitation.domain.validation import (
    NAME_MAX,
    TEXT_MAX,
    NotFoundError,
    ValidationError,
    choice,
    required_text,
    single_line,
)
from facilitation.services import _common as c
from facilitation.storage import Database
from facilitation.storage import tables as t

CATEGORY_MAX = 30


def board_category(value: object, kind: str) -> str:
    """A category allowed for a note of `kind` (e.g. past_harm for a worry), or "" for none."""
    text = single_line(value, "category", CATEGORY_MAX, required=False)
    if text and text not in m.CATEGORIES.get(m.BoardKind(kind), ()):
        raise ValidationError("invalid_choice", field="category", value=text)
    return text


def add_board_item(
    db: Database, actor: str, meeting_id: int, kind: str, text: str, *, said_by: str = "",
    category: str = "", answers_id: int | None = None,
) -> int:
    """Put a note in a column of the board (at the end); a safety goal may answer a danger statement."""
    the_kind = choice(kind, m.BoardKind, "kind").value
    row = t.BoardItemRow(
        kind=the_kind,
        text=required_text(text, "text", TEXT_MAX),
        said_by=single_line(said_by, "said_by", NAME_MAX, required=False),
        category=board_category(category, the_kind),
        position=None,
    )
    if answers_id is None:
        return c.insert_row(db, actor, meeting_id, row)
    if the_kind != m.BoardKind.SAFETY_GOAL:
        raise ValidationError("invalid_choice", field="answers", value=the_kind)
    with db.edit(meeting_id, actor) as session:
        _danger_statement(session, meeting_id, answers_id)
        row.meeting_id = meeting_id
        row.position = c.next_position(session, t.BoardItemRow, meeting_id, t.BoardItemRow.kind == the_kind)
        row.answers_id = answers_id
        session.add(row)
        session.flush()
        return int(row.id)


def edit_board_item(db: Database, actor: str, meeting_id: int, item_id: int, **fields: Any) -> None:
    """Change a note's text, who said it, or its category (which must suit the note's column)."""
    values: dict[str, Any] = {}
    if "text" in fields:
        values["text"] = required_text(fields["text"], "text", TEXT_MAX)
    if "said_by" in fields:
        values["said_by"] = single_line(fields["said_by"], "said_by", NAME_MAX, required=False)
    if "category" not in fields:
        c.update_row(db, actor, meeting_id, t.BoardItemRow, item_id, **values)
        return
    category = single_line(fields["category"], "category", CATEGORY_MAX, required=False)
    with db.edit(meeting_id, actor) as session:
        row = c.owned_row(session, t.BoardItemRow, meeting_id, item_id)
        values["category"] = board_category(category, row.kind)  # checked against the kind it has now
        for name, value in values.items():
            setattr(row, name, value)


def remove_board_item(db: Database, actor: str, meeting_id: int, item_id: int) -> None:
    """Take a note off the board (goals and safety goals pointing at it are kept, unlinked)."""
    c.delete_row(db, actor, meeting_id, t.BoardItemRow, item_id)


def move_board_item(
    db: Database, actor: str, meeting_id: int, item_id: int, to_index: int, kind: str | None = None
) -> None:
    """Move a note to `to_index` in its column, or in another column when `kind` is given."""
    if kind is None:
        c.move_row(db, actor, meeting_id, t.BoardItemRow, item_id, to_index)
        return
    new_kind = choice(kind, m.BoardKind, "kind").value
    with db.edit(meeting_id, actor) as session:
        moved = c.move_in_session(session, meeting_id, t.BoardItemRow, item_id, to_index, kind=new_kind)
        # A note that leaves its column leaves what only made sense there: a category of the old
        # column, its pairing (a worry cannot answer a danger statement), and goals answering it.
        if moved.category not in m.CATEGORIES.get(m.BoardKind(new_kind), ()):
            moved.category = ""
        if moved.kind != m.BoardKind.SAFETY_GOAL:
            moved.answers_id = None
            session.execute(
                update(t.GoalRow).where(t.GoalRow.safety_goal_id == item_id).values(safety_goal_id=None)
            )
        if moved.kind != m.BoardKind.DANGER_STATEMENT:
            session.execute(
                update(t.BoardItemRow).where(t.BoardItemRow.answers_id == item_id).values(answers_id=None)
            )


def pair_safety_goal(db: Database, actor: str, meeting_id: int, goal_id: int, danger_id: int | None) -> None:
    """Make a safety goal answer a danger statement (None unpairs it)."""
    with db.edit(meeting_id, actor) as session:
        goal = safety_goal_row(session, meeting_id, goal_id)
        if danger_id is not None:
            _danger_statement(session, meeting_id, danger_id)
        goal.answers_id = danger_id


def link_goal_to_safety_goal(
    db: Database, actor: str, meeting_id: int, goal_id: int, safety_goal_id: int | None
) -> None:
    """Say that a short- or long-term goal answers a safety goal of the board (None unlinks it)."""
    with db.edit(meeting_id, actor) as session:
        goal = c.owned_row(session, t.GoalRow, meeting_id, goal_id)
        if safety_goal_id is not None:
            safety_goal_row(session, meeting_id, safety_goal_id)
        goal.safety_goal_id = safety_goal_id


def set_show_three_houses(db: Database, actor: str, meeting_id: int, show: bool) -> None:
    """Choose whether the child's Three Houses are shown on the board (the facilitator decides)."""
    if not isinstance(show, bool):
        raise ValidationError("invalid_choice", field="show_three_houses", value=str(show)[:50])
    with db.edit(meeting_id, actor) as session:
        meeting = session.get(t.MeetingRow, meeting_id)
        assert meeting is not None  # db.edit has just found it
        meeting.show_three_houses = show


def safety_goal_row(session: Session, meeting_id: int, item_id: int) -> t.BoardItemRow:
    """The safety goal with this id in the meeting, else NotFoundError."""
    row = session.get(t.BoardItemRow, item_id)
    if row is None or row.meeting_id != meeting_id or row.kind != m.BoardKind.SAFETY_GOAL:
        raise NotFoundError("safety_goal", item_id)
    return row


def _danger_statement(session: Session, meeting_id: int, item_id: int) -> t.BoardItemRow:
    row = session.get(t.BoardItemRow, item_id)
    if row is None or row.meeting_id != meeting_id or row.kind != m.BoardKind.DANGER_STATEMENT:
        raise NotFoundError("danger_statement", item_id)
    return row
