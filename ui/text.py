"""Showing people's own words safely: as text, never as Markdown or HTML."""

from __future__ import annotations

import html
import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")
# GitHub-flavoured Markdown turns "www.", "http://" and "a@b.dk" into links even when escaped; an invisible
# word joiner (U+2060) before "." / ":" / "@" there keeps them plain text that reads and copies the same.
_AUTOLINK_START = re.compile(r"(?i)(?<=www)(?=\\\.)|(?<=https)(?=\\:)|(?<=http)(?=\\:)|(?<=ftp)(?=\\:)|(?=@)")
WORD_JOINER = "\u2060"


def md(text: str) -> str:
    """Escape text for st.markdown so '# Mor' or '<b>' shows literally, newlines kept."""
    escaped = _AUTOLINK_START.sub(WORD_JOINER, _MARKDOWN_SPECIAL.sub(r"\\\1", text))
    return escaped.replace("\n", "  \n")


def code(text: str) -> str:
    """Text as a Markdown code span: shown exactly as given, never a link, picture, icon or colour.

    For text from the address: escaping alone (md) leaves 'http://…' and 'www.…' to become links.
    """
    flat = " ".join(text.splitlines())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", flat)), default=0) + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") or not flat.strip() else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


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
