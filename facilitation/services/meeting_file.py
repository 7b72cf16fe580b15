"""A meeting file (backup or handover) loaded in the app: a new case and meeting for the caseworker who loads it."""

from __future__ import annotations

from facilitation.domain.access import Actor
from facilitation.storage import Database
from facilitation.storage.backup import BackupError, loads_meeting

__all__ = ["BackupError", "load_meeting_file"]


def load_meeting_file(db: Database, actor: Actor, content: bytes) -> int:
    """Store an uploaded meeting file as a new case and meeting (the actor its primary member); returns its id.

    A file that cannot be loaded raises BackupError, whose message(language) says in plain words why; then
    nothing at all is stored.
    """
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        raise BackupError("not_utf8") from None
    return loads_meeting(db, actor, text)
