"""The pure rules of sessions and projectors: tokens, codes, idle time and what a projector may show."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from facilitation.domain.access import IDLE_TIMEOUT
from facilitation.domain.sessions import (
    PAIRING_CODE_ALPHABET,
    ProjectorDevice,
    ProjectorState,
    ProjectorStatus,
    is_idle,
    needs_touch,
    new_pairing_code,
    new_token,
    normalised_code,
    projector_must_end,
    projector_state,
    token_hash,
)

NOW = datetime(2026, 3, 2, 9, 0)


def test_a_token_is_long_random_and_stored_only_as_its_sha256() -> None:
    token = new_token()
    assert len(token) >= 43 and token != new_token()
    assert len(token_hash(token)) == 64 and token_hash(token) == token_hash(token) and token not in token_hash(token)


def test_the_code_alphabet_has_no_easily_misread_characters() -> None:
    assert not set(PAIRING_CODE_ALPHABET) & set("0O1IL")
    assert all(ch in PAIRING_CODE_ALPHABET for ch in new_pairing_code())


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("K7M2PQ", "K7M2PQ"), ("k7m 2pq", "K7M2PQ"), (" K7M-2PQ ", "K7M2PQ"), ("K7M2P", None), ("K7M2PQQ", None),
     ("K7M2P0", None), ("KLM2PQ", None), ("K7M2PÅ", None)],
)
def test_a_typed_code_is_read_without_regard_to_case_spaces_or_dashes(typed: str, stored: str | None) -> None:
    assert normalised_code(typed) == stored


def test_a_session_is_idle_only_after_more_than_eight_hours() -> None:
    assert not is_idle(NOW - IDLE_TIMEOUT, NOW)
    assert is_idle(NOW - IDLE_TIMEOUT - timedelta(seconds=1), NOW)
    assert not is_idle(NOW + timedelta(minutes=5), NOW)  # a clock set back does not end anything


def test_last_seen_is_rewritten_once_a_minute() -> None:
    assert not needs_touch(NOW - timedelta(seconds=59), NOW)
    assert needs_touch(NOW - timedelta(minutes=1), NOW)


@pytest.mark.parametrize(
    ("device", "state"),
    [
        (None, ProjectorState(ProjectorStatus.NOTHING)),
        (ProjectorDevice(ended=True, meeting_id=4), ProjectorState(ProjectorStatus.NOTHING)),
        (ProjectorDevice(ended=False, meeting_id=4, meeting_ended=True), ProjectorState(ProjectorStatus.NOTHING)),
        (ProjectorDevice(ended=False, meeting_id=4), ProjectorState(ProjectorStatus.PAIRED, meeting_id=4)),
        (ProjectorDevice(ended=False, meeting_id=None, code="K7M2PQ", code_expires_at=NOW + timedelta(seconds=1)),
         ProjectorState(ProjectorStatus.WAITING, code="K7M2PQ")),
        (ProjectorDevice(ended=False, meeting_id=None, code="K7M2PQ", code_expires_at=NOW),
         ProjectorState(ProjectorStatus.EXPIRED)),
        (ProjectorDevice(ended=True, meeting_id=None, code="K7M2PQ", code_expires_at=NOW + timedelta(minutes=5)),
         ProjectorState(ProjectorStatus.NOTHING)),
    ],
)
def test_a_projector_shows_its_meeting_only_while_paired_to_a_meeting_that_is_not_ended(
    device: ProjectorDevice | None, state: ProjectorState
) -> None:
    assert projector_state(device, NOW) == state


def test_only_a_live_projector_of_an_ended_meeting_must_be_ended() -> None:
    assert projector_must_end(ProjectorDevice(ended=False, meeting_id=4, meeting_ended=True))
    assert not projector_must_end(ProjectorDevice(ended=True, meeting_id=4, meeting_ended=True))
    assert not projector_must_end(ProjectorDevice(ended=False, meeting_id=4))
    assert not projector_must_end(None)
