"""What people might type or paste, and what a form or a file might send: the inputs the property tests draw from."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import strategies as st

from facilitation.domain import model as m
from facilitation.domain.roles import Role

AWKWARD = (  # pasted from web pages, chat apps and other programs
    "Æble, øl og å ÆØÅ", "Zoë Ångström-Ødegård", "🙂👨‍👩‍👧‍👦🏳️‍🌈", "e\u0301 (combining accent)",
    "\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\x9f", "\ufeff\ufffe\uffff", "\ud800 lone surrogate \udfff",
    "line\r\nbreaks\rand\nmore", "\t tabs \t", "   ",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "</script><script>alert(2)</script>",
    '<a href="javascript:alert(3)">link</a>', "\" ' ` & &amp; &lt;", "{{7*7}} ${x} %s {0}",
    "**fed** _kursiv_ [link](http://evil.invalid) ![x](http://evil.invalid/track.png)",
    "# Overskrift\n- punkt\n> citat",
    "$x^$ \\frac{1}{0}", "=HYPERLINK(\"http://evil.invalid\")", "+45 12 34 56 78", "010203-1234",
    "\u202ereversed\u202c", "\u200b\u200d\u2060", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𝕏", "中文 العربية עברית",
)
LONG = ("x" * 10_000, "ø" * 10_001, ("Æøå 🙂 " * 2_000)[:10_000], "ord " * 25_001, "\n" * 10_000)

texts = st.one_of(
    st.text(max_size=40),
    st.sampled_from(AWKWARD),
    st.lists(st.sampled_from(AWKWARD) | st.text(max_size=10), max_size=6).map(" ".join),
    st.sampled_from(LONG),
)
"""Any text, from nothing to 100,000 characters: letters, æøå, emoji, control characters, HTML/JS, Markdown."""

numbers = st.one_of(
    st.integers(min_value=-20, max_value=700), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.integers(min_value=-20, max_value=700).map(str), st.sampled_from(["", " 7 ", "7.0", "7,5", "1e3", "٣", "0x10"]),
    st.booleans(), st.none(), st.text(max_size=8),
)
"""Whatever a number field might receive: ints of any size, floats, digits as text, words, None."""

dates = st.one_of(
    st.dates(), st.dates().map(date.isoformat), st.none(),
    st.sampled_from(["", "2026-02-30", "2026-13-01", "9999-12-31", "0001-01-01", " 2026-03-02 ", "2.3.2026",
                     "2026-03-02T09:30", "i morgen"]),
    st.text(max_size=12),
)
"""Whatever a date field might receive: real dates (year 1 to 9999), ISO text, impossible dates, words."""

sensible_dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))
"""Dates the app may be asked to export (the 2000-2100 limit is being added to every service, issue 13)."""


def mostly(usual: st.SearchStrategy[Any], anything: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Four times in five what a form usually sends, else anything: so most examples get stored, and every
    kind of refusal is still tried."""
    return st.integers(min_value=0, max_value=4).flatmap(lambda roll: anything if roll == 0 else usual)


typed = mostly(st.one_of(st.text(min_size=1, max_size=40), st.sampled_from(AWKWARD)), texts)
"""Text as typed into a field: mostly a line or a paste, sometimes anything at all (10,000 characters, nothing)."""


def number_in(low: int, high: int) -> st.SearchStrategy[Any]:
    """A number field: mostly a number in range (sometimes as text), sometimes anything."""
    return mostly(st.one_of(st.integers(low, high), st.integers(low, high).map(str)), numbers)


def choices(enum: type[object], *extra: object) -> st.SearchStrategy[Any]:
    """A valid value of an enum most of the time, sometimes something else."""
    values = [member.value for member in enum]  # type: ignore[attr-defined]
    return mostly(st.sampled_from(values), st.one_of(st.sampled_from(list(extra) or [""]), texts))


def day_in(usual: st.SearchStrategy[date] | None = None) -> st.SearchStrategy[Any]:
    """A date field: mostly a date (or its ISO text), sometimes anything."""
    days = st.dates() if usual is None else usual
    return mostly(st.one_of(days, days.map(date.isoformat)), dates)


kinds = choices(m.BoardKind, "WORRY", "worry ")
categories = mostly(st.just(""), choices(m.Category))  # a category must suit the note's column
roles = choices(Role, "Facilitator")
