"""Danger statements and safety goals, edited side by side: each safety goal answers one statement."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from facilitation import services
from facilitation.domain.model import BoardItem, BoardKind
from ui import session
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
    for index, danger in enumerate(dangers):
        left, right = st.columns(2, gap="medium")
        with left:
            card(board, danger, index, len(dangers))
        with right:
            answers = [g for g in goals if g.answers_id == danger.id]
            for goal in answers:
                _goal_card(board, goal, goals, dangers)
            if not answers:
                st.caption(t("board.no_safety_goal"))
    unpaired = [g for g in goals if g.answers_id not in {d.id for d in dangers}]
    if unpaired:
        st.markdown(f"**{t('board.unpaired')}**")
        for goal in unpaired:
            _goal_card(board, goal, goals, dangers)
    left, right = st.columns(2, gap="medium")
    with left:
        add_form(board, BoardKind.DANGER_STATEMENT, len(dangers))
    with right:
        add_form(board, BoardKind.SAFETY_GOAL, len(goals), extra=lambda: _answers_input(
            session.fresh_key("board.new.answers", len(goals)), dangers, None))
    st.divider()
    column(board, BoardKind.GREY_AREA)


def _goal_card(board: Board, goal: BoardItem, goals: list[BoardItem], dangers: list[BoardItem]) -> None:
    key = session.fresh_key(f"board.answers.{goal.id}", goal.answers_id)

    def pair() -> None:
        services.pair_safety_goal(board.db, board.actor, board.mid, goal.id, chosen_id(key))

    card(board, goal, goals.index(goal), len(goals), extra=lambda: _answers_input(
        key, dangers, goal.answers_id, on_change=pair))


def _answers_input(key: str, dangers: list[BoardItem], current: int | None,
                   on_change: Callable[[], object] | None = None) -> dict[str, str]:
    """Choose the danger statement a safety goal answers (or none); returns {'answers_id': key}."""
    item_choice(t("board.answers"), key, {d.id: shorten(d.text, 70) for d in dangers}, current, on_change)
    return {"answers_id": key}
