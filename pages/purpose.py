"""Formål: why this sign-in opens cases, asked once per session before any case is shown (for the log)."""

import streamlit as st

from facilitation.domain.access import Purpose
from facilitation.services import sessions
from ui import session
from ui.db import database
from ui.i18n import label, t

db = database()
caseworker = session.caseworker()
token = session.session_token()
st.title(t("purpose.choose"))
if caseworker is not None:
    st.caption(t("sidebar.signed_in_as", name=caseworker.name))
choice = st.radio(t("purpose.choose"), list(Purpose), format_func=lambda p: label("purpose", p).capitalize(),
                  index=None, key=session.lang_key("purpose.choice"), label_visibility="collapsed")
st.caption(t("purpose.help"))
if st.button(t("purpose.continue"), type="primary", disabled=choice is None or token is None, key="purpose.go"):
    if token is not None and choice is not None:
        sessions.set_purpose(db, token, choice.value)
        st.rerun()
st.markdown(f'<a href="/signout" target="_self">{t("sidebar.sign_out")}</a>', unsafe_allow_html=True)
