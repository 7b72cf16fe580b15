"""Mødetavlen: the router. Sets up the page, follows the URL, draws the sidebar, runs a page."""

import streamlit as st

from ui import current, session, sidebar
from ui.db import database
from ui.i18n import t

st.set_page_config(page_title="Mødetavlen", page_icon="ui/assets/favicon.png", layout="wide")

db = database()
sidebar.follow_url(db)
pages = [
    st.Page("pages/meeting.py", title=t("page.meeting"), icon=":material/event:", default=True),
    st.Page("pages/network.py", title=t("page.network"), icon=":material/hub:"),
    st.Page("pages/agenda.py", title=t("page.agenda"), icon=":material/timer:"),
    st.Page("pages/board.py", title=t("page.board"), icon=":material/dashboard:"),
    st.Page("pages/minutes.py", title=t("page.minutes"), icon=":material/edit_note:"),
]
page = st.navigation(pages)
sidebar.render(db)
message = session.pop_flash()
if message:
    st.toast(message, icon=":material/check_circle:")
if current.has_meeting(db):
    page.run()
