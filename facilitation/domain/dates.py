"""Dates as people read them: '25. november 2026' in Danish, '25 November 2026' in English."""

from __future__ import annotations

from datetime import date

from facilitation.domain.words import DEFAULT, text


def long_date(day: date, language: str = DEFAULT) -> str:
    """A date written out in full, e.g. '25. november 2026'."""
    month = text(f"month.{day.month}", language)
    return text("date.long", language, day=day.day, month=month, year=day.year)


def short_date(day: date, language: str = DEFAULT) -> str:
    """A date with the month shortened, e.g. '25. nov. 2026' (for table headers and chart labels)."""
    month = text(f"month_short.{day.month}", language)
    return text("date.short", language, day=day.day, month=month, year=day.year)
