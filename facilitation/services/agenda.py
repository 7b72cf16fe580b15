"""Services for the agenda: its timeboxed items and their order."""

from __future__ import annotations

from facilitation.domain import meetings as rules
from facilitation.domain import model as m
from facilitation.domain.access import Actor
from facilitation.storage import Database
from facilitation.storage import meeting_edit as store


def add_agenda_item(db: Database, actor: Actor, meeting_id: int, title: str, planned_minutes: int | str) -> int:
    """Add a timeboxed item at the end of the agenda; returns its id."""
    values = rules.agenda_item_values({"title": title, "planned_minutes": planned_minutes, "notes": ""})
    return store.insert_item(db, actor, meeting_id, m.AgendaItem, **values)


def edit_agenda_item(
    db: Database, actor: Actor, meeting_id: int, item_id: int, *, title: str | None = None,
    planned_minutes: int | str | None = None,
) -> None:
    """Change an item's title or planned minutes."""
    fields = {"title": title, "planned_minutes": planned_minutes}
    values = rules.agenda_item_values({name: value for name, value in fields.items() if value is not None})
    store.update_item(db, actor, meeting_id, m.AgendaItem, item_id, **values)


def remove_agenda_item(db: Database, actor: Actor, meeting_id: int, item_id: int) -> None:
    """Remove an item from the agenda."""
    store.delete_item(db, actor, meeting_id, m.AgendaItem, item_id)


def move_agenda_item(db: Database, actor: Actor, meeting_id: int, item_id: int, to_index: int) -> None:
    """Move an item to another place in the agenda."""
    store.move_item(db, actor, meeting_id, m.AgendaItem, item_id, to_index)
