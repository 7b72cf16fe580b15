"""Inside an open transaction: whether an actor may reach a case or a meeting, and writing access-log rows.

Every other storage module calls these in its own transaction, so a check cannot be forgotten and cannot
race the change it guards. A caseworker who is not a member of a case gets the very NotFoundError a
missing case or meeting gets: nobody can probe which ids exist. The operator (a str actor) is not checked.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, delete, exists, false, select, true
from sqlalchemy.orm import Session

from facilitation.domain.access import AccessKind, Actor, Caseworker
from facilitation.domain.validation import NotFoundError
from facilitation.storage import tables as t


def member_of_case(case_id: Any, actor: Actor) -> ColumnElement[bool]:
    """A WHERE clause: the actor may reach the case whose id is `case_id` (a value or a column)."""
    if not isinstance(actor, Caseworker):
        return true()
    return exists(
        select(t.CaseMemberRow.case_id)
        .join(t.CaseworkerRow, t.CaseworkerRow.id == t.CaseMemberRow.caseworker_id)
        .where(t.CaseMemberRow.case_id == case_id, t.CaseMemberRow.caseworker_id == actor.id,
               t.CaseworkerRow.disabled == false())
    )


def member_of_meeting(meeting_id: Any, actor: Actor) -> ColumnElement[bool]:
    """A WHERE clause: the actor may reach the meeting whose id is `meeting_id` (a value or a column)."""
    if not isinstance(actor, Caseworker):
        return true()
    return exists(
        select(t.MeetingRow.id).where(t.MeetingRow.id == meeting_id, member_of_case(t.MeetingRow.case_id, actor))
    )


def check_case(session: Session, actor: Actor, case_id: int) -> t.CaseRow:
    """The case's row if it exists and the actor may reach it, else NotFoundError('case')."""
    row = session.get(t.CaseRow, case_id)
    if row is None or (isinstance(actor, Caseworker) and not _allowed(session, member_of_case(case_id, actor))):
        raise NotFoundError("case", case_id)
    return row


def check_meeting(session: Session, actor: Actor, meeting_id: int) -> t.MeetingRow:
    """The meeting's row if it exists and the actor may reach its case, else NotFoundError('meeting')."""
    row = session.get(t.MeetingRow, meeting_id)
    if row is None or (isinstance(actor, Caseworker) and not _allowed(session, member_of_case(row.case_id, actor))):
        raise NotFoundError("meeting", meeting_id)
    return row


def add_line(
    session: Session, at: datetime, kind: AccessKind, *, caseworker_id: int | None = None,
    case_id: int | None = None, meeting_id: int | None = None, purpose: str = "", detail: str = "",
) -> None:
    """Add one access-log line (ids, a kind, a purpose and a detail code: never case content)."""
    session.add(t.AccessLogRow(
        at=at, caseworker_id=caseworker_id, case_id=case_id, meeting_id=meeting_id, kind=kind.value,
        purpose=purpose[:20], detail=detail[:100],
    ))


def add_actor_line(
    session: Session, at: datetime, actor: Actor, kind: AccessKind, *, case_id: int | None = None,
    meeting_id: int | None = None, detail: str = "",
) -> None:
    """Log what an actor did: a caseworker with the purpose of their sign-in, the operator with no id."""
    worker = actor if isinstance(actor, Caseworker) else None
    add_line(session, at, kind, caseworker_id=worker.id if worker else None, case_id=case_id,
             meeting_id=meeting_id, purpose=worker.purpose if worker else "", detail=detail)


def add_caseworker_line(
    session: Session, at: datetime, actor: Actor, kind: AccessKind, *, case_id: int | None = None,
    meeting_id: int | None = None, detail: str = "",
) -> None:
    """Log what a caseworker did (an edit, a view); the operator's everyday edits are not logged."""
    if isinstance(actor, Caseworker):
        add_actor_line(session, at, actor, kind, case_id=case_id, meeting_id=meeting_id, detail=detail)


def purge_lines(session: Session, before: datetime) -> int:
    """Delete the access-log lines older than `before`; returns how many."""
    result = session.execute(delete(t.AccessLogRow).where(t.AccessLogRow.at < before))
    return int(result.rowcount)  # type: ignore[attr-defined]  # a DML Result has a rowcount


def _allowed(session: Session, clause: ColumnElement[bool]) -> bool:
    return bool(session.scalar(select(clause)))
