"""Danger statements and safety goals, edited side by side: each safety goal answers one statement."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from facilitation import services
from facilitation.domain.model import BoardItem, BoardKind
from ui import paging, session
from ui.board_view import Board, add_form, card, chosen_id, column, item_choice
from ui.i18n import label, t
from ui.text import shorten


def danger_and_safety(board: Board) -> None:
    """Each danger statement beside the safety goals answering it; unpaired goals after; grey areas last."""
    dangers = board.record.board_column(BoardKind.DANGER_STATEMENT)
    goals = board.record.board_column(BoardKind.SAFETY_GOAL)
    left, right = st.columns(2, gap="medium")
    left.subheader(label("board", BoardKind.DANGER_STATEMENT))
    right.subheader(label("board", BoardKind.SAFETY_GOAL))
    for danger in paging.page_of(dangers, BoardKind.DANGER_STATEMENT.value):
        left, right = st.columns(2, gap="medium")
        with left:
            card(board, danger)
        with right:
            answers = [g for g in goals if g.answers_id == danger.id]
            for goal in answers:
                card(board, goal)
            if not answers:
                st.caption(t("board.no_safety_goal"))
    paging.pager(BoardKind.DANGER_STATEMENT.value, len(dangers))
    unpaired = [g for g in goals if g.answers_id not in {d.id for d in dangers}]
    if unpaired:
        st.markdown(f"**{t('board.unpaired')}**")
        for goal in paging.page_of(unpaired, "unpaired"):
            card(board, goal)
        paging.pager("unpaired", len(unpaired))
    left, right = st.columns(2, gap="medium")
    with left:
        add_form(board, BoardKind.DANGER_STATEMENT, len(dangers))
    with right:
        add_form(board, BoardKind.SAFETY_GOAL, len(goals), extra=lambda: _answers_input(
            session.fresh_key("board.new.answers", len(goals)), dangers, None))
    st.divider()
    column(board, BoardKind.GREY_AREA)


def answers_editor(board: Board, note: BoardItem) -> None:
    """In the note editor of a safety goal: the danger statement it answers (changed as soon as it is chosen)."""
    if note.kind != BoardKind.SAFETY_GOAL:
        return
    key = session.fresh_key(f"board.answers.{note.id}", note.answers_id)
    dangers = board.record.board_column(BoardKind.DANGER_STATEMENT)

    def pair() -> None:
        services.pair_safety_goal(board.db, board.actor, board.mid, note.id, chosen_id(key))
        session.set_board_editing(None)

    _answers_input(key, dangers, note.answers_id, on_change=pair)


def _answers_input(key: str, dangers: list[BoardItem], current: int | None,
                   on_change: Callable[[], object] | None = None) -> dict[str, str]:
    """Choose the danger statement a safety goal answers (or none); returns {'answers_id': key}."""
    item_choice(t("board.answers"), key, {d.id: shorten(d.text, 70) for d in dangers}, current, on_change)
    return {"answers_id": key}
