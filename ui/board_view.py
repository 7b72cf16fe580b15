"""Board columns for the editing layout: a page of cards each with an edit button, one editor, and the add form."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Literal

import streamlit as st

from facilitation import services
from facilitation.domain.access import Actor
from facilitation.domain.board import speakers
from facilitation.domain.model import (
    CATEGORIES,
    HOUSE_KINDS,
    MAPPING_KINDS,
    BoardItem,
    BoardKind,
    MeetingRecord,
)
from facilitation.storage import Database
from ui import forms, paging, session
from ui.i18n import formatter, label, t
from ui.text import md

# Long words and pasted links wrap inside their card instead of widening the column.
CSS = ("<style>[class*='st-key-board_card_'],[class*='st-key-board_column_']{overflow-wrap:anywhere}"
       "img.mt-chart{width:100%;height:auto}img.mt-trend{max-width:520px}</style>")
COLUMNS = (BoardKind.WORRY, BoardKind.WORKING_WELL, BoardKind.NEXT_STEP)  # the first tab
BadgeColor = Literal["red", "orange", "yellow", "blue", "green", "violet", "gray", "grey", "primary"]
_BADGE: dict[str, BadgeColor] = {"past_harm": "orange", "future_danger": "red", "complicating": "gray",
                                 "strength": "green", "existing_safety": "blue"}


@dataclass(frozen=True)
class Board:
    """What every board widget needs: the database, who acts, and the meeting as just read."""

    db: Database
    actor: Actor
    record: MeetingRecord

    @property
    def mid(self) -> int:
        """The meeting's id."""
        return self.record.meeting.id

    def speakers(self) -> list[str]:
        """Names to pick for 'said by': people present, the child, the caseworkers in a role."""
        return speakers(self.record)


def mapping_columns(board: Board) -> None:
    """Worries, what works and next steps side by side."""
    for place, kind in zip(st.columns(3, gap="medium"), COLUMNS, strict=True):
        with place:
            column(board, kind)


def column(board: Board, kind: BoardKind, *, heading: bool = True) -> None:
    """One board column: a page of its notes in order, a pager when there are more, then a field to add one."""
    items = board.record.board_column(kind)
    with st.container(key=f"board_column_{kind.value}"):
        if heading:
            st.subheader(label("board", kind))
        for item in paging.page_of(items, kind.value):
            card(board, item)
        paging.pager(kind.value, len(items))
        add_form(board, kind, len(items))


def card(board: Board, item: BoardItem) -> None:
    """A note as a card with its category and speaker, and a button opening the editor on it."""
    with st.container(border=True, key=f"board_card_{item.id}"):
        st.markdown(card_markdown(item))
        # One button per card, one editor for the chosen note: a form per card made a big board's every run
        # copy thousands of widgets' state (bench/big_meeting_bench.py).
        st.button(t("edit"), key=f"board.edit.{item.id}", icon=":material/edit:", type="tertiary",
                  on_click=session.set_board_editing, args=(item.id,))


def card_markdown(item: BoardItem) -> str:
    """A card's category badge, text and speaker as one Markdown block (one element a card, not three: a big
    board drew 60 cards on every run). The person's words are escaped; the badge and the labels are the app's."""
    parts = []
    if item.category:
        parts.append(f":{_BADGE.get(item.category, 'gray')}-badge[{label('category', item.category)}]")
    parts.append(md(item.text))
    if item.said_by:
        parts.append(f":gray[:small[{t('board.said_by', name=md(' '.join(item.said_by.split())))}]]")
    return "\n\n".join(parts)


def editor(board: Board, extra: Callable[[Board, BoardItem], object] | None = None) -> None:
    """The editor of the note this device chose, in a dialog, while it is on the board (`extra` adds to it)."""
    item_id = session.board_editing()
    item = next((b for b in board.record.board if b.id == item_id), None) if item_id is not None else None
    if item is None:
        session.set_board_editing(None)
        return
    ids = [b.id for b in board.record.board_column(item.kind)]
    note = item

    @st.dialog(t("board.edit_note"), width="medium", on_dismiss=partial(session.set_board_editing, None))
    def dialog() -> None:
        _edit_form(board, note)
        if extra:
            extra(board, note)
        _move_controls(board, note, ids.index(note.id), len(ids))
        if session.board_editing() is None:  # saved, moved or removed: close, and show the board as it is now
            st.rerun()

    dialog()


def _closing(action: Callable[[], object]) -> Callable[[], None]:
    """`action`, then the editor closes (not when the action is refused: the editor shows why)."""

    def run() -> None:
        action()
        session.set_board_editing(None)

    return run


def said_by_input(board: Board, key: str, current: str = "") -> None:
    """Choose who said it from the people in the room, or type any name."""
    options = board.speakers()
    if current and current not in options:
        options.append(current)
    st.selectbox(t("field.said_by"), options, index=options.index(current) if current else None, key=key,
                 accept_new_options=True, placeholder=t("board.said_by_placeholder"))


def category_input(kind: BoardKind, key: str, current: str = "") -> None:
    """The categories a note of this column may carry (none chosen means no category)."""
    choices = list(CATEGORIES.get(kind, ()))
    if choices:
        st.segmented_control(t("field.category"), choices, default=current or None, key=key,
                             format_func=formatter("category"))


