"""Caseworker accounts and signing in: argon2 passwords, refusals that do not say why, the lock after five."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta

import pytest

from facilitation import passwords
from facilitation.domain.access import LOCK_TIME, AccessKind
from facilitation.domain.validation import ValidationError
from facilitation.services import accounts
from facilitation.storage import Database
from facilitation.storage.access_log import all_lines
from tests.support.accounts import cheap_passwords

NOW = datetime(2026, 3, 2, 9, 0)
PASSWORD = "korrekt hest batteri"


@pytest.fixture(autouse=True)
def _cheap_passwords() -> Iterator[None]:
    with cheap_passwords():
        yield


@pytest.fixture
def worker_id(db: Database) -> int:
    """An account with a password."""
    return accounts.create_account(db, "Line Bech", "Line.Bech@Kommune.invalid", PASSWORD).id


def test_an_account_keeps_an_argon2_hash_and_a_lower_cased_address(db: Database, worker_id: int) -> None:
    with db.engine.connect() as connection:
        email, stored = connection.exec_driver_sql("SELECT email, password_hash FROM caseworkers").one()
    assert email == "line.bech@kommune.invalid"
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert accounts.find_account(db, "LINE.bech@kommune.invalid").id == worker_id  # type: ignore[union-attr]


def test_an_address_is_taken_whatever_its_case(db: Database, worker_id: int) -> None:
    with pytest.raises(ValidationError) as refused:
        accounts.create_account(db, "Line B.", "line.bech@KOMMUNE.invalid", None)
    assert refused.value.code == "email_taken"


@pytest.mark.parametrize(("name", "email", "password", "code"), [
    ("Line", "ikke en adresse", None, "email_invalid"),
    ("Line", "a@b", None, "email_invalid"),
    ("", "line@kommune.invalid", None, "empty"),
    ("Line", "line@kommune.invalid", "kort", "password_too_short"),
])
def test_a_bad_account_is_refused(db: Database, name: str, email: str, password: str | None, code: str) -> None:
    with pytest.raises(ValidationError) as refused:
        accounts.create_account(db, name, email, password)
    assert refused.value.code == code
    assert accounts.list_accounts(db) == []


def test_a_name_is_kept_on_one_line(db: Database) -> None:
    assert accounts.create_account(db, "Line\nBech", "line@kommune.invalid", None).name == "Line Bech"


def test_the_right_password_signs_in_and_is_logged(db: Database, worker_id: int) -> None:
    worker = accounts.authenticate(db, "line.bech@kommune.invalid", PASSWORD, NOW)
    assert worker is not None and (worker.id, worker.name, worker.purpose) == (worker_id, "Line Bech", "")
    assert [(e.kind, e.caseworker_id) for e in all_lines(db)] == [(AccessKind.SIGN_IN, worker_id)]


def test_a_wrong_address_and_a_wrong_password_look_the_same(
    db: Database, worker_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    verified: list[str] = []
    real = passwords.verify_password
    monkeypatch.setattr(passwords, "verify_password", lambda h, p: verified.append(p) or real(h, p))
    assert accounts.authenticate(db, "nobody@kommune.invalid", PASSWORD, NOW) is None
    assert accounts.authenticate(db, "line.bech@kommune.invalid", "forkert forkert", NOW) is None
    assert accounts.authenticate(db, "not an address", "forkert forkert", NOW) is None
    assert len(verified) == 3, "every refusal spends the time of one argon2 verify"
    lines = all_lines(db)
    assert [(e.kind, e.caseworker_id) for e in lines] == [
        (AccessKind.SIGN_IN_FAILED, None), (AccessKind.SIGN_IN_FAILED, worker_id), (AccessKind.SIGN_IN_FAILED, None),
    ]
    assert not any("kommune" in e.detail or "forkert" in e.detail or PASSWORD in e.detail for e in lines)


def test_five_wrong_passwords_lock_the_account_for_fifteen_minutes(db: Database, worker_id: int) -> None:
    for attempt in range(5):
        assert accounts.authenticate(db, "line.bech@kommune.invalid", f"forkert {attempt}!!", NOW) is None
    assert accounts.authenticate(db, "line.bech@kommune.invalid", PASSWORD, NOW + timedelta(minutes=1)) is None
    almost = NOW + LOCK_TIME - timedelta(seconds=1)
    assert accounts.authenticate(db, "line.bech@kommune.invalid", PASSWORD, almost) is None
    kinds = [e.kind for e in all_lines(db)]
    assert kinds == [AccessKind.SIGN_IN_FAILED] * 5 + [AccessKind.LOCKED] + [AccessKind.SIGN_IN_FAILED] * 2
    assert accounts.get_account(db, worker_id).locked_until == NOW + LOCK_TIME
    assert accounts.authenticate(db, "line.bech@kommune.invalid", PASSWORD, NOW + LOCK_TIME) is not None
    assert accounts.get_account(db, worker_id).locked_until is None


def test_a_sign_in_starts_the_count_of_wrong_passwords_again(db: Database, worker_id: int) -> None:
    for _ in range(4):
        accounts.authenticate(db, "line.bech@kommune.invalid", "forkert forkert", NOW)
    assert accounts.authenticate(db, "line.bech@kommune.invalid", PASSWORD, NOW) is not None
    for _ in range(4):
        accounts.authenticate(db, "line.bech@kommune.invalid", "forkert forkert", NOW)
    assert accounts.authenticate(db, "line.bech@kommune.invalid", PASSWORD, NOW) is not None
    assert AccessKind.LOCKED not in [e.kind for e in all_lines(db)]


def test_a_disabled_account_is_refused_even_with_the_right_password(db: Database, worker_id: int) -> None:
    accounts.disable_account(db, worker_id)
    assert accounts.authenticate(db, "line.bech@kommune.invalid", PASSWORD, NOW) is None
    assert [e.detail for e in all_lines(db)] == ["disabled"]
    accounts.enable_account(db, worker_id)
    assert accounts.authenticate(db, "line.bech@kommune.invalid", PASSWORD, NOW) is not None


def test_a_new_password_replaces_the_old_one_and_lifts_a_lock(db: Database, worker_id: int) -> None:
    for _ in range(5):
        accounts.authenticate(db, "line.bech@kommune.invalid", "forkert forkert", NOW)
    accounts.set_password(db, worker_id, "et helt nyt kodeord")
    assert accounts.authenticate(db, "line.bech@kommune.invalid", PASSWORD, NOW) is None
    assert accounts.authenticate(db, "line.bech@kommune.invalid", "et helt nyt kodeord", NOW) is not None


def test_an_account_without_a_password_cannot_sign_in_with_one(db: Database) -> None:
    accounts.create_account(db, "Ida OIDC", "ida@kommune.invalid", None)
    assert accounts.authenticate(db, "ida@kommune.invalid", "", NOW) is None
    assert accounts.authenticate(db, "ida@kommune.invalid", "hvad som helst", NOW) is None


def test_an_identity_providers_subject_is_linked_to_the_account_with_its_address(db: Database, worker_id: int) -> None:
    first = accounts.account_for_oidc(db, "sub-123", "LINE.BECH@kommune.invalid", now=NOW)
    assert first is not None and first.id == worker_id
    assert accounts.account_for_oidc(db, "sub-123", "ny.adresse@kommune.invalid", now=NOW) == first
    assert accounts.account_for_oidc(db, "sub-999", "line.bech@kommune.invalid", now=NOW) is None  # already linked
    assert accounts.account_for_oidc(db, "sub-456", "ukendt@kommune.invalid", now=NOW) is None
    assert len(accounts.list_accounts(db)) == 1, "a sign-in never creates an account"
    accounts.disable_account(db, worker_id)
    assert accounts.account_for_oidc(db, "sub-123", "line.bech@kommune.invalid", now=NOW) is None
    assert [e.kind for e in all_lines(db)] == [AccessKind.SIGN_IN, AccessKind.SIGN_IN] + [AccessKind.SIGN_IN_FAILED] * 3


def test_the_password_adapter_never_raises_for_a_wrong_password_or_a_damaged_hash() -> None:
    stored = passwords.hash_password(PASSWORD)
    assert passwords.verify_password(stored, PASSWORD)
    assert not passwords.verify_password(stored, "forkert")
    assert not passwords.verify_password("ikke en hash", PASSWORD)
    assert not passwords.needs_rehash(stored) and passwords.needs_rehash("ikke en hash")
    assert passwords.hash_password(PASSWORD) != stored
