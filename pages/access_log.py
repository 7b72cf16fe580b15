"""Hvem har set sagen: the case's access log for its members (who, when, what, why; never case content)."""

import streamlit as st

from facilitation.services import access
from ui import current, session
from ui.db import database
from ui.i18n import label, t

db = database()
record = current.meeting_or_stop(db)
st.title(t("page.access_log"))
st.caption(t("access_log.intro"))
events = access.case_log(db, session.viewer(), record.case.id)
if not events:
    st.info(t("access_report.empty"))
else:
    st.dataframe(
        [{t("access_log.when"): f"{e.at:%d.%m.%Y %H:%M} UTC", t("access_log.who"): e.who or t("access_report.operator"),
          t("access_log.what"): label("access_kind", e.kind), t("access_log.purpose"):
          label("purpose", e.purpose) if e.purpose else "–"} for e in events],
        hide_index=True, width="stretch",
    )
