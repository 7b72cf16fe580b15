"""Who may see a case: caseworker accounts, case members, the access log's words, and CPR-like text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

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


Actor = Caseworker | str
"""Who acts on a service: a signed-in caseworker (access is checked), or the server's operator by name
(the command line and the demo: the operator may do everything)."""


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


_CPR = re.compile(r"(?<!\d)(\d{2})(\d{2})(\d{2})[-\s]?\d{4}(?!\d)")


def looks_like_cpr(text: str) -> bool:
    """Whether a text holds something shaped like a CPR number (DDMMYY-XXXX with a possible day and month)."""
    for match in _CPR.finditer(text):
        day, month = int(match.group(1)), int(match.group(2))
        if 1 <= day <= 31 and 1 <= month <= 12:
            return True
    return False
