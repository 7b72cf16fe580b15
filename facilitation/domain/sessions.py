"""Sign-in sessions and projector pairing: tokens, pairing codes, idle time and what a projector may show.

A browser holds a random token in a cookie; only its sha256 is stored, so the database alone never lets
anyone in. A signed-in session ends after IDLE_TIMEOUT without use; a paired projector never idles out,
and shows nothing once unpaired or once its meeting is ended.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from facilitation.domain.access import IDLE_TIMEOUT, Caseworker

PAIRING_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
"""Digits and capitals without 0/O, 1/I and L, which are easily confused when read off a wall."""
PAIRING_CODE_LENGTH = 6
PAIRING_CODE_VALID = timedelta(minutes=10)
TOUCH_EVERY = timedelta(minutes=1)
"""last_seen is written at most this often, to keep writes low; idle time is measured to within this."""


class SessionKind(StrEnum):
    """How a browser got its session: a local password, the municipality's sign-in (OIDC), or a projector."""

    LOCAL = "local"
    OIDC = "oidc"
    PROJECTOR = "projector"


def new_token() -> str:
    """A fresh random token for a cookie or a one-time link (256 bits, URL-safe)."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """The sha256 hex of a token: the only form in which a token is stored or looked up."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_pairing_code() -> str:
    """A random short code for a projector's screen."""
    return "".join(secrets.choice(PAIRING_CODE_ALPHABET) for _ in range(PAIRING_CODE_LENGTH))


def normalised_code(typed: str) -> str | None:
    """A typed pairing code in stored form (capitals, no spaces or dashes), or None if it cannot be one."""
    code = "".join(ch for ch in str(typed).upper() if ch not in " -\t")
    if len(code) != PAIRING_CODE_LENGTH or any(ch not in PAIRING_CODE_ALPHABET for ch in code):
        return None
    return code


def is_idle(last_seen: datetime, now: datetime) -> bool:
    """Whether a signed-in session has gone unused for longer than IDLE_TIMEOUT."""
    return now - last_seen > IDLE_TIMEOUT


def needs_touch(last_seen: datetime, now: datetime) -> bool:
    """Whether a session's last_seen is old enough to be written again."""
    return now - last_seen >= TOUCH_EVERY


@dataclass(frozen=True)
class ProjectorDevice:
    """A projector's stored session as read for its screen.

    Fields: `ended` (unpaired by a member, or ended); `meeting_id` (the paired meeting, None while
    unpaired); `meeting_ended` (the paired meeting's status is "ended"); `code` and `code_expires_at`
    (an unpaired device's pairing code and when it runs out).
    """

    ended: bool
    meeting_id: int | None
    meeting_ended: bool = False
    code: str | None = None
    code_expires_at: datetime | None = None


class ProjectorStatus(StrEnum):
    """What a projector's screen is in a position to show."""

    NOTHING = "nothing"  # unknown, ended, unpaired by a member, or its meeting is ended or deleted
    EXPIRED = "expired"  # its code ran out before anyone paired it: ask for a fresh code
    WAITING = "waiting"  # not paired yet: show the code
    PAIRED = "paired"  # show the meeting, read-only


@dataclass(frozen=True)
class ProjectorState:
    """A projector's state: `status`; `code` while WAITING (else ""); `meeting_id` while PAIRED (else None)."""

    status: ProjectorStatus
    code: str = ""
    meeting_id: int | None = None


NOTHING = ProjectorState(ProjectorStatus.NOTHING)


def projector_state(device: ProjectorDevice | None, now: datetime) -> ProjectorState:
    """What a projector may show: its meeting only while paired to a meeting that is not ended."""
    if device is None or device.ended:
        return NOTHING
    if device.meeting_id is not None:
        return NOTHING if device.meeting_ended else ProjectorState(ProjectorStatus.PAIRED, meeting_id=device.meeting_id)
    if device.code is None or device.code_expires_at is None or device.code_expires_at <= now:
        return ProjectorState(ProjectorStatus.EXPIRED)
    return ProjectorState(ProjectorStatus.WAITING, code=device.code)


def projector_must_end(device: ProjectorDevice | None) -> bool:
    """Whether a paired projector's session is over for good (its meeting was ended): re-pairing is needed."""
    return device is not None and not device.ended and device.meeting_id is not None and device.meeting_ended


@dataclass(frozen=True)
class SignIn:
    """A caseworker's stored session.

    Fields: `session_id`; `caseworker` (its purpose is the session's); `last_seen`; `ended` (signed out,
    idled out or disabled).
    """

    session_id: int
    caseworker: Caseworker
    last_seen: datetime
    ended: bool


@dataclass(frozen=True)
class PairingTarget:
    """A meeting a projector is paired to: `meeting_id`, `case_id` (for the access log), `ended` (status "ended")."""

    meeting_id: int
    case_id: int
    ended: bool
