"""The access log as the services write and read it: openings, exports, a case's log, and purging old lines.

Edits are logged by the storage layer in the transaction of the edit itself; openings and downloads here.
"""

from __future__ import annotations

from datetime import datetime

from facilitation.domain import model as m
from facilitation.domain.access import AccessEvent, AccessKind, Actor, Caseworker, log_code
from facilitation.domain.clock import utcnow
from facilitation.storage import Database, cases
from facilitation.storage import access_log as store


def open_meeting(db: Database, caseworker: Caseworker, meeting_id: int, *, now: datetime | None = None
                 ) -> m.MeetingRecord:
    """Everything recorded for a meeting the caseworker is a member of, logged as one view with their purpose.

    The UI calls it once per session per meeting; a meeting of another case is NotFoundError, as a missing one.
    """
    store.write_for_meeting(db, caseworker, meeting_id, AccessKind.VIEW, now or utcnow())
    return cases.record(db, meeting_id, caseworker)


def log_export(
    db: Database, caseworker: Caseworker, meeting_id: int, what: str, *, kind: AccessKind = AccessKind.EXPORT,
    now: datetime | None = None,
) -> None:
    """Log a download of a meeting (`what`: a code such as 'minute_docx'; kind DUMP for the JSON file)."""
    store.write_for_meeting(db, caseworker, meeting_id, kind, now or utcnow(), log_code(what))


def log_operator_dump(db: Database, meeting_id: int, *, now: datetime | None = None) -> None:
    """Log that the server's operator wrote a meeting's JSON file from the command line."""
    case_id = cases.case_of_meeting(db, meeting_id, "operator")
    store.write(db, AccessEvent(at=now or utcnow(), caseworker_id=None, case_id=case_id, meeting_id=meeting_id,
                                kind=AccessKind.DUMP, purpose="", detail="command_line"))


def case_log(db: Database, actor: Actor, case_id: int) -> list[AccessEvent]:
    """The case's access log, newest first, with each caseworker's name (members only; the operator always)."""
    return store.case_lines(db, case_id, actor)


def purge_log(db: Database, now: datetime | None = None) -> int:
    """Delete the log lines older than six months (LOG_KEPT); returns how many."""
    return db.purge_log(now or utcnow())
