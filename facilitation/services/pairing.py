"""The projector: a browser that has not signed in shows a meeting only once a member pairs it.

A member pairs it by typing the code it shows, or opens a one-time link on it (also printed for the
operator by `python -m facilitation projector-link`). A paired projector sees only that meeting, never
idles out, and shows nothing once unpaired or once the meeting is ended.
"""

from __future__ import annotations

from datetime import datetime

from facilitation.domain import sessions as rules
from facilitation.domain.access import PAIRING_LINK_VALID, Actor, Caseworker
from facilitation.domain.clock import utcnow
from facilitation.domain.sessions import PairingTarget, ProjectorState
from facilitation.domain.validation import NotFoundError, ValidationError
from facilitation.storage import Database
from facilitation.storage import pairing as store


def start_projector(db: Database, now: datetime | None = None) -> tuple[str, str]:
    """Register a projector device; returns its token (for the device's cookie) and the code it shows."""
    token = rules.new_token()
    code = store.insert_projector(db, rules.token_hash(token), rules.new_pairing_code, now or utcnow(),
                                  rules.PAIRING_CODE_VALID)
    return token, code


def projector_state(db: Database, token: str, now: datetime | None = None) -> ProjectorState:
    """What the projector with this token may show: nothing, an expired code, its code, or its meeting."""
    now = now or utcnow()
    device = store.projector_device(db, rules.token_hash(token))
    if rules.projector_must_end(device):
        store.end_projector(db, rules.token_hash(token), now)
    return rules.projector_state(device, now)


def pair_by_code(db: Database, caseworker: Caseworker, meeting_id: int, code: str,
                 now: datetime | None = None) -> None:
    """Pair the waiting projector showing `code` to a meeting of the member's case."""
    now = now or utcnow()
    target = _target(db, caseworker, meeting_id)
    _refuse_ended(target)
    typed = rules.normalised_code(code)
    if typed is None or not store.pair_code(db, target, caseworker.id, caseworker.purpose, typed, now):
        raise ValidationError("pairing_code_invalid", field="pairing_code")


def create_pairing_link(db: Database, actor: Actor, meeting_id: int, now: datetime | None = None) -> str:
    """A one-time token that pairs the browser opening it to the meeting (valid PAIRING_LINK_VALID, used once)."""
    now = now or utcnow()
    target = _target(db, actor, meeting_id)
    _refuse_ended(target)
    token = rules.new_token()
    created_by = actor.id if isinstance(actor, Caseworker) else None
    store.insert_link(db, rules.token_hash(token), target, created_by, now, PAIRING_LINK_VALID)
    return token


def redeem_pairing_link(db: Database, token: str, now: datetime | None = None) -> str | None:
    """Use a pairing link (once): the new paired projector's token, or None if used, expired or unknown."""
    now = now or utcnow()
    used = store.use_link(db, rules.token_hash(token), now)
    if used is None:
        return None
    target, created_by = used
    if target.ended:
        return None
    device = rules.new_token()
    if not store.insert_paired_projector(db, rules.token_hash(device), target, created_by, now):
        return None
    return device


def unpair(db: Database, actor: Actor, meeting_id: int, now: datetime | None = None) -> int:
    """Unpair every projector of the meeting (and void its unused links); how many were paired."""
    target = _target(db, actor, meeting_id)
    caseworker_id, purpose = (actor.id, actor.purpose) if isinstance(actor, Caseworker) else (None, "")
    return store.unpair_meeting(db, target, caseworker_id, purpose, now or utcnow())


def paired_projectors(db: Database, actor: Actor, meeting_id: int) -> int:
    """How many projectors show the meeting (none once it is ended)."""
    target = _target(db, actor, meeting_id)
    return 0 if target.ended else store.count_paired(db, meeting_id)


def _target(db: Database, actor: Actor, meeting_id: int) -> PairingTarget:
    """The meeting if the actor may pair to it; a non-member gets the same NotFoundError as a missing meeting."""
    target = store.pairing_target(db, meeting_id, actor.id if isinstance(actor, Caseworker) else None)
    if target is None:
        raise NotFoundError("meeting", meeting_id)
    return target


def _refuse_ended(target: PairingTarget) -> None:
    """An ended meeting is shown on no projector, so pairing to it is refused."""
    if target.ended:
        raise ValidationError("meeting_ended")
