"""Projector devices and their pairing to a meeting: codes, one-time links, unpairing, and their log lines.

A projector is an auth_sessions row of kind "projector": unpaired it holds a pairing code with an expiry;
paired it holds the meeting and no expiry. Tokens and links are stored as sha256 hashes only.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, delete, func, select, update
from sqlalchemy.orm import Session

from facilitation.domain.access import AccessKind
from facilitation.domain.model import MeetingStatus
from facilitation.domain.sessions import PairingTarget, ProjectorDevice, SessionKind
from facilitation.storage import tables as t
from facilitation.storage.engine import Database

_PROJECTOR = SessionKind.PROJECTOR.value
_FORGET_UNPAIRED_AFTER = timedelta(days=1)  # an expired code still answers "expired" for a day, then is deleted


class _TwoDevicesOneCode(Exception):
    """Two waiting devices show the same code (insert_projector prevents it on SQLite)."""


def _log(session: Session, kind: AccessKind, caseworker_id: int | None, target: PairingTarget, purpose: str,
         detail: str, now: datetime) -> None:
    # Until the access-log module exists: one line, ids and codes only, never case text.
    session.add(t.AccessLogRow(at=now, caseworker_id=caseworker_id, case_id=target.case_id,
                               meeting_id=target.meeting_id, kind=kind.value, purpose=purpose, detail=detail))


def pairing_target(db: Database, meeting_id: int, member_id: int | None) -> PairingTarget | None:
    """The meeting, if it exists and (unless `member_id` is None: the operator) that caseworker is a member."""
    query = select(t.MeetingRow.case_id, t.MeetingRow.status).where(t.MeetingRow.id == meeting_id)
    if member_id is not None:
        query = query.join(t.CaseMemberRow, t.CaseMemberRow.case_id == t.MeetingRow.case_id).where(
            t.CaseMemberRow.caseworker_id == member_id
        )
    with db.read() as session:
        found = session.execute(query).one_or_none()
    return None if found is None else PairingTarget(meeting_id, found.case_id, found.status == MeetingStatus.ENDED)


def insert_projector(db: Database, token_hash: str, new_code: Callable[[], str], now: datetime,
                     valid: timedelta) -> str:
    """Store an unpaired projector with a code no other waiting device holds; returns the code."""
    with db.write() as session:
        session.execute(delete(t.AuthSessionRow).where(
            t.AuthSessionRow.kind == _PROJECTOR, t.AuthSessionRow.meeting_id.is_(None),
            t.AuthSessionRow.expires_at < now - _FORGET_UNPAIRED_AFTER,
        ))
        # Insert first, then look for a twin: inside this write transaction (SQLite's write lock is taken by
        # the statements above), no other device can take the same code between the check and the insert.
        row = t.AuthSessionRow(token_hash=token_hash, kind=_PROJECTOR, pairing_code=new_code(), purpose="",
                               created_at=now, last_seen=now, expires_at=now + valid)
        session.add(row)
        session.flush()
        while _holders(session, str(row.pairing_code), now) > 1:
            row.pairing_code = new_code()
            session.flush()
        return str(row.pairing_code)


def _holders(session: Session, code: str, now: datetime) -> int:
    """How many waiting devices show this code."""
    return int(session.scalar(
        select(func.count()).where(*_waiting(now), t.AuthSessionRow.pairing_code == code)
    ) or 0)


def _waiting(now: datetime) -> tuple[ColumnElement[bool], ...]:
    """The conditions of an unpaired projector whose code is still valid."""
    return (
        t.AuthSessionRow.kind == _PROJECTOR, t.AuthSessionRow.meeting_id.is_(None),
        t.AuthSessionRow.ended_at.is_(None), t.AuthSessionRow.expires_at > now,
    )


def projector_device(db: Database, token_hash: str) -> ProjectorDevice | None:
    """The projector session with this token hash, with its meeting's status; None if there is none."""
    with db.read() as session:
        found = session.execute(
            select(t.AuthSessionRow, t.MeetingRow.status)
            .outerjoin(t.MeetingRow, t.MeetingRow.id == t.AuthSessionRow.meeting_id)
            .where(t.AuthSessionRow.token_hash == token_hash, t.AuthSessionRow.kind == _PROJECTOR)
        ).one_or_none()
    if found is None:
        return None
    row, status = found
    return ProjectorDevice(
        ended=row.ended_at is not None, meeting_id=row.meeting_id, meeting_ended=status == MeetingStatus.ENDED,
        code=row.pairing_code, code_expires_at=row.expires_at,
    )


