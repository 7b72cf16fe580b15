"""'Min profil': the signed-in caseworker's phone number, which the minute's contacts give with their e-mail."""

from __future__ import annotations

import streamlit as st

from facilitation.domain.access import Caseworker
from facilitation.services import accounts
from facilitation.storage import Database
from ui import forms, session
from ui.i18n import t
from ui.text import md

FORM = "profile"
OPEN = "profile.open"


def profile(db: Database, caseworker: Caseworker) -> None:
    """A small popover with the caseworker's e-mail (the account's) and their phone number (editable)."""
    with st.popover(t("profile.open"), icon=":material/person:", key=OPEN, on_change="rerun") as box:
        if not box.open:  # read and drawn only while open (opening reruns the page once)
            return
        stored = accounts.get_account(db, caseworker.id)
        key = session.fresh_key("profile.phone", caseworker.id, stored.phone)
        st.markdown(f"**{t('profile.heading')}**")
        st.caption(t("profile.intro"))
        st.markdown(f"{t('field.email')}: {md(stored.email)}")
        with st.form(FORM, border=False):
            st.text_input(t("field.phone"), stored.phone, key=key, placeholder=t("placeholder.phone"))
            forms.submit_button(FORM, t("save"), lambda: accounts.set_my_phone(
                db, caseworker, session.text_value(key)), success=t("profile.saved"))
        forms.show_error(FORM)
