"""The projector's state, set from the facilitator's (or minute-taker's) device."""

from __future__ import annotations

from facilitation.domain.access import Actor
from facilitation.domain.roles import Screen
from facilitation.domain.validation import choice, whole_number
from facilitation.storage import Database
from facilitation.storage.meeting_edit import edit


def set_screen(db: Database, actor: Actor, meeting_id: int, screen: str) -> None:
    """Choose what the projector shows."""
    value = choice(screen, Screen, "screen").value
    with edit(db, meeting_id, actor) as e:
        e.set_meeting(screen=value)


def set_curtain(db: Database, actor: Actor, meeting_id: int, closed: bool) -> None:
    """Blank the projector (closed) or show the meeting again."""
    with edit(db, meeting_id, actor) as e:
        e.set_meeting(curtain=bool(closed))


def set_warn_minutes(db: Database, actor: Actor, meeting_id: int, minutes: int | str) -> None:
    """How many minutes before an item's end the timer turns amber (0–30)."""
    value = whole_number(minutes, "warn_minutes", 0, 30)
    with edit(db, meeting_id, actor) as e:
        e.set_meeting(warn_minutes=value)
