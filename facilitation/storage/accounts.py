"""Caseworker accounts: creating, finding and changing them, and what a sign-in attempt leaves behind.

Addresses are stored lower-cased (facilitation.domain.access.email_address), so one address is one account.
Each sign-in, failed sign-in and lock adds an access-log line in the same transaction as the count it changes.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import false, func, select, update
from sqlalchemy.exc import IntegrityError

from facilitation.domain.access import LOCK_TIME, AccessKind, Caseworker, locks_now
from facilitation.domain.validation import NotFoundError, ValidationError
from facilitation.storage import access_rows
from facilitation.storage import tables as t
from facilitation.storage.engine import Database


def caseworker_of(row: t.CaseworkerRow) -> Caseworker:
    """The domain value of a caseworker row (never its password hash)."""
    return Caseworker(id=row.id, name=row.name, email=row.email, disabled=row.disabled,
                      locked_until=row.locked_until, phone=row.phone)


def insert_caseworker(db: Database, name: str, email: str, password_hash: str | None, now: datetime) -> Caseworker:
    """Store a new account (checked name, lower-cased address); a taken address is refused (`email_taken`)."""
    try:
        with db.write() as session:
            if session.scalar(select(t.CaseworkerRow.id).where(func.lower(t.CaseworkerRow.email) == email)):
                raise ValidationError("email_taken", field="email")
            row = t.CaseworkerRow(name=name, email=email, password_hash=password_hash, created_at=now)
            session.add(row)
            session.flush()
            return caseworker_of(row)
    except IntegrityError:  # the same address added at the same moment elsewhere
        raise ValidationError("email_taken", field="email") from None


def by_email(db: Database, email: str) -> Caseworker | None:
    """The account with this (lower-cased) address, if any."""
    with db.read() as session:
        row = session.scalar(select(t.CaseworkerRow).where(func.lower(t.CaseworkerRow.email) == email))
        return None if row is None else caseworker_of(row)


def by_id(db: Database, caseworker_id: int) -> Caseworker:
    """The account with this id, else NotFoundError('caseworker')."""
    with db.read() as session:
        row = session.get(t.CaseworkerRow, caseworker_id)
        if row is None:
            raise NotFoundError("caseworker", caseworker_id)
        return caseworker_of(row)


def credentials(db: Database, email: str) -> tuple[Caseworker, str | None] | None:
    """The account with this address and its password hash (None: it signs in through OIDC only)."""
    with db.read() as session:
        row = session.scalar(select(t.CaseworkerRow).where(func.lower(t.CaseworkerRow.email) == email))
        return None if row is None else (caseworker_of(row), row.password_hash)


def all_caseworkers(db: Database) -> list[Caseworker]:
    """Every account, by name."""
    with db.read() as session:
        found = session.scalars(select(t.CaseworkerRow).order_by(t.CaseworkerRow.name, t.CaseworkerRow.id))
        return [caseworker_of(row) for row in found]


def change(db: Database, caseworker_id: int, **values: object) -> None:
    """Change an account's stored fields (password_hash, disabled, failed_attempts, locked_until, ...)."""
    with db.write() as session:
        row = session.get(t.CaseworkerRow, caseworker_id)
        if row is None:
            raise NotFoundError("caseworker", caseworker_id)
        for name, value in values.items():
            setattr(row, name, value)


def record_sign_in(db: Database, caseworker_id: int, now: datetime, new_hash: str | None = None) -> None:
    """A sign-in that succeeded: the count of wrong passwords starts again (and an old hash is replaced)."""
    with db.write() as session:
        values: dict[str, object] = {"failed_attempts": 0, "locked_until": None}
        if new_hash is not None:
            values["password_hash"] = new_hash
        session.execute(update(t.CaseworkerRow).where(t.CaseworkerRow.id == caseworker_id).values(**values))
        access_rows.add_line(session, now, AccessKind.SIGN_IN, caseworker_id=caseworker_id, detail="password")


def record_failure(db: Database, caseworker_id: int | None, now: datetime, reason: str) -> bool:
    """A refused sign-in (reason: a code, never the address); a wrong password counts. True if it locked."""
    with db.write() as session:
        access_rows.add_line(session, now, AccessKind.SIGN_IN_FAILED, caseworker_id=caseworker_id, detail=reason)
        if caseworker_id is None or reason != "wrong_password":
            return False
        session.execute(  # counted in the database: two attempts at once both count
            update(t.CaseworkerRow).where(t.CaseworkerRow.id == caseworker_id)
            .values(failed_attempts=t.CaseworkerRow.failed_attempts + 1)
        )
        count = session.scalar(select(t.CaseworkerRow.failed_attempts).where(t.CaseworkerRow.id == caseworker_id))
        if not locks_now(int(count or 0)):
            return False
        session.execute(
            update(t.CaseworkerRow).where(t.CaseworkerRow.id == caseworker_id)
            .values(failed_attempts=0, locked_until=now + LOCK_TIME)
        )
        access_rows.add_line(session, now, AccessKind.LOCKED, caseworker_id=caseworker_id)
        return True


def for_oidc(db: Database, subject: str, email: str, now: datetime) -> Caseworker | None:
    """The account linked to an identity provider's subject; else an enabled account with the address gets linked.

    The sign-in (or its refusal: no such account, or a disabled one) is logged in the same transaction.
    """
    with db.write() as session:
        row = session.scalar(select(t.CaseworkerRow).where(t.CaseworkerRow.oidc_subject == subject))
        if row is None:
            row = session.scalar(select(t.CaseworkerRow).where(
                func.lower(t.CaseworkerRow.email) == email, t.CaseworkerRow.oidc_subject.is_(None),
                t.CaseworkerRow.disabled == false(),
            ))
            if row is None:
                access_rows.add_line(session, now, AccessKind.SIGN_IN_FAILED, detail="oidc_unknown_account")
                return None
            row.oidc_subject = subject
        if row.disabled:
            access_rows.add_line(session, now, AccessKind.SIGN_IN_FAILED, caseworker_id=row.id, detail="disabled")
        else:
            access_rows.add_line(session, now, AccessKind.SIGN_IN, caseworker_id=row.id, detail="oidc")
        return caseworker_of(row)
