"""Sign-in sessions: start one after a successful sign-in, find the caseworker behind a cookie, sign out.

The browser keeps the raw token (an HttpOnly cookie set by the web layer); only its sha256 is stored.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from facilitation.domain import sessions as rules
from facilitation.domain.access import Caseworker, Purpose
from facilitation.domain.clock import utcnow
from facilitation.domain.sessions import SessionKind
from facilitation.domain.validation import NotFoundError, ValidationError, choice
from facilitation.storage import Database
from facilitation.storage import sessions as store


def start_session(db: Database, caseworker_id: int, kind: str, now: datetime | None = None) -> str:
    """Start a session for a signed-in caseworker ("local" or "oidc"); returns the raw token for the cookie."""
    session_kind = choice(kind, SessionKind, "kind")
    if session_kind is SessionKind.PROJECTOR:
        raise ValidationError("invalid_choice", field="kind", value=kind)
    token = rules.new_token()
    store.insert_session(db, rules.token_hash(token), caseworker_id, session_kind, now or utcnow())
    return token


def session_caseworker(db: Database, token: str, now: datetime | None = None) -> Caseworker | None:
    """The caseworker signed in with this token, or None (unknown, ended, account disabled, or idle too long)."""
    now = now or utcnow()
    found = store.sign_in_of(db, rules.token_hash(token))
    if found is None or found.ended:
        return None
    if found.caseworker.disabled or rules.is_idle(found.last_seen, now):
        store.end_session_by_id(db, found.session_id, now)
        return None
    if rules.needs_touch(found.last_seen, now):
        store.touch_session(db, found.session_id, now)
    return found.caseworker


def set_purpose(db: Database, token: str, purpose: str) -> None:
    """Remember why this sign-in opens cases (a Purpose value); NotFoundError if the session is not live."""
    value = choice(purpose, Purpose, "purpose").value
    if not store.set_purpose(db, rules.token_hash(token), value):
        raise NotFoundError("session", "current")  # never the token itself: messages may be logged


def end_session(db: Database, token: str, now: datetime | None = None) -> None:
    """Sign out (or forget a projector): the token lets nobody in from now on, in any tab."""
    store.end_session(db, rules.token_hash(token), now or utcnow())


def end_sessions_of(db: Database, caseworker_id: int, now: datetime | None = None) -> int:
    """End every session of a caseworker (on disabling the account, or a lost laptop); how many there were."""
    return store.end_sessions_of(db, caseworker_id, now or utcnow())


def oidc_session(
    db: Database, login_id: str, account: Callable[[], int | None], now: datetime | None = None,
) -> str | None:
    """The session token of one identity-provider login, started on its first sight; None once it was ended.

    Streamlit keeps the provider's login in its own cookie for 30 days; recording the login (issuer,
    subject, nonce, issued-at) as a session makes signing out end it everywhere, for good. `account` is
    asked only for a login never seen before (it maps the provider's subject to an account, and logs it).
    """
    digest = rules.token_hash(login_id)
    found = store.sign_in_of(db, digest)
    if found is not None:
        return None if found.ended else login_id
    caseworker_id = account()
    if caseworker_id is None:
        return None
    store.insert_session(db, digest, caseworker_id, SessionKind.OIDC, now or utcnow())
    return login_id
