"""Passwords with argon2 (argon2-cffi): hashed on the way in, verified without ever raising for a wrong one.

Kept out of the pure domain and the services (like facilitation/pictures.py); no web or database code.
"""

from __future__ import annotations

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_HASHER = PasswordHasher()  # argon2id with the library's recommended cost; holds no state of its own


def hash_password(password: str) -> str:
    """The argon2id hash of a password (salted: two hashes of one password differ)."""
    return _HASHER.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """Whether the password matches the hash; False for a wrong password or a damaged hash."""
    try:
        return _HASHER.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """Whether a hash was made with other parameters than today's (it is replaced at the next sign-in)."""
    try:
        return _HASHER.check_needs_rehash(stored_hash)
    except (InvalidHashError, ValueError):
        return True


def spend_one_verify(password: str) -> None:
    """Take as long as one verify, for an unknown account: its answer is not told by the time it takes."""
    verify_password(_dummy_hash(), password)


@cache
def _dummy_hash() -> str:
    return _HASHER.hash("no account has this password")
