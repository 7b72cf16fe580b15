"""Signed-in caseworkers' sessions: stored by the sha256 of the cookie's token, never the token itself."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update

from facilitation.domain.access import Caseworker
from facilitation.domain.sessions import TOUCH_EVERY, SessionKind, SignIn
from facilitation.domain.validation import NotFoundError
from facilitation.storage import tables as t
from facilitation.storage.engine import Database

_SIGN_IN_KINDS = (SessionKind.LOCAL.value, SessionKind.OIDC.value)


def insert_session(db: Database, token_hash: str, caseworker_id: int, kind: SessionKind, now: datetime) -> None:
    """Store a new session of an enabled caseworker, else NotFoundError."""
    with db.write() as session:
        account = session.get(t.CaseworkerRow, caseworker_id)
        if account is None or account.disabled:
            raise NotFoundError("caseworker", caseworker_id)
        session.add(t.AuthSessionRow(
            token_hash=token_hash, kind=kind.value, caseworker_id=caseworker_id, purpose="",
            created_at=now, last_seen=now,
        ))


def sign_in_of(db: Database, token_hash: str) -> SignIn | None:
    """The caseworker session with this token hash and its account, or None (also for a projector's token)."""
    with db.read() as session:
        found = session.execute(
            select(t.AuthSessionRow, t.CaseworkerRow)
            .join(t.CaseworkerRow, t.CaseworkerRow.id == t.AuthSessionRow.caseworker_id)
            .where(t.AuthSessionRow.token_hash == token_hash, t.AuthSessionRow.kind.in_(_SIGN_IN_KINDS))
        ).one_or_none()
        if found is None:
            return None
        row, account = found
        caseworker = Caseworker(
            id=account.id, name=account.name, email=account.email, disabled=account.disabled,
            locked_until=account.locked_until, purpose=row.purpose,
        )
        return SignIn(row.id, caseworker, row.last_seen, row.ended_at is not None)


def touch_session(db: Database, session_id: int, now: datetime) -> None:
    """Record that a session was used now (skipped if another request just did)."""
    with db.write() as session:
        session.execute(
            update(t.AuthSessionRow)
            .where(t.AuthSessionRow.id == session_id, t.AuthSessionRow.last_seen <= now - TOUCH_EVERY)
            .values(last_seen=now)
        )


def end_session_by_id(db: Database, session_id: int, now: datetime) -> None:
    """End one session (idle, or its account disabled)."""
    with db.write() as session:
        session.execute(
            update(t.AuthSessionRow)
            .where(t.AuthSessionRow.id == session_id, t.AuthSessionRow.ended_at.is_(None))
            .values(ended_at=now)
        )


def end_session(db: Database, token_hash: str, now: datetime) -> bool:
    """End the session (of any kind) with this token hash; whether a live one was found."""
    with db.write() as session:
        ended = session.execute(
            update(t.AuthSessionRow)
            .where(t.AuthSessionRow.token_hash == token_hash, t.AuthSessionRow.ended_at.is_(None))
            .values(ended_at=now)
        )
        return bool(ended.rowcount)  # type: ignore[attr-defined]  # a CursorResult for an UPDATE


def end_sessions_of(db: Database, caseworker_id: int, now: datetime) -> int:
    """End every live session of a caseworker; how many there were."""
    with db.write() as session:
        ended = session.execute(
            update(t.AuthSessionRow)
            .where(t.AuthSessionRow.caseworker_id == caseworker_id, t.AuthSessionRow.ended_at.is_(None))
            .values(ended_at=now)
        )
        return int(ended.rowcount)  # type: ignore[attr-defined]  # a CursorResult for an UPDATE


def set_purpose(db: Database, token_hash: str, purpose: str) -> bool:
    """Store the purpose of a live caseworker session; whether one was found."""
    with db.write() as session:
        changed = session.execute(
            update(t.AuthSessionRow)
            .where(
                t.AuthSessionRow.token_hash == token_hash, t.AuthSessionRow.kind.in_(_SIGN_IN_KINDS),
                t.AuthSessionRow.ended_at.is_(None),
            )
            .values(purpose=purpose)
        )
        return bool(changed.rowcount)  # type: ignore[attr-defined]  # a CursorResult for an UPDATE
