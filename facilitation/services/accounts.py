"""Caseworker accounts: creating and changing them (the operator's tools), and signing in.

A refused sign-in never says which part was wrong: an unknown address, a wrong password, a disabled or a
locked account all give None, and take the time of one argon2 verify. FAILED_SIGN_INS_BEFORE_LOCK wrong
passwords in a row lock the account for LOCK_TIME. Every sign-in, refusal and lock is in the access log.
"""

from __future__ import annotations

from datetime import datetime

from facilitation import passwords
from facilitation.domain.access import Caseworker, checked_password, email_address, is_locked
from facilitation.domain.clock import utcnow
from facilitation.domain.validation import NAME_MAX, ValidationError, phone_number, single_line
from facilitation.storage import Database
from facilitation.storage import accounts as store


def create_account(
    db: Database, name: str, email: str, password: str | None, *, now: datetime | None = None
) -> Caseworker:
    """Open an account (password None: it signs in through the identity provider only); e-mails are unique."""
    the_name = single_line(name, "name", NAME_MAX)
    address = email_address(email)
    stored_hash = None if password is None else passwords.hash_password(checked_password(password))
    return store.insert_caseworker(db, the_name, address, stored_hash, now or utcnow())


def set_password(db: Database, caseworker_id: int, password: str) -> None:
    """Give an account a new password; a lock from wrong passwords is lifted."""
    stored_hash = passwords.hash_password(checked_password(password))
    store.change(db, caseworker_id, password_hash=stored_hash, failed_attempts=0, locked_until=None)


def set_phone(db: Database, caseworker_id: int, phone: str) -> Caseworker:
    """Store the phone number the minute gives for a caseworker ('' removes it); returns the account."""
    store.change(db, caseworker_id, phone=phone_number(phone))
    return store.by_id(db, caseworker_id)


def set_my_phone(db: Database, actor: Caseworker, phone: str) -> Caseworker:
    """A signed-in caseworker sets their own phone number (the 'Min profil' form)."""
    return set_phone(db, actor.id, phone)


def disable_account(db: Database, caseworker_id: int) -> None:
    """Stop an account from signing in and from reaching any case (its memberships stay)."""
    store.change(db, caseworker_id, disabled=True)


def enable_account(db: Database, caseworker_id: int) -> None:
    """Let a disabled account sign in again."""
    store.change(db, caseworker_id, disabled=False)


def list_accounts(db: Database) -> list[Caseworker]:
    """Every account, by name (never a password hash)."""
    return store.all_caseworkers(db)


def find_account(db: Database, email: str) -> Caseworker | None:
    """The account with this e-mail address (any case), if there is one."""
    try:
        return store.by_email(db, email_address(email))
    except ValidationError:
        return None


def get_account(db: Database, caseworker_id: int) -> Caseworker:
    """The account with this id as it is now (disabled, locked), else NotFoundError."""
    return store.by_id(db, caseworker_id)


def account_for_oidc(db: Database, subject: str, email: str, *, now: datetime | None = None) -> Caseworker | None:
    """The account an identity provider's sign-in maps to; never creates one. Call it once per sign-in (it is logged).

    An account already linked to `subject`; else an enabled account with this e-mail gets the subject linked;
    else None. A disabled account gives None too.
    """
    try:
        address = email_address(email)
    except ValidationError:
        address = ""
    worker = store.for_oidc(db, subject, address, now or utcnow()) if subject else None
    return None if worker is None or worker.disabled else worker


def authenticate(db: Database, email: str, password: str, now: datetime | None = None) -> Caseworker | None:
    """The caseworker this e-mail and password sign in, else None (which part was wrong is not told)."""
    at = now or utcnow()
    try:
        found = store.credentials(db, email_address(email))
    except ValidationError:
        found = None
    if found is None:
        passwords.spend_one_verify(password)
        store.record_failure(db, None, at, "unknown_account")
        return None
    worker, stored_hash = found
    if stored_hash is None:
        passwords.spend_one_verify(password)
        matches = False
    else:
        matches = passwords.verify_password(stored_hash, password)
    if worker.disabled:
        store.record_failure(db, worker.id, at, "disabled")
    elif is_locked(worker, at):
        store.record_failure(db, worker.id, at, "locked")
    elif not matches or stored_hash is None:
        store.record_failure(db, worker.id, at, "wrong_password")
    else:
        new_hash = passwords.hash_password(password) if passwords.needs_rehash(stored_hash) else None
        store.record_sign_in(db, worker.id, at, new_hash)
        return Caseworker(id=worker.id, name=worker.name, email=worker.email)
    return None
