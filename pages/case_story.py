"""Sagens forløb: the case over time, up to the chosen meeting (its members only; every read is logged)."""

import streamlit as st

from facilitation.services.export_data import gather_handover
from ui import session
from ui.case_story_view import case_story
from ui.current import meeting_or_stop
from ui.db import database
from ui.i18n import t

db = database()
record = meeting_or_stop(db)
st.title(t("page.case_story"))
records, _ = gather_handover(db, record.meeting.id, viewer=session.viewer())
case_story(records)
