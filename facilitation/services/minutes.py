"""The minute-taker's services: notes per agenda item, and decisions."""

from __future__ import annotations

from facilitation.domain import meetings as rules
from facilitation.domain import model as m
from facilitation.domain.access import Actor
from facilitation.domain.validation import TEXT_MAX, required_text
from facilitation.storage import Database
from facilitation.storage import meeting_edit as store
from facilitation.storage.meeting_edit import edit


def save_note(db: Database, actor: Actor, meeting_id: int, item_id: int, notes: str) -> str:
    """Store the minute-taker's notes for an item; returns the text as stored."""
    values = rules.agenda_item_values({"notes": notes})
    store.update_item(db, actor, meeting_id, m.AgendaItem, item_id, **values)
    return str(values["notes"])


def add_decision(db: Database, actor: Actor, meeting_id: int, text: str, agenda_item_id: int | None = None) -> int:
    """Record a decision (under an agenda item, if given); returns its id."""
    wording = required_text(text, "text", TEXT_MAX)
    with edit(db, meeting_id, actor) as e:
        if agenda_item_id is not None:
            e.get(m.AgendaItem, agenda_item_id, what="agenda_item")
        return e.insert(m.Decision, text=wording, agenda_item_id=agenda_item_id)


def edit_decision(db: Database, actor: Actor, meeting_id: int, decision_id: int, text: str) -> None:
    """Change a decision's wording."""
    store.update_item(db, actor, meeting_id, m.Decision, decision_id, text=required_text(text, "text", TEXT_MAX))


def remove_decision(db: Database, actor: Actor, meeting_id: int, decision_id: int) -> None:
    """Remove a decision."""
    store.delete_item(db, actor, meeting_id, m.Decision, decision_id)
