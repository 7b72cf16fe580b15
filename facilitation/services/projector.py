"""The projector's state, set from the facilitator's (or minute-taker's) device; decisions."""

from __future__ import annotations

from facilitation.domain.roles import Screen
from facilitation.domain.validation import TEXT_MAX, NotFoundError, choice, required_text, whole_number
from facilitation.services import _common as c
from facilitation.storage import Database
from facilitation.storage import tables as t


def set_screen(db: Database, actor: str, meeting_id: int, screen: str) -> None:
    """Choose what the projector shows."""
    value = choice(screen, Screen, "screen").value
    with db.edit(meeting_id, actor) as session:
        session.get(t.MeetingRow, meeting_id).screen = value  # type: ignore[union-attr]


def set_curtain(db: Database, actor: str, meeting_id: int, closed: bool) -> None:
    """Blank the projector (closed) or show the meeting again."""
    with db.edit(meeting_id, actor) as session:
        session.get(t.MeetingRow, meeting_id).curtain = bool(closed)  # type: ignore[union-attr]


def set_warn_minutes(db: Database, actor: str, meeting_id: int, minutes: int | str) -> None:
    """How many minutes before an item's end the timer turns amber (0–30)."""
    value = whole_number(minutes, "warn_minutes", 0, 30)
    with db.edit(meeting_id, actor) as session:
        session.get(t.MeetingRow, meeting_id).warn_minutes = value  # type: ignore[union-attr]


def add_decision(db: Database, actor: str, meeting_id: int, text: str, agenda_item_id: int | None = None) -> int:
    """Record a decision (under an agenda item, if given); returns its id."""
    row = t.DecisionRow(text=required_text(text, "text", TEXT_MAX), agenda_item_id=agenda_item_id, position=None)
    if agenda_item_id is not None:
        with db.read() as session:
            item = session.get(t.AgendaItemRow, agenda_item_id)
            if item is None or item.meeting_id != meeting_id:
                raise NotFoundError("agenda_item", agenda_item_id)
    return c.insert_row(db, actor, meeting_id, row)


def edit_decision(db: Database, actor: str, meeting_id: int, decision_id: int, text: str) -> None:
    """Change a decision's wording."""
    c.update_row(db, actor, meeting_id, t.DecisionRow, decision_id, text=required_text(text, "text", TEXT_MAX))


def remove_decision(db: Database, actor: str, meeting_id: int, decision_id: int) -> None:
    """Remove a decision."""
    c.delete_row(db, actor, meeting_id, t.DecisionRow, decision_id)
