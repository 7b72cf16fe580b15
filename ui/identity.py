"""Who this browser is, checked against the database on every run: a caseworker, a projector, or nobody.

A caseworker is signed in by the `mt_session` cookie (local account, set by ui/auth_routes.py) or by the
municipality's identity provider (st.login; its login is recorded as a session too, so signing out ends
it in every tab). A projector is a browser with an `mt_device` cookie. Nothing is cached in the session
state: a sign-out elsewhere takes effect at the next run.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

import streamlit as st

from facilitation.domain.access import Caseworker
from facilitation.domain.sessions import ProjectorState
from facilitation.services import accounts, pairing, sessions
from facilitation.storage import Database
from ui.auth_routes import DEVICE_COOKIE, SESSION_COOKIE


@dataclass(frozen=True)
class Identity:
    """This browser now: a signed-in caseworker (with the session's token), a projector device, or nobody."""

    caseworker: Caseworker | None = None
    token: str | None = None
    projector: ProjectorState | None = None


def current(db: Database) -> Identity:
    """Who this browser is on this run."""
    token = _cookie(SESSION_COOKIE)
    if token:
        caseworker = sessions.session_caseworker(db, token)
        if caseworker is not None:
            return Identity(caseworker, token)
    login = _oidc_login()
    if login is not None:
        login_id, subject, email = login

        def account() -> int | None:  # only for a login not seen before: it is logged as a sign-in
            found = accounts.account_for_oidc(db, subject, email)
            return None if found is None else found.id

        token = sessions.oidc_session(db, login_id, account)
        caseworker = None if token is None else sessions.session_caseworker(db, token)
        if caseworker is not None:
            return Identity(caseworker, token)
    device = _cookie(DEVICE_COOKIE)
    if device:
        return Identity(projector=pairing.projector_state(db, device))
    return Identity()


def _cookie(name: str) -> str | None:
    """A cookie the browser sent with this session's connection (HttpOnly ones included)."""
    value = st.context.cookies.get(name)
    return value if isinstance(value, str) and value else None


def oidc_configured() -> bool:
    """Whether the municipality's identity provider is set up ([auth] in .streamlit/secrets.toml)."""
    try:
        return "auth" in st.secrets
    except FileNotFoundError:
        return False


def _oidc_login() -> tuple[str, str, str] | None:
    """(login id, subject, e-mail) of an identity-provider sign-in, if this browser has one."""
    if not oidc_configured():
        return None
    user = st.user.to_dict()
    if not user.get("is_logged_in"):
        return None
    return login_id(user), str(user.get("sub", "")), str(user.get("email", ""))


def login_id(user: Mapping[str, object]) -> str:
    """One identity-provider login: (issuer, subject, nonce, issued-at); signing out ends exactly that login."""
    raw = "|".join(str(user.get(k, "")) for k in ("iss", "sub", "nonce", "iat"))
    return "oidc:" + hashlib.sha256(raw.encode()).hexdigest()
