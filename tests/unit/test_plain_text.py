"""ui.text.code: text from the address as one Markdown code span, whatever backticks or lines it holds."""

from __future__ import annotations

import re

import pytest

from ui.text import code


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
