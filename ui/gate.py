"""The sign-in gate: a run goes on only for a signed-in caseworker; a projector sees its one meeting.

Someone who has not signed in sees the sign-in page and nothing else: no family, child or participant
name on any page or frame. A projector device sees its pairing code until a member pairs it, then only
that meeting's projector view, read-only, until it is unpaired or the meeting ends.
"""

from __future__ import annotations

from contextvars import ContextVar

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from facilitation.storage import Database
from ui import identity, session
from ui.navigation import PAGES

PATHS = [path for _title, _icon, path in PAGES.values()]
_ADMITTED_NOW: ContextVar[bool] = ContextVar("moedetavlen_admitted_now", default=False)



def admit(db: Database) -> bool:
    """Whether this run may show the app; otherwise the right public page has been run."""
    who = identity.current(db)
    session.set_caseworker(who.caseworker)
    session.set_session_token(who.token)
    if who.caseworker is not None:
        _watch_sign_out(db, who.token)
        if who.caseworker.purpose:
            return True
    _public_page(who).run()
    return False


def _public_page(who: identity.Identity) -> StreamlitPage:
    """The one page a browser without a chosen purpose sees: the purpose, a projector's meeting, or the sign-in."""
    from ui import public_pages  # here, not at the top: a caseworker's first run never imports the projector's

    if who.caseworker is not None:
        return st.navigation(public_pages.everywhere(public_pages.purpose, PATHS, ":material/login:"),
                             position="hidden")
    if who.projector is not None:
        session.set_current_meeting(who.projector.meeting_id)  # None unless paired
        return st.navigation(public_pages.everywhere(public_pages.projector_device, PATHS, ":material/cast:"),
                             position="hidden")
    session.set_current_meeting(None)
    return st.navigation(public_pages.everywhere(public_pages.signin, PATHS, ":material/login:"), position="hidden")


def _watch_sign_out(db: Database, token: str | None) -> None:
    """Every few seconds: is this browser still signed in? If not (signed out in another tab), rerun."""

    @st.fragment(run_every=3)
    def check() -> None:
        if _ADMITTED_NOW.get():
            return  # drawn within the run admit() has just checked: nothing to look at again
        if identity.current(db).caseworker is None:
            st.rerun(scope="app")

    with st.sidebar:  # a fixed place outside the pages, so their own live parts never move
        admitted = _ADMITTED_NOW.set(True)
        try:
            check()
        finally:
            _ADMITTED_NOW.reset(admitted)
