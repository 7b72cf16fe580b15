"""Services for the Signs of Safety board."""

from __future__ import annotations

from typing import Any

from sqlalchemy import update

from facilitation import model as m
from facilitation import tables as t
from facilitation.services import _common as c
from facilitation.storage import Database
from facilitation.validation import NAME_MAX, TEXT_MAX, NotFoundError, choice, required_text, single_line


def add_board_item(
    db: Database, actor: str, meeting_id: int, kind: str, text: str, *, said_by: str = "",
    category: str = "",
) -> int:
    """Put a note in a column of the board (at the end); returns its id."""
    row = t.BoardItemRow(
        kind=choice(kind, m.BoardKind, "kind").value,
        text=required_text(text, "text", TEXT_MAX),
        said_by=single_line(said_by, "said_by", NAME_MAX, required=False),
        category=single_line(category, "category", 30, required=False),
        position=None,
    )
    return c.insert_row(db, actor, meeting_id, row)


def edit_board_item(db: Database, actor: str, meeting_id: int, item_id: int, **fields: Any) -> None:
    """Change a note's text, who said it, or its category."""
    values: dict[str, Any] = {}
    if "text" in fields:
        values["text"] = required_text(fields["text"], "text", TEXT_MAX)
    if "said_by" in fields:
        values["said_by"] = single_line(fields["said_by"], "said_by", NAME_MAX, required=False)
    if "category" in fields:
        values["category"] = single_line(fields["category"], "category", 30, required=False)
    c.update_row(db, actor, meeting_id, t.BoardItemRow, item_id, **values)


def remove_board_item(db: Database, actor: str, meeting_id: int, item_id: int) -> None:
    """Take a note off the board."""
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
        # A note that leaves its column leaves its pairing too (a worry cannot answer a danger statement).
        if moved.kind != m.BoardKind.SAFETY_GOAL:
            moved.answers_id = None
        if moved.kind != m.BoardKind.DANGER_STATEMENT:
            session.execute(
                update(t.BoardItemRow).where(t.BoardItemRow.answers_id == item_id).values(answers_id=None)
            )


def pair_safety_goal(db: Database, actor: str, meeting_id: int, goal_id: int, danger_id: int | None) -> None:
    """Make a safety goal answer a danger statement (None unpairs it)."""
    with db.edit(meeting_id, actor) as session:
        goal = session.get(t.BoardItemRow, goal_id)
        if goal is None or goal.meeting_id != meeting_id or goal.kind != m.BoardKind.SAFETY_GOAL:
            raise NotFoundError("safety_goal", goal_id)
        if danger_id is not None:
            danger = session.get(t.BoardItemRow, danger_id)
            if danger is None or danger.meeting_id != meeting_id or danger.kind != m.BoardKind.DANGER_STATEMENT:
                raise NotFoundError("danger_statement", danger_id)
        goal.answers_id = danger_id
