"""The safety scale in the editing layout: the question, everyone's number and reason, chart and trend."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import cast

import streamlit as st

from facilitation import services
from facilitation.domain.scaling import ScoreRound, scale_question
from ui import forms, paging, session
from ui.board_view import Board
from ui.i18n import t
from ui.scale_chart import as_image, decimal, scores_alt, scores_svg, trend_svg
from ui.text import md

SCORE_KEYS = ("score.person", "score.value", "score.reason")


def scale_section(board: Board, history: Sequence[ScoreRound]) -> None:
    """Word the question, record numbers, and see them as a chart beside the earlier meetings."""
    left, right = st.columns([2, 3], gap="large")
    with left:
        _question_form(board)
        _score_form(board)
        _score_list(board)
    with right:
        chart_and_trend(board, history)


def score_rows(board: Board) -> list[tuple[str, int, str]]:
    """(name, score, reason) for each number given at this meeting, as the chart shows them."""
    names = {p.id: p.name for p in board.record.participants}
    return [(names.get(s.participant_id, "?"), s.score, s.reason) for s in board.record.scores]


def chart_and_trend(board: Board, history: Sequence[ScoreRound]) -> None:
    """The numbers of today as bars, and the average of each meeting of the case as a line."""
    rows = score_rows(board)
    if not rows:
        st.info(t("board.scale.none"), icon=":material/bar_chart:")
        return
    language = session.language()
    mean = decimal(sum(score for _, score, _ in rows) / len(rows), language)
    title = t("board.scale.chart", count=len(rows), mean=mean)
    chart = scores_svg(rows, language=language, mean_label=t("board.scale.mean"), title=title)
    st.html(as_image(chart, scores_alt(rows, t("board.scale.mean"), language), "mt-chart mt-scores"))
    st.markdown(f"**{t('board.scale.trend')}**")
    if len(history) > 1:
        trend = trend_svg(history, board.mid, language=language, title=t("board.scale.trend"))
        st.html(as_image(trend, t("board.scale.trend"), "mt-chart mt-trend"))
    else:
        st.caption(t("board.scale.first"))


def _question_form(board: Board) -> None:
    meeting = board.record.meeting
    key = session.fresh_key("board.scale_question", meeting.scale_question)
    with st.form("scale_question", border=False):
        st.text_area(t("board.scale.question"), scale_question(meeting, session.language()), key=key, height=130)
        forms.submit_button("scale_question", t("save"), lambda: services.set_scale_question(
            board.db, board.actor, board.mid, session.text_value(key)))
    forms.show_error("scale_question")
    if meeting.scale_question:
        forms.button("scale_question.default", t("board.scale.default"), lambda: services.set_scale_question(
            board.db, board.actor, board.mid, ""), icon=":material/restart_alt:")


def _score_form(board: Board) -> None:
    names = {p.id: p.name for p in board.record.participants}
    value = session.text_value
    with st.form("score_new", border=False):
        who, number = st.columns([3, 2])
        who.selectbox(t("field.participant"), list(names), key=SCORE_KEYS[0], format_func=lambda i: names[i])
        number.text_input(t("field.score"), key=SCORE_KEYS[1], placeholder="0–10")
        st.text_input(t("field.reason"), key=SCORE_KEYS[2])
        forms.submit_button("score_new", t("board.record_score"), lambda: services.record_score(
            # None when nobody is on the map yet: record_score refuses it with a message (its type says int)
            board.db, board.actor, board.mid, cast(int, session.optional_int_value(SCORE_KEYS[0])),
            value(SCORE_KEYS[1]), value(SCORE_KEYS[2])), clear=SCORE_KEYS[1:])
    forms.show_error("score_new")


def _score_list(board: Board) -> None:
    names = {p.id: p.name for p in board.record.participants}
    for score in paging.page_of(board.record.scores, "scores"):
        text, remove = st.columns([9, 1], vertical_alignment="center")
        reason = f" — {md(score.reason)}" if score.reason else ""
        text.markdown(f"**{score.score}** · {md(names.get(score.participant_id, '?'))}{reason}")
        with remove:
            forms.button(f"score.remove.{score.id}", "", partial(services.remove_score,
                board.db, board.actor, board.mid, score.id), icon=":material/delete:", help=t("remove"))
    paging.pager("scores", len(board.record.scores))
