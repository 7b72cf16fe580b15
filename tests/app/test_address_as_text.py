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
]
MARKDOWN_SPECIAL = r"[\\`*_{}\[\]()#+\-.!|<>~$:]"


def _echoed(message: str) -> str:
    """The part of the message that came from the address: between »…« (Danish) or “…” (English)."""
    found = re.search(r"»(.*)«|“(.*)”", message, re.S)
    assert found, message
    return found.group(1) if found.group(1) is not None else found.group(2)


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
    echoed = _echoed(messages[0])
    # every character Markdown could act on is escaped, so it shows as itself (unescaped, it is the address)
    assert re.search(r"(?<!\\)" + MARKDOWN_SPECIAL, re.sub(r"\\.", "", echoed)) is None, echoed
    assert re.sub(r"\\(.)", r"\1", echoed) == raw[:40]
    assert "](" not in echoed and "http://" not in echoed and "www." not in echoed
    assert not at.title and not at.main.get("imgs"), "nothing of the address becomes an element of its own"


def test_the_english_message_escapes_the_address_too(db: Database) -> None:
    at = signed_in(AppTest.from_file(str(Path(ROOT) / "app.py"), default_timeout=30), db)
    at.session_state[session.LANGUAGE] = "en"
    at.query_params["m"] = TRACKER
    at.run()
    assert not at.exception
    messages = [e.value for e in at.error if "does not exist" in e.value]
    assert len(messages) == 1, [e.value for e in at.error]
    assert re.sub(r"\\(.)", r"\1", _echoed(messages[0])) == TRACKER
    assert "![" not in messages[0] and "](" not in messages[0]
