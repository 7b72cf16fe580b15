"""Short- and long-term goals on the board: each with its owner, and the safety goal it answers."""

from __future__ import annotations

import streamlit as st

from facilitation import services
from facilitation.domain.model import PROGRESS_MAX, PROGRESS_MIN, BoardKind, Goal, GoalStatus, GoalTerm
from ui import forms, session
from ui.board_view import Board, chosen_id, item_choice
from ui.i18n import formatter, label, t
from ui.plan_for import plan_choices, plan_for_of, whom
from ui.text import md, shorten


def goals_section(board: Board) -> None:
    """The goals per term, each linkable to a safety goal, then the form for a new goal."""
    safety = {g.id: shorten(g.text, 70) for g in board.record.board_column(BoardKind.SAFETY_GOAL)}
    for place, term in zip(st.columns(2, gap="medium"), GoalTerm, strict=True):
        with place:
            st.subheader(label("term", term))
            goals = [g for g in board.record.goals if g.term == term]
            for goal in goals:
                _goal(board, goal, safety)
            if not goals:
                st.caption(t("board.empty"))
    _new_goal(board, safety)


def owners(board: Board) -> list[str]:
    """Who can own a goal: the family, the caseworker, or a named person of the meeting."""
    names = [t("coordinator.family"), t("coordinator.caseworker"), *(p.name for p in board.record.participants)]
    return list(dict.fromkeys(names))


def _goal(board: Board, goal: Goal, safety: dict[int, str]) -> None:
    with st.container(border=True, key=f"board_card_goal_{goal.id}"):
        st.markdown(md(goal.text))
        if for_whom := whom(goal.plan_for, goal.plan_for_name):
            st.caption(t("board.goal.for", name=md(for_whom)))
        if goal.owner:
            st.caption(t("board.goal.owner", owner=md(goal.owner)))
        key = session.fresh_key(f"board.goal_link.{goal.id}", goal.safety_goal_id)

        def link() -> None:
            services.link_goal_to_safety_goal(board.db, board.actor, board.mid, goal.id, chosen_id(key))

        item_choice(t("field.safety_goal"), key, safety, goal.safety_goal_id, on_change=link)
        follow_up(board, goal)


def follow_up(board: Board, goal: Goal) -> None:
    """"How far are we?" (0–10) and the goal's status, each saved when chosen (the keys follow the stored values)."""
    progress_key = session.fresh_key(f"board.goal_progress.{goal.id}", goal.progress)
    status_key = session.fresh_key(f"board.goal_status.{goal.id}", goal.status, session.language())

    def save_progress() -> None:
        services.follow_goal(board.db, board.actor, board.mid, goal.id,
                             progress=session.optional_int_value(progress_key), status=goal.status)

    def save_status() -> None:
        services.follow_goal(board.db, board.actor, board.mid, goal.id, progress=goal.progress,
                             status=session.text_value(status_key, goal.status))

    st.segmented_control(t("field.progress"), list(range(PROGRESS_MIN, PROGRESS_MAX + 1)), default=goal.progress,
                         key=progress_key, help=t("help.progress"), width="stretch",
                         on_change=forms.on_field_change, args=(forms.PAGE, progress_key, goal.progress, save_progress))
    st.segmented_control(t("field.goal_status"), list(GoalStatus), default=goal.status, key=status_key,
                         format_func=formatter("goal_status"), required=True,
                         on_change=forms.on_field_change, args=(forms.PAGE, status_key, goal.status, save_status))


def _new_goal(board: Board, safety: dict[int, str]) -> None:
    value = session.text_value
    count = len(board.record.goals)
    keys = {
        "term": session.lang_key("board.goal.term"), "text": "board.goal.text",
        "owner": session.fresh_key("board.goal.owner", count), "safety": session.fresh_key("board.goal.safety", count),
        "for": session.fresh_key("board.goal.for", count),
    }
    choices = plan_choices(board.record)
    with st.form("board_goal_new"):
        st.markdown(f"**{t('board.goal.new')}**")
        st.segmented_control(t("field.term"), list(GoalTerm), default=GoalTerm.SHORT, key=keys["term"],
                             format_func=formatter("term"))
        st.text_area(t("field.goal"), key=keys["text"], height=80)
        st.selectbox(t("field.plan_for"), list(choices), key=keys["for"], format_func=choices.__getitem__,
                     help=t("help.plan_for"), placeholder=t("choose"))
        owner, link = st.columns(2)
        with owner:
            st.selectbox(t("field.owner"), owners(board), index=None, key=keys["owner"], accept_new_options=True,
                         placeholder=t("board.goal.owner_placeholder"))
        with link:
            item_choice(t("field.safety_goal"), keys["safety"], safety, None)

        def add() -> None:
            plan_for, plan_for_name = plan_for_of(value(keys["for"]))
            services.add_goal(board.db, board.actor, board.mid, value(keys["term"]) or GoalTerm.SHORT,
                              value(keys["text"]), value(keys["owner"]), safety_goal_id=chosen_id(keys["safety"]),
                              plan_for=plan_for, plan_for_name=plan_for_name)

        forms.submit_button("board_goal_new", t("add"), add, clear=(keys["text"],))
    forms.show_error("board_goal_new")
