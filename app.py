"""Mødetavlen: the router. Sets up the page, follows the URL, draws the sidebar, runs a page."""

import streamlit as st

from ui import current, navigation, session, sidebar
from ui.db import database

st.set_page_config(page_title="Mødetavlen", page_icon="ui/assets/favicon.png", layout="wide")

db = database()
sidebar.follow_url(db)
page = st.navigation(navigation.pages_for_device())
sidebar.render(db)
message = session.pop_flash()
if message:
    st.toast(message, icon=":material/check_circle:")
current.explain_missing_meeting(db)
page.run()  # always: Streamlit reports "page not found" for a page it is not asked to run
