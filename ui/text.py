"""Showing people's own words safely: as text, never as Markdown or HTML."""

from __future__ import annotations

import html
import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md(text: str) -> str:
    """Escape text for st.markdown so '# Mor' or '<b>' shows literally, newlines kept."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return escaped.replace("\n", "  \n")


def shorten(text: str, limit: int) -> str:
    """The text cut to at most `limit` characters, at a word boundary when one is near, ending in '…'."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit * 0.6:
        cut = cut[:space]
    return cut.rstrip(" ,.;:–-\n") + "…"


def h(text: str) -> str:
    """Escape text for HTML built by the app (newlines become line breaks)."""
    return html.escape(text, quote=True).replace("\n", "<br>")
