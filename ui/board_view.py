"""Board columns for the editing layout: cards with their edit controls, and the add form."""

from __future__ import annotations

import streamlit as st

from facilitation import services
from facilitation.model import BoardItem, BoardKind
from facilitation.storage import Database
from ui import forms, session
from ui.i18n import formatter, label, t
from ui.text import md


def column(db: Database, actor: str, meeting_id: int, kind: BoardKind, items: list[BoardItem]) -> None:
    """One board column: its items in order, each editable, then a field to add one."""
    st.subheader(label("board", kind))
    for index, item in enumerate(items):
        _card(db, actor, meeting_id, item, index, len(items))
    _add_form(db, actor, meeting_id, kind)


def _card(db: Database, actor: str, meeting_id: int, item: BoardItem, index: int, count: int) -> None:
    value = session.widget_value
    with st.container(border=True, key=f"board_card_{item.id}"):
        st.markdown(md(item.text))
        if item.said_by:
            st.caption(t("board.said_by", name=item.said_by))
        with st.popover(t("edit"), icon=":material/edit:"):
            keys = (session.fresh_key(f"board.text.{item.id}", item.text),
                    session.fresh_key(f"board.said_by.{item.id}", item.said_by),
                    session.fresh_key(f"board.kind.{item.id}", item.kind))
            form_key = f"board_edit_{item.id}"
            with st.form(form_key, border=False):
                st.text_area(t("field.text"), item.text, key=keys[0], height=120)
                st.text_input(t("field.said_by"), item.said_by, key=keys[1])
                forms.submit_button(form_key, t("save"), lambda: services.edit_board_item(
                    db, actor, meeting_id, item.id, text=value(keys[0]), said_by=value(keys[1])))
            forms.show_error(form_key)
            kinds = list(BoardKind)
            st.selectbox(t("board.move_to"), kinds, index=kinds.index(item.kind), key=keys[2],
                         format_func=formatter("board"), on_change=forms.on_submit,
                         args=(forms.PAGE, lambda: services.move_board_item(
                             db, actor, meeting_id, item.id, 10_000, str(value(keys[2])))))
            up, down, remove = st.columns(3)
            with up:
                forms.button(f"board.up.{item.id}", "↑", lambda: services.move_board_item(
                    db, actor, meeting_id, item.id, index - 1), disabled=index == 0, help=t("move_up"))
            with down:
                forms.button(f"board.down.{item.id}", "↓", lambda: services.move_board_item(
                    db, actor, meeting_id, item.id, index + 1), disabled=index == count - 1, help=t("move_down"))
            with remove:
                forms.button(f"board.remove.{item.id}", "", lambda: services.remove_board_item(
                    db, actor, meeting_id, item.id), icon=":material/delete:", help=t("remove"))


def _add_form(db: Database, actor: str, meeting_id: int, kind: BoardKind) -> None:
    form_key = f"board_new_{kind.value}"
    keys = (f"board.new.{kind.value}.text", f"board.new.{kind.value}.said_by")
    with st.form(form_key, border=False):
        st.text_area(t("board.new_item"), key=keys[0], height=80, placeholder=t(f"placeholder.{kind.value}"))
        st.text_input(t("field.said_by"), key=keys[1])
        forms.submit_button(form_key, t("add"), lambda: services.add_board_item(
            db, actor, meeting_id, kind, str(session.widget_value(keys[0], "")),
            said_by=str(session.widget_value(keys[1], ""))), clear=keys)
    forms.show_error(form_key)
