"""The pages a browser sees before it is let in: the sign-in page, the purpose question, a projector's view.

Each is registered under every address of the app (ui/gate.py), so a bookmarked or typed address shows
it at once, never Streamlit's "Page not found", and never anything of a case.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st
from streamlit.navigation.page import StreamlitPage

from facilitation.domain.access import Purpose
from facilitation.domain.model import MeetingRecord
from facilitation.domain.sessions import ProjectorStatus
from facilitation.services import sessions
from ui import identity, session
from ui.db import database
from ui.i18n import label, t
from ui.text import md


def signin() -> None:
    """Log ind: the only page for a browser that has not signed in. It names no family, child or person."""
    st.title(t("signin.title"))
    st.markdown(t("signin.intro"))
    st.markdown(f'<a href="/signin" target="_self">{t("signin.local")}</a>', unsafe_allow_html=True)
    if identity.oidc_configured():
        st.button(t("signin.oidc"), on_click=st.login, key="signin.oidc", type="primary")
    st.divider()
    st.markdown(t("signin.projector"))
    st.markdown(f'<a href="/tilslut" target="_self">{t("signin.projector_link")}</a>', unsafe_allow_html=True)


def purpose() -> None:
    """Formål: why this sign-in opens cases, asked once per session before any case is shown (for the log)."""
    db, caseworker, token = database(), session.caseworker(), session.session_token()
    st.title(t("purpose.choose"))
    if caseworker is not None:
        st.caption(t("sidebar.signed_in_as", name=md(caseworker.name)))
    choice = st.radio(t("purpose.choose"), list(Purpose), format_func=lambda p: label("purpose", p).capitalize(),
                      index=None, key=session.lang_key("purpose.choice"), label_visibility="collapsed")
    st.caption(t("purpose.help"))
    if st.button(t("purpose.continue"), type="primary", disabled=choice is None or token is None, key="purpose.go"):
        if token is not None and choice is not None:
            sessions.set_purpose(db, token, choice.value)
            session.mark_just_signed_in()  # signed in now: the start page is Mine sager
            st.rerun()
    st.markdown(f'<a href="/signout" target="_self">{t("sidebar.sign_out")}</a>', unsafe_allow_html=True)


def projector_device() -> None:
    """A projector that has not signed in: its code until a member pairs it, then that meeting, read-only."""
    from ui import live_sync, projector_view  # here: the sign-in page's first run need not import the projector's

    db = database()
    projector_view.hide_chrome()
    state = identity.current(db).projector
    meeting_id = session.current_meeting_id()
    if state is None or state.status in (ProjectorStatus.NOTHING, ProjectorStatus.EXPIRED):
        st.markdown(f"## {t('pairing.nothing')}")
        st.markdown(f'<a href="/tilslut" target="_self">{t("signin.projector_link")}</a>', unsafe_allow_html=True)
        return
    if state.status == ProjectorStatus.WAITING or meeting_id is None:
        _waiting()
        return

    def render(record: MeetingRecord) -> None:
        """One tick: the chosen screen, or a rerun (to nothing) once unpaired or the meeting ended."""
        now = identity.current(db).projector
        if now is None or now.meeting_id != record.meeting.id:
            st.rerun(scope="app")
        projector_view.show(db, record, live_sync.score_history(db, record))

    live_sync.follow(db, meeting_id, render, gone=projector_view.meeting_gone)


@st.fragment(run_every=2)
def _waiting() -> None:
    """The code to type on a caseworker's laptop; the page moves on by itself once paired."""
    state = identity.current(database()).projector
    if state is None or state.status != ProjectorStatus.WAITING:
        st.rerun(scope="app")
    st.markdown(t("pairing.show_code"))
    st.title(state.code)


def everywhere(page: Callable[[], None], paths: list[str], icon: str) -> list[StreamlitPage]:
    """`page` as the app's default page and under each of `paths` (so no address says "Page not found")."""

    def alias(path: str) -> Callable[[], None]:
        def run() -> None:
            page()

        run.__name__ = f"{page.__name__}_{path}"
        return run

    pages = [st.Page(page, title="Mødetavlen", icon=icon, default=True)]
    return pages + [st.Page(alias(path), title="Mødetavlen", icon=icon, url_path=path) for path in paths]
