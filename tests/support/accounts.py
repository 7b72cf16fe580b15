"""Caseworker accounts for tests: made without a password (no argon2 cost) unless one is asked for."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from argon2 import PasswordHasher

from facilitation import passwords
from facilitation.domain.access import Caseworker, Purpose
from facilitation.services import accounts
from facilitation.storage import Database


def caseworker(db: Database, name: str, email: str, *, password: str | None = None,
               purpose: Purpose = Purpose.MEETING) -> Caseworker:
    """A new account as signed in, with the purpose chosen for the session."""
    return replace(accounts.create_account(db, name, email, password), purpose=purpose.value)


@contextmanager
def cheap_passwords() -> Iterator[None]:
    """Argon2 at its lowest cost while it lasts (the same code path, a thousandth of the time)."""
    real = passwords._HASHER
    passwords._HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    passwords._dummy_hash.cache_clear()
    try:
        yield
    finally:
        passwords._HASHER = real
        passwords._dummy_hash.cache_clear()
