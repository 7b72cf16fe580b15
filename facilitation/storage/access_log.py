"""The access log: who opened, changed, exported or deleted which case, when and why; never case content.

Lines carry ids and codes only, and no foreign keys: they outlive a deleted case (its deletion is a line).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from facilitation.domain.access import AccessEvent, AccessKind, Actor, Caseworker
from facilitation.storage import access_rows
from facilitation.storage import tables as t
from facilitation.storage.engine import Database


def write(db: Database, event: AccessEvent) -> None:
    """Store one line of the access log."""
    with db.write() as session:
        access_rows.add_line(session, event.at, event.kind, caseworker_id=event.caseworker_id, case_id=event.case_id,
                             meeting_id=event.meeting_id, purpose=event.purpose, detail=event.detail)


def write_for_meeting(db: Database, caseworker: Caseworker, meeting_id: int, kind: AccessKind, at: datetime,
                      detail: str = "") -> int:
    """Log a caseworker's access to a meeting they are a member of (else NotFoundError); returns the case id."""
    with db.write() as session:
        row = access_rows.check_meeting(session, caseworker, meeting_id)
        access_rows.add_actor_line(session, at, caseworker, kind, case_id=row.case_id, meeting_id=meeting_id,
                                   detail=detail)
        return int(row.case_id)


def case_lines(db: Database, case_id: int, viewer: Actor) -> list[AccessEvent]:
    """A case's log lines, newest first, each with the caseworker's name (members only; the operator always)."""
    with db.read() as session:
        if isinstance(viewer, Caseworker):  # the operator also reads the lines of a deleted case
            access_rows.check_case(session, viewer, case_id)
        found = session.execute(
            select(t.AccessLogRow, t.CaseworkerRow.name)
            .outerjoin(t.CaseworkerRow, t.CaseworkerRow.id == t.AccessLogRow.caseworker_id)
            .where(t.AccessLogRow.case_id == case_id)
            .order_by(t.AccessLogRow.at.desc(), t.AccessLogRow.id.desc())
        ).all()
        return [_event(row, name) for row, name in found]


def all_lines(db: Database) -> list[AccessEvent]:
    """Every log line, oldest first (for tests and the operator)."""
    with db.read() as session:
        found = session.execute(
            select(t.AccessLogRow, t.CaseworkerRow.name)
            .outerjoin(t.CaseworkerRow, t.CaseworkerRow.id == t.AccessLogRow.caseworker_id)
            .order_by(t.AccessLogRow.at, t.AccessLogRow.id)
        ).all()
        return [_event(row, name) for row, name in found]


def _event(row: t.AccessLogRow, name: str | None) -> AccessEvent:
    return AccessEvent(at=row.at, caseworker_id=row.caseworker_id, case_id=row.case_id, meeting_id=row.meeting_id,
                       kind=AccessKind(row.kind), purpose=row.purpose, detail=row.detail, who=name or "")
