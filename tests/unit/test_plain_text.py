"""ui.text: text from the address as one code span; people's words never become links."""

from __future__ import annotations

import re

import pytest

from ui.text import WORD_JOINER, code, md


@pytest.mark.parametrize("text", ["42", "![x](http://tracker.example/t.png)", "a`b", "`start", "end``",
                                  "``![x](http://t.example/a.png)``", "two\nlines", "www.phish.example"])
def test_any_text_becomes_exactly_one_code_span_that_shows_it(text: str) -> None:
    span = code(text)
    fence = re.match(r"`+", span)
    assert fence is not None and span.endswith(fence.group())
    inner = span[len(fence.group()):-len(fence.group())]
    assert fence.group() not in inner, "no backtick run inside can end the span early"
    shown = inner[1:-1] if inner.startswith(" ") and inner.endswith(" ") else inner
    assert shown == " ".join(text.splitlines()), "a code span is one line; the text is otherwise as given"


# GitHub-flavoured Markdown's "autolink literals" (what st.markdown follows): a link is made from these
# patterns in the text even when every character is backslash-escaped, as a browser check showed.
_GFM_AUTOLINK = re.compile(r"(?i)www\.|(?:https?|ftp)://|[a-z0-9._+-]@[a-z0-9-]")


@pytest.mark.parametrize("text", ["se http://evil.example/x", "www.evil.example", "skriv til mor@example.dk",
                                  "HTTPS://X.DK/track.png", "mailto:x@y.dk", "ftp://a.example"])
def test_an_address_or_e_mail_in_someones_words_never_becomes_a_link(text: str) -> None:
    shown = md(text).replace("\\", "")
    assert not _GFM_AUTOLINK.search(shown)
    assert shown.replace(WORD_JOINER, "") == text, "only an invisible word joiner is added"
