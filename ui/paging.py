"""Long lists on the pages, shown N at a time with a pager: a big meeting never draws thousands of widgets."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import streamlit as st

from ui import session
from ui.i18n import t

T = TypeVar("T")
PAGE_SIZE = 20


def page_count(total: int, size: int = PAGE_SIZE) -> int:
    """How many pages `total` entries fill (at least one, so an empty list has a page)."""
    return max(1, -(-total // size))


def shown_page(key: str, total: int, size: int = PAGE_SIZE) -> int:
    """The page (from 0) this device shows of the list `key`, within the list as it is now."""
    return min(session.list_page(key), page_count(total, size) - 1)


def page_of(items: Sequence[T], key: str, size: int = PAGE_SIZE) -> Sequence[T]:
    """The entries of `items` on the page this device shows."""
    start = shown_page(key, len(items), size) * size
    return items[start:start + size]


def show_last_page(key: str, total: int, size: int = PAGE_SIZE) -> None:
    """Turn the list `key` of `total` entries to its last page (where an entry just added is)."""
    session.set_list_page(key, page_count(total, size) - 1)


def pager(key: str, total: int, size: int = PAGE_SIZE) -> None:
    """'21–40 af 334' with previous and next buttons, when the list is longer than a page."""
    if total <= size:
        return
    page = shown_page(key, total, size)
    back, where, forward = st.columns([1, 2, 1], vertical_alignment="center")
    back.button("", key=f"pager.{key}.previous", icon=":material/chevron_left:", help=t("paging.previous"),
                disabled=page == 0, on_click=session.set_list_page, args=(key, page - 1), width="stretch")
    where.caption(t("paging.shown", first=page * size + 1, last=min(total, (page + 1) * size), total=total))
    forward.button("", key=f"pager.{key}.next", icon=":material/chevron_right:", help=t("paging.next"),
                   disabled=page == page_count(total, size) - 1, on_click=session.set_list_page, args=(key, page + 1),
                   width="stretch")