def _edit_form(board: Board, item: BoardItem) -> None:
    value = session.text_value
    keys = {name: session.fresh_key(f"board.{name}.{item.id}", getattr(item, name))
            for name in ("text", "said_by", "category")}
    form_key = f"board_edit_{item.id}"
    with st.form(form_key, border=False):
        st.text_area(t("field.text"), item.text, key=keys["text"], height=120)
        if item.kind not in HOUSE_KINDS:
            said_by_input(board, keys["said_by"], item.said_by)
        category_input(item.kind, keys["category"], item.category)

        def save() -> None:
            fields = {"text": value(keys["text"])}
            if item.kind not in HOUSE_KINDS:
                fields["said_by"] = value(keys["said_by"])
            if item.kind in CATEGORIES:
                fields["category"] = value(keys["category"])
            services.edit_board_item(board.db, board.actor, board.mid, item.id, **fields)

        forms.submit_button(form_key, t("save"), _closing(save))
    forms.show_error(form_key)


def _move_controls(board: Board, item: BoardItem, index: int, count: int) -> None:
    db, actor, mid = board.db, board.actor, board.mid
    kinds = list(HOUSE_KINDS if item.kind in HOUSE_KINDS else MAPPING_KINDS)
    move_key = session.fresh_key(f"board.kind.{item.id}", item.kind)
    st.selectbox(t("board.move_to"), kinds, index=kinds.index(item.kind), key=move_key,
                 format_func=formatter("board"), on_change=forms.on_field_change,
                 args=(forms.PAGE, move_key, item.kind, _closing(lambda: services.move_board_item(
                     db, actor, mid, item.id, 10_000, session.text_value(move_key)))))
    up, down, remove = st.columns(3)
    with up:
        forms.button(f"board.up.{item.id}", "↑", _closing(lambda: services.move_board_item(
            db, actor, mid, item.id, index - 1)), disabled=index == 0, help=t("move_up"))
    with down:
        forms.button(f"board.down.{item.id}", "↓", _closing(lambda: services.move_board_item(
            db, actor, mid, item.id, index + 1)), disabled=index == count - 1, help=t("move_down"))
    with remove:
        forms.button(f"board.remove.{item.id}", "", _closing(lambda: services.remove_board_item(
            db, actor, mid, item.id)), icon=":material/delete:", help=t("remove"))


def add_form(board: Board, kind: BoardKind, count: int, extra: Callable[[], dict[str, str]] | None = None) -> None:
    """The form adding a note at the end of a column; `extra` draws more inputs, returning service keyword → key."""
    value = session.text_value
    form_key = f"board_new_{kind.value}"
    text_key = f"board.new.{kind.value}.text"
    # These keys change once the note is added, so the choices start empty for the next note.
    said_key = session.fresh_key(f"board.new.{kind.value}.said_by", count)
    category_key = session.fresh_key(f"board.new.{kind.value}.category", count)
    with st.form(form_key, border=False):
        st.text_area(t("board.new_item"), key=text_key, height=80, placeholder=t(f"placeholder.{kind.value}"))
        if kind not in HOUSE_KINDS:
            said_by_input(board, said_key)
        category_input(kind, category_key)
        more = extra() if extra else {}

        def add() -> None:
            services.add_board_item(
                board.db, board.actor, board.mid, kind, value(text_key),
                said_by=value(said_key), category=value(category_key),
                **{name: chosen_id(key) for name, key in more.items()},
            )
            paging.show_last_page(kind.value, count + 1)  # the new note is at the end: show it

        forms.submit_button(form_key, t("add"), add, clear=(text_key,))
    forms.show_error(form_key)


def houses_section(board: Board) -> None:
    """The child's Three Houses, and the facilitator's choice to show them on the board."""
    # A button whose click carries the value it sets: a toggle on two laptops wrote its older value back.
    shown = board.record.meeting.show_three_houses
    st.button(t("board.houses.hide" if shown else "board.houses.show"), key="board.show_houses",
              icon=":material/visibility_off:" if shown else ":material/visibility:", on_click=forms.on_submit,
              args=(forms.PAGE, partial(services.set_show_three_houses, board.db, board.actor, board.mid, not shown)))
    st.caption(t("board.houses.help"))
    for place, kind in zip(st.columns(3, gap="medium"), HOUSE_KINDS, strict=True):
        with place:
            column(board, kind)


NO_ITEM = 0  # the "— none —" choice of item_choice (a real id is never 0; None does not survive AppTest)


def item_choice(label_text: str, key: str, texts: dict[int, str], current: int | None,
                on_change: Callable[[], object] | None = None) -> None:
    """Choose one of `texts` (id → short text) or none; read the choice back with chosen_id().

    `on_change` is a service call run (like a form's) as soon as the choice changes.
    """
    options = [NO_ITEM, *texts]
    shown = {**texts, NO_ITEM: t("board.none")}  # fixed now: format_func also runs outside the script run
    drawn = current if current in options else NO_ITEM
    st.selectbox(label_text, options, index=options.index(drawn), key=key,
                 format_func=lambda i: shown.get(i, "?"),
                 on_change=None if on_change is None else forms.on_field_change,
                 args=None if on_change is None else (forms.PAGE, key, drawn, on_change))


def chosen_id(key: str) -> int | None:
    """The id picked in an item_choice, or None for none."""
    value = session.optional_int_value(key)
    return None if value == NO_ITEM else value
