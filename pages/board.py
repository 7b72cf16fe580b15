"""Tavlen: the Signs of Safety board — edited by the caseworkers, or presented to the room."""

import streamlit as st

from ui import board_present, board_view, live_sync, session
from ui.board_goals import goals_section
from ui.board_pairs import answers_editor, danger_and_safety
from ui.board_scale import scale_section
from ui.current import actor, meeting_or_stop
from ui.db import database
from ui.i18n import formatter, t

db = database()
record = meeting_or_stop(db, follow_other_devices=True)
board = board_view.Board(db, actor(record), record)
history = live_sync.score_history(db, record)

heading, switch = st.columns([3, 2], vertical_alignment="center")
heading.title(t("page.board"))
layout = switch.segmented_control(
    t("board.layout"), ["edit", "present"], default="edit", required=True, key=session.lang_key("board.layout"),
    format_func=formatter("board.layout"), label_visibility="collapsed",
)

if layout == "present":
    parts = board_present.available_parts(record)
    part = st.pills(
        t("board.part"), parts, default="columns", required=True, key=session.fresh_key("board.part", *parts),
        format_func=formatter("board.part"), label_visibility="collapsed",
    )
    st.html(board_present.PAGE_CSS)
    st.html(board_present.render_board_presentation(record, history, language=session.language(), part=str(part)))
else:
    st.html(board_view.CSS)
    # Only the open tab runs (on_change="rerun"): a big board's five tabs at once made every run slow.
    tabs = st.tabs([t(f"board.part.{p}") for p in board_present.PARTS], key=session.lang_key("board.tab"),
                   on_change="rerun")
    sections = {
        "columns": lambda: board_view.mapping_columns(board),
        "safety": lambda: danger_and_safety(board),
        "scale": lambda: scale_section(board, history),
        "houses": lambda: board_view.houses_section(board),
        "goals": lambda: goals_section(board),
    }
    for tab, part in zip(tabs, board_present.PARTS, strict=True):
        if tab.open is not False:
            with tab:
                sections[part]()
    board_view.editor(board, answers_editor)

