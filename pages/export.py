"""Referat og opfølgning: download the minute and the calendar file, agree the follow-up, evaluate the meeting."""

import streamlit as st

from ui import follow_up_view as view
from ui import session
from ui.current import actor, meeting_or_stop
from ui.db import database
from ui.i18n import t

db = database()
record = meeting_or_stop(db)
me = actor(record)

st.title(t("page.export"))
with st.container(border=True):
    view.downloads(db, record, session.language())
left, right = st.columns(2, gap="large")
with left, st.container(border=True):
    view.follow_up(db, record, me)
with right, st.container(border=True):
    view.contacts(db, record, me)
with st.container(border=True):
    view.evaluation(db, record, me)
