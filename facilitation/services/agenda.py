"""Services for the agenda: items, their timing and their notes."""

from __future__ import annotations

from facilitation.domain.validation import MINUTES_MAX, NOTES_MAX, SHORT_MAX, optional_text, single_line, whole_number
from facilitation.services import _common as c
from facilitation.storage import Database
from facilitation.storage import tables as t


def add_agenda_item(db: Database, actor: str, meeting_id: int, title: str, planned_minutes: int | str) -> int:
    """Add a timeboxed item at the end of the agenda; returns its id."""
    row = t.AgendaItemRow(
        title=single_line(title, "title", SHORT_MAX),
        planned_minutes=whole_number(planned_minutes, "planned_minutes", 1, MINUTES_MAX),
        position=None,
        notes="",
    )
    return c.insert_row(db, actor, meeting_id, row)


def edit_agenda_item(
    db: Database, actor: str, meeting_id: int, item_id: int, *, title: str | None = None,
    planned_minutes: int | str | None = None,
) -> None:
    """Change an item's title or planned minutes."""
    values: dict[str, object] = {}
    if title is not None:
        values["title"] = single_line(title, "title", SHORT_MAX)
    if planned_minutes is not None:
        values["planned_minutes"] = whole_number(planned_minutes, "planned_minutes", 1, MINUTES_MAX)
    c.update_row(db, actor, meeting_id, t.AgendaItemRow, item_id, **values)


def remove_agenda_item(db: Database, actor: str, meeting_id: int, item_id: int) -> None:
    """Remove an item from the agenda."""
    c.delete_row(db, actor, meeting_id, t.AgendaItemRow, item_id)


def move_agenda_item(db: Database, actor: str, meeting_id: int, item_id: int, to_index: int) -> None:
    """Move an item to another place in the agenda."""
    c.move_row(db, actor, meeting_id, t.AgendaItemRow, item_id, to_index)


def save_note(db: Database, actor: str, meeting_id: int, item_id: int, notes: str) -> str:
    """Store the minute-taker's notes for an item; returns the text as stored."""
    text = optional_text(notes, "notes", NOTES_MAX)
    c.update_row(db, actor, meeting_id, t.AgendaItemRow, item_id, notes=text)
    return text
