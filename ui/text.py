"""Showing people's own words safely: as text, never as Markdown or HTML."""

from __future__ import annotations

import html
import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md(text: str) -> str:
    """Escape text for st.markdown so '# Mor' or '<b>' shows literally, newlines kept."""
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return escaped.replace("\n", "  \n")


def h(text: str) -> str:
    """Escape text for HTML built by the app (newlines become line breaks)."""
    return html.escape(text, quote=True).replace("\n", "<br>")
