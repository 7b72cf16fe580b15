"""Services for the Signs of Safety board: notes, their categories, pairings, and the Three Houses."""

from __future__ import annotations

from typing import Any

from facilitation.domain import board as rules
from facilitation.domain import model as m
from facilitation.domain.access import Actor
from facilitation.domain.meetings import meeting_values
from facilitation.domain.validation import BOARD_ITEMS_MAX, NotFoundError, ValidationError, room_for_one_more
from facilitation.storage import Database
from facilitation.storage import meeting_edit as store
from facilitation.storage.meeting_edit import MeetingView, edit

board_category = rules.board_category


def add_board_item(
    db: Database, actor: Actor, meeting_id: int, kind: str, text: str, *, said_by: str = "",
    category: str = "", answers_id: int | None = None,
) -> int:
    """Put a note in a column of the board (at the end); a safety goal may answer a danger statement."""
    the_kind = rules.board_kind(kind)
    values = rules.note_values(dict(text=text, said_by=said_by, category=category), the_kind)
    if answers_id is not None and the_kind != m.BoardKind.SAFETY_GOAL:
        raise ValidationError("invalid_choice", field="answers", value=the_kind)
    with edit(db, meeting_id, actor) as e:
        room_for_one_more(e.count(m.BoardItem), BOARD_ITEMS_MAX, "too_many_board_items")
        if answers_id is not None:
            danger_statement(e, answers_id)
        return e.insert(m.BoardItem, kind=the_kind, answers_id=answers_id, **values)


def edit_board_item(db: Database, actor: Actor, meeting_id: int, item_id: int, **fields: Any) -> None:
    """Change a note's text, who said it, or its category (which must suit the note's column)."""
    values = rules.note_values(fields)
    if not values:
        store.update_item(db, actor, meeting_id, m.BoardItem, item_id)  # an empty edit still names a real note
        return
    with edit(db, meeting_id, actor) as e:
        note = e.get(m.BoardItem, item_id)
        if "category" in values:  # checked against the column the note is in now
            values["category"] = rules.board_category(values["category"], note.kind)
        e.update(m.BoardItem, item_id, **values)


def remove_board_item(db: Database, actor: Actor, meeting_id: int, item_id: int) -> None:
    """Take a note off the board (goals and safety goals pointing at it are kept, unlinked)."""
    store.delete_item(db, actor, meeting_id, m.BoardItem, item_id)


def move_board_item(
    db: Database, actor: Actor, meeting_id: int, item_id: int, to_index: int, kind: str | None = None
) -> None:
    """Move a note to `to_index` in its column, or in another column when `kind` is given."""
    new_kind = None if kind is None else m.BoardKind(rules.board_kind(kind))
    with edit(db, meeting_id, actor) as e:
        if new_kind is None:
            e.move(m.BoardItem, item_id, to_index)
            return
        moved = e.move(m.BoardItem, item_id, to_index, kind=new_kind.value)
        change = rules.leave_column(moved, new_kind)
        e.update(m.BoardItem, item_id, category=change.category,
                 **({} if change.keeps_answer else {"answers_id": None}))
        if change.unlink_goals:
            e.update_where(m.Goal, {"safety_goal_id": item_id}, safety_goal_id=None)
        if change.unlink_answers:
            e.update_where(m.BoardItem, {"answers_id": item_id}, answers_id=None)


def pair_safety_goal(db: Database, actor: Actor, meeting_id: int, goal_id: int, danger_id: int | None) -> None:
    """Make a safety goal answer a danger statement (None unpairs it)."""
    with edit(db, meeting_id, actor) as e:
        safety_goal(e, goal_id)
        if danger_id is not None:
            danger_statement(e, danger_id)
        e.update(m.BoardItem, goal_id, answers_id=danger_id)


def link_goal_to_safety_goal(
    db: Database, actor: Actor, meeting_id: int, goal_id: int, safety_goal_id: int | None
) -> None:
    """Say that a short- or long-term goal answers a safety goal of the board (None unlinks it)."""
    with edit(db, meeting_id, actor) as e:
        e.get(m.Goal, goal_id)
        if safety_goal_id is not None:
            safety_goal(e, safety_goal_id)
        e.update(m.Goal, goal_id, safety_goal_id=safety_goal_id)


def set_show_three_houses(db: Database, actor: Actor, meeting_id: int, show: bool) -> None:
    """Choose whether the child's Three Houses are shown on the board (the facilitator decides)."""
    values = meeting_values({"show_three_houses": show})
    with edit(db, meeting_id, actor) as e:
        e.set_meeting(**values)


def safety_goal(e: MeetingView, item_id: int) -> m.BoardItem:
    """The safety goal with this id in the meeting, else NotFoundError."""
    return _note_of_kind(e, item_id, m.BoardKind.SAFETY_GOAL)


def danger_statement(e: MeetingView, item_id: int) -> m.BoardItem:
    """The danger statement with this id in the meeting, else NotFoundError."""
    return _note_of_kind(e, item_id, m.BoardKind.DANGER_STATEMENT)


def _note_of_kind(e: MeetingView, item_id: int, kind: m.BoardKind) -> m.BoardItem:
    note = e.get(m.BoardItem, item_id, what=kind.value)
    if note.kind != kind:
        raise NotFoundError(kind.value, item_id)
    return note
