"""Tavlen: the Signs of Safety board — worries, what works, next steps, and the safety scale."""

import streamlit as st

from facilitation import services
from facilitation.model import BoardKind
from ui import board_view, forms, session
from ui.current import actor, meeting_or_stop
from ui.db import database
from ui.i18n import t
from ui.text import md

db = database()
record = meeting_or_stop(db)
mid, me = record.meeting.id, actor(record)

st.title(t("page.board"))
main = st.columns(3, gap="medium")
for place, kind in zip(main, (BoardKind.WORRY, BoardKind.WORKING_WELL, BoardKind.NEXT_STEP), strict=True):
    with place:
        board_view.column(db, me, mid, kind, record.board_column(kind))

st.divider()
more = st.columns(3, gap="medium")
for place, kind in zip(more, (BoardKind.DANGER_STATEMENT, BoardKind.SAFETY_GOAL, BoardKind.GREY_AREA), strict=True):
    with place:
        board_view.column(db, me, mid, kind, record.board_column(kind))

st.divider()
st.subheader(t("board.scale"))
st.caption(t("board.scale_question"))
names = {p.id: p.name for p in record.participants}
for score in record.scores:
    st.markdown(f"**{score.score}** · {md(names.get(score.participant_id, '?'))} — {md(score.reason)}")
keys = ("score.person", "score.value", "score.reason")
with st.form("score_new", border=False):
    who, number, why = st.columns([3, 2, 5])
    who.selectbox(t("field.participant"), list(names), key=keys[0], format_func=lambda i: names[i])
    number.text_input(t("field.score"), key=keys[1], placeholder="0–10")
    why.text_input(t("field.reason"), key=keys[2])
    forms.submit_button("score_new", t("board.record_score"), lambda: services.record_score(
        db, me, mid, session.widget_value(keys[0]), str(session.widget_value(keys[1], "")),  # type: ignore[arg-type]
        str(session.widget_value(keys[2], ""))), clear=keys[1:])
forms.show_error("score_new")
