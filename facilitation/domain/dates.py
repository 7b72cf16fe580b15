"""Dates and times as people read them: '25. november 2026' and 'kl. 9.30' in Danish, '25 November 2026' in English."""

from __future__ import annotations

from datetime import date, time

from facilitation.domain.words import DEFAULT, text


def long_date(day: date, language: str = DEFAULT) -> str:
    """A date written out in full, e.g. '25. november 2026'."""
    month = text(f"month.{day.month}", language)
    return text("date.long", language, day=day.day, month=month, year=day.year)


def short_date(day: date, language: str = DEFAULT) -> str:
    """A date with the month shortened, e.g. '25. nov. 2026' (for table headers and chart labels)."""
    month = text(f"month_short.{day.month}", language)
    return text("date.short", language, day=day.day, month=month, year=day.year)


def clock(moment: time, language: str = DEFAULT) -> str:
    """A time of day as people write it: '9.30' in Danish, '9:30' in English."""
    return text("time.clock", language, hour=moment.hour, minute=moment.minute)


def time_span(start: time | None, end: time | None, language: str = DEFAULT) -> str:
    """'kl. 9.30–11.00', 'kl. 9.30' or '' (no time of day set)."""
    if start is None:
        return ""
    if end is None:
        return text("time.at", language, start=clock(start, language))
    return text("time.range", language, start=clock(start, language), end=clock(end, language))
