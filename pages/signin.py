"""Log ind: the only page for a browser that has not signed in. It names no family, child or person."""

import streamlit as st

from ui import identity
from ui.i18n import t

st.title(t("signin.title"))
st.markdown(t("signin.intro"))
st.markdown(f'<a href="/signin" target="_self" class="mt-signin">{t("signin.local")}</a>', unsafe_allow_html=True)
if identity.oidc_configured():
    st.button(t("signin.oidc"), on_click=st.login, key="signin.oidc", type="primary")
st.divider()
st.markdown(t("signin.projector"))
st.markdown(f'<a href="/tilslut" target="_self">{t("signin.projector_link")}</a>', unsafe_allow_html=True)
