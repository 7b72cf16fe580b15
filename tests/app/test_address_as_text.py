"""Whatever the address holds is shown as plain text: no picture, link or styling from ?m= ever renders."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from facilitation.storage import Database
from tests.app.conftest import ROOT, signed_in
from ui import session

TRACKER = "![x](http://tracker.example/track.png)"
ADDRESSES = [
    TRACKER,
    "[Klik her](http://phish.example/)",
    "**Ring til 12345678**",
    ":red[Mødet er aflyst] :material/warning:",
    "<img src=x onerror=alert(1)>",
    "www.phish.example",
    "# Overskrift",
    "``![x](http://tracker.example/a.png)``",
]


def _echoed(message: str) -> str:
    """The part of the message that came from the address: between »…« (Danish) or “…” (English)."""
    found = re.search(r"»(.*)«|“(.*)”", message, re.S)
    assert found, message
    return found.group(1) if found.group(1) is not None else found.group(2)


def _code_span(markdown: str) -> str:
    """The text of `markdown` if it is exactly one code span (never Markdown, a link or a picture), else fails."""
    found = re.fullmatch(r"(`+)(.*?)\1", markdown, re.S)
    assert found, f"not one code span: {markdown!r}"
    fence, inner = found.groups()
    assert fence not in inner, "the span does not end early"
    return inner[1:-1] if inner.startswith(" ") and inner.endswith(" ") and inner.strip() else inner


@pytest.mark.parametrize("raw", ADDRESSES)
def test_a_meeting_address_with_markdown_is_echoed_as_plain_text_in_the_not_found_message(
    db: Database, raw: str,
) -> None:
    at = signed_in(AppTest.from_file(str(Path(ROOT) / "app.py"), default_timeout=30), db)
    at.query_params["m"] = raw
    at.run()
    assert not at.exception
    messages = [e.value for e in at.error if "findes ikke" in e.value]
    assert len(messages) == 1, [e.value for e in at.error]
    assert _code_span(_echoed(messages[0])) == raw[:40], "shown exactly as given, as text"
    assert messages[0].count(raw[:40]) == 1, "and nowhere else in the message"
    assert not at.title and not at.main.get("imgs"), "nothing of the address becomes an element of its own"


def test_the_english_message_escapes_the_address_too(db: Database) -> None:
    at = signed_in(AppTest.from_file(str(Path(ROOT) / "app.py"), default_timeout=30), db)
    at.session_state[session.LANGUAGE] = "en"
    at.query_params["m"] = TRACKER
    at.run()
    assert not at.exception
    messages = [e.value for e in at.error if "does not exist" in e.value]
    assert len(messages) == 1, [e.value for e in at.error]
    assert _code_span(_echoed(messages[0])) == TRACKER
