"""Sign-in sessions: a token finds its caseworker until sign-out, 8 idle hours or a disabled account."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from facilitation.domain.access import IDLE_TIMEOUT, Caseworker
from facilitation.domain.validation import NotFoundError, ValidationError
from facilitation.services import pairing, sessions
from facilitation.storage import Database
from tests.unit.caseworkers import add_caseworker, disable
from tests.unit.helpers import snapshot

T0 = datetime(2026, 3, 2, 8, 30)


@pytest.fixture
def line(db: Database) -> Caseworker:
    """A caseworker with an account."""
    return add_caseworker(db, "Line Bech", "line@kommune.dk")


def test_a_session_started_at_sign_in_finds_its_caseworker(db: Database, line: Caseworker) -> None:
    token = sessions.start_session(db, line.id, "local", T0)
    assert sessions.session_caseworker(db, token, T0 + timedelta(seconds=5)) == line


def test_the_same_token_after_a_reload_or_in_a_new_tab_finds_the_same_caseworker(
    db: Database, line: Caseworker
) -> None:
    token = sessions.start_session(db, line.id, "oidc", T0)
    first = sessions.session_caseworker(db, token, T0 + timedelta(minutes=1))
    again = sessions.session_caseworker(db, token, T0 + timedelta(minutes=2))
    assert first == again == line


def test_each_sign_in_gets_its_own_token(db: Database, line: Caseworker) -> None:
    laptop, phone = (sessions.start_session(db, line.id, "local", T0) for _ in range(2))
    assert laptop != phone
    sessions.end_session(db, laptop, T0)
    assert sessions.session_caseworker(db, laptop, T0) is None
    assert sessions.session_caseworker(db, phone, T0) == line


def test_sign_out_ends_the_session_at_once(db: Database, line: Caseworker) -> None:
    token = sessions.start_session(db, line.id, "local", T0)
    sessions.end_session(db, token, T0 + timedelta(minutes=3))
    assert sessions.session_caseworker(db, token, T0 + timedelta(minutes=3)) is None


def test_a_session_ends_after_eight_idle_hours_and_stays_ended(db: Database, line: Caseworker) -> None:
    token = sessions.start_session(db, line.id, "local", T0)
    assert sessions.session_caseworker(db, token, T0 + IDLE_TIMEOUT) == line
    token = sessions.start_session(db, line.id, "local", T0)
    assert sessions.session_caseworker(db, token, T0 + IDLE_TIMEOUT + timedelta(seconds=1)) is None
    assert sessions.session_caseworker(db, token, T0 + timedelta(minutes=5)) is None  # ended, not just late


def test_a_session_in_use_lives_on_past_eight_hours(db: Database, line: Caseworker) -> None:
    token = sessions.start_session(db, line.id, "local", T0)
    for hour in range(1, 13):
        assert sessions.session_caseworker(db, token, T0 + timedelta(hours=hour)) == line


def test_a_session_is_written_at_most_once_a_minute(db: Database, line: Caseworker) -> None:
    token = sessions.start_session(db, line.id, "local", T0)
    sessions.session_caseworker(db, token, T0 + timedelta(minutes=5))
    before = snapshot(db)
    sessions.session_caseworker(db, token, T0 + timedelta(minutes=5, seconds=59))
    assert snapshot(db) == before
    sessions.session_caseworker(db, token, T0 + timedelta(minutes=6))
    assert snapshot(db) != before


def test_a_disabled_account_is_refused_and_its_session_ended(db: Database, line: Caseworker) -> None:
    token = sessions.start_session(db, line.id, "local", T0)
    disable(db, line.id)
    assert sessions.session_caseworker(db, token, T0) is None
    with pytest.raises(NotFoundError):
        sessions.start_session(db, line.id, "local", T0)


def test_ending_a_caseworkers_sessions_signs_out_every_browser_and_no_one_else(
    db: Database, line: Caseworker
) -> None:
    other = add_caseworker(db, "Omar Jensen", "omar@kommune.dk")
    tokens = [sessions.start_session(db, line.id, "local", T0) for _ in range(3)]
    kept = sessions.start_session(db, other.id, "local", T0)
    assert sessions.end_sessions_of(db, line.id, T0) == 3
    assert [sessions.session_caseworker(db, token, T0) for token in tokens] == [None, None, None]
    assert sessions.session_caseworker(db, kept, T0) == other


def test_the_purpose_chosen_once_is_remembered_for_the_session(db: Database, line: Caseworker) -> None:
    token = sessions.start_session(db, line.id, "local", T0)
    sessions.set_purpose(db, token, "preparation")
    found = sessions.session_caseworker(db, token, T0)
    assert found is not None and found.purpose == "preparation"
    with pytest.raises(ValidationError) as info:
        sessions.set_purpose(db, token, "curiosity")
    assert info.value.code == "invalid_choice"


def test_a_purpose_cannot_be_set_on_an_ended_session(db: Database, line: Caseworker) -> None:
    token = sessions.start_session(db, line.id, "local", T0)
    sessions.end_session(db, token, T0)
    with pytest.raises(NotFoundError):
        sessions.set_purpose(db, token, "meeting")


@pytest.mark.parametrize("token", ["", "x", "not-a-token-" * 40])
def test_an_unknown_token_finds_nobody(db: Database, line: Caseworker, token: str) -> None:
    sessions.start_session(db, line.id, "local", T0)
    assert sessions.session_caseworker(db, token, T0) is None


def test_a_projectors_token_signs_nobody_in(db: Database, line: Caseworker) -> None:
    device, _code = pairing.start_projector(db, T0)
    assert sessions.session_caseworker(db, device, T0) is None
    with pytest.raises(ValidationError):
        sessions.start_session(db, line.id, "projector", T0)


def test_tokens_are_never_stored_in_clear(db: Database, line: Caseworker) -> None:
    token = sessions.start_session(db, line.id, "local", T0)
    sessions.set_purpose(db, token, "meeting")
    device, code = pairing.start_projector(db, T0)
    stored = repr(snapshot(db))
    assert len(token) >= 43 and len(device) >= 43
    assert token not in stored and device not in stored
    assert code in stored  # the code is shown on a wall; it is no secret once paired (then it is cleared)