def end_projector(db: Database, token_hash: str, now: datetime) -> None:
    """End a projector's session (its meeting was ended)."""
    with db.write() as session:
        session.execute(
            update(t.AuthSessionRow)
            .where(t.AuthSessionRow.token_hash == token_hash, t.AuthSessionRow.kind == _PROJECTOR,
                   t.AuthSessionRow.ended_at.is_(None))
            .values(ended_at=now)
        )


def pair_code(db: Database, target: PairingTarget, caseworker_id: int, purpose: str, code: str,
              now: datetime) -> bool:
    """Pair the waiting projector showing `code` to the meeting, and log it; whether one was waiting."""
    try:
        with db.write() as session:
            paired = session.execute(
                update(t.AuthSessionRow)
                .where(*_waiting(now), t.AuthSessionRow.pairing_code == code)
                .values(meeting_id=target.meeting_id, pairing_code=None, expires_at=None, last_seen=now)
            )
            count = paired.rowcount  # type: ignore[attr-defined]  # a CursorResult for an UPDATE
            if count > 1:
                raise _TwoDevicesOneCode  # which one is in the room cannot be told: roll back, pair none
            if count == 1:
                _log(session, AccessKind.PAIR, caseworker_id, target, purpose, "code", now)
            return bool(count)
    except _TwoDevicesOneCode:
        return False


def insert_link(db: Database, token_hash: str, target: PairingTarget, created_by: int | None, now: datetime,
                valid: timedelta) -> None:
    """Store a one-time pairing link for the meeting."""
    with db.write() as session:
        session.add(t.PairingLinkRow(token_hash=token_hash, meeting_id=target.meeting_id, created_by=created_by,
                                     created_at=now, expires_at=now + valid))


def use_link(db: Database, token_hash: str, now: datetime) -> tuple[PairingTarget, int | None] | None:
    """Mark a valid, unused link used (atomically: one caller wins); its meeting and creator, else None."""
    with db.write() as session:
        used = session.execute(
            update(t.PairingLinkRow)
            .where(t.PairingLinkRow.token_hash == token_hash, t.PairingLinkRow.used_at.is_(None),
                   t.PairingLinkRow.expires_at > now)
            .values(used_at=now)
        )
        if used.rowcount != 1:  # type: ignore[attr-defined]  # a CursorResult for an UPDATE
            return None
        found = session.execute(
            select(t.PairingLinkRow.meeting_id, t.PairingLinkRow.created_by, t.MeetingRow.case_id, t.MeetingRow.status)
            .join(t.MeetingRow, t.MeetingRow.id == t.PairingLinkRow.meeting_id)
            .where(t.PairingLinkRow.token_hash == token_hash)
        ).one()
        target = PairingTarget(found.meeting_id, found.case_id, found.status == MeetingStatus.ENDED)
        return target, found.created_by


def insert_paired_projector(db: Database, token_hash: str, target: PairingTarget, created_by: int | None,
                            now: datetime) -> bool:
    """Store a projector paired to the meeting (from a link), and log it; False if the meeting is gone."""
    with db.write() as session:
        if session.get(t.MeetingRow, target.meeting_id) is None:
            return False
        session.add(t.AuthSessionRow(token_hash=token_hash, kind=_PROJECTOR, meeting_id=target.meeting_id,
                                     purpose="", created_at=now, last_seen=now))
        _log(session, AccessKind.PAIR, created_by, target, "", "link", now)
        return True


def unpair_meeting(db: Database, target: PairingTarget, caseworker_id: int | None, purpose: str,
                   now: datetime) -> int:
    """End every projector of the meeting and void its unused links, and log it; how many projectors."""
    with db.write() as session:
        ended = session.execute(
            update(t.AuthSessionRow)
            .where(t.AuthSessionRow.kind == _PROJECTOR, t.AuthSessionRow.meeting_id == target.meeting_id,
                   t.AuthSessionRow.ended_at.is_(None))
            .values(ended_at=now)
        )
        session.execute(
            update(t.PairingLinkRow)
            .where(t.PairingLinkRow.meeting_id == target.meeting_id, t.PairingLinkRow.used_at.is_(None),
                   t.PairingLinkRow.expires_at > now)
            .values(expires_at=now)
        )
        count = int(ended.rowcount)  # type: ignore[attr-defined]  # a CursorResult for an UPDATE
        db.announce(session, target.meeting_id)  # its projectors see at once that they are unpaired
        _log(session, AccessKind.UNPAIR, caseworker_id, target, purpose, str(count), now)
        return count


def count_paired(db: Database, meeting_id: int) -> int:
    """How many live projectors are paired to the meeting."""
    with db.read() as session:
        return int(session.scalar(
            select(func.count()).select_from(t.AuthSessionRow)
            .where(t.AuthSessionRow.kind == _PROJECTOR, t.AuthSessionRow.meeting_id == meeting_id,
                   t.AuthSessionRow.ended_at.is_(None))
        ) or 0)
