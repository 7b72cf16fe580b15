"""Who may see a case: caseworker accounts, case members, the access log's words, and CPR-like text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from facilitation.domain.validation import ValidationError, clean_text

FAILED_SIGN_INS_BEFORE_LOCK = 5
LOCK_TIME = timedelta(minutes=15)
IDLE_TIMEOUT = timedelta(hours=8)
LOG_KEPT = timedelta(days=183)  # six months
PAIRING_LINK_VALID = timedelta(minutes=2)


@dataclass(frozen=True)
class Caseworker:
    """A caseworker's account as signed in (never a free-text name: those are for roles and 'said by').

    `purpose` is why this sign-in opens cases (a Purpose value, chosen once per session; "" until chosen):
    every access-log line the services write for it carries that purpose.
    """

    id: int
    name: str
    email: str
    disabled: bool = False
    locked_until: datetime | None = None
    purpose: str = ""
    phone: str = ""  # how the family reaches them (the minute's contacts), "" when not entered


Actor = Caseworker | str
"""Who acts on a service: a signed-in caseworker (access is checked), or the server's operator by name
(the command line and the demo: the operator may do everything)."""


COMMAND_LINE = "command line"
"""The operator's name as actor on the command-line tools (python -m facilitation, python -m export)."""


def actor_name(actor: Actor) -> str:
    """The name stored as the last editor of a meeting."""
    return actor.name if isinstance(actor, Caseworker) else actor


class MemberRole(StrEnum):
    """A case member: the primary caseworker or the makker (partner)."""

    PRIMARY = "primary"
    MAKKER = "makker"


class AccessKind(StrEnum):
    """What an access-log line records."""

    VIEW = "view"
    EDIT = "edit"
    EXPORT = "export"
    DUMP = "dump"
    DELETE = "delete"
    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    LOCKED = "locked"
    SIGN_OUT = "sign_out"
    PAIR = "pair"
    UNPAIR = "unpair"
    MEMBER_ADDED = "member_added"
    MEMBER_REMOVED = "member_removed"


class Purpose(StrEnum):
    """Why a caseworker opens a case (chosen once per session, remembered)."""

    MEETING = "meeting"
    PREPARATION = "preparation"
    FOLLOW_UP = "follow_up"
    HANDOVER = "handover"


@dataclass(frozen=True)
class AccessEvent:
    """One line of the access log: who, when, which case, what kind, why; never case content."""

    at: datetime
    caseworker_id: int | None
    case_id: int | None
    meeting_id: int | None
    kind: AccessKind
    purpose: str
    detail: str = ""
    who: str = ""  # the caseworker's name when the log is read back (not stored in the log itself)


@dataclass(frozen=True)
class CaseMember:
    """A caseworker's membership of a case: the account, its role (a MemberRole value) and when it was added."""

    caseworker: Caseworker
    role: str
    added_at: datetime


EMAIL_MAX = 320
PASSWORD_MIN = 10
PASSWORD_MAX = 1024
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_CODE = re.compile(r"[a-z0-9_]{1,100}")


def email_address(value: object) -> str:
    """A caseworker's e-mail address, trimmed and lower-cased (addresses are compared case-insensitively)."""
    text = clean_text(value).lower()
    if len(text) > EMAIL_MAX or not _EMAIL.fullmatch(text):
        raise ValidationError("email_invalid", field="email")
    return text


def checked_password(value: object) -> str:
    """A new password as typed (not trimmed): PASSWORD_MIN to PASSWORD_MAX characters, no control characters."""
    if not isinstance(value, str) or len(value) < PASSWORD_MIN:
        raise ValidationError("password_too_short", field="password", minimum=PASSWORD_MIN)
    if len(value) > PASSWORD_MAX:
        raise ValidationError("too_long", field="password", length=len(value), limit=PASSWORD_MAX)
    if clean_text(value) != value.strip() or value != value.strip():
        raise ValidationError("password_invalid", field="password")
    return value


def log_code(value: str) -> str:
    """A detail code for the access log (lower-case letters, digits, underscores): never free text."""
    if not _CODE.fullmatch(value):
        raise ValidationError("invalid_choice", field="detail", value=value[:20])
    return value


def is_locked(worker: Caseworker, now: datetime) -> bool:
    """Whether too many wrong passwords have locked the account at `now`."""
    return worker.locked_until is not None and now < worker.locked_until


def locks_now(failed_attempts: int) -> bool:
    """Whether this many wrong passwords in a row lock the account."""
    return failed_attempts >= FAILED_SIGN_INS_BEFORE_LOCK



_CPR = re.compile(r"(?<!\d)(\d{2})(\d{2})(\d{2})[-\s]?\d{4}(?!\d)")


def looks_like_cpr(text: str) -> bool:
    """Whether a text holds something shaped like a CPR number (DDMMYY-XXXX with a possible day and month)."""
    for match in _CPR.finditer(text):
        day, month = int(match.group(1)), int(match.group(2))
        if 1 <= day <= 31 and 1 <= month <= 12:
            return True
    return False
