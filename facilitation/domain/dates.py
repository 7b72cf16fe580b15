"""Dates as people read them: '25. november 2026' in Danish, '25 November 2026' in English."""

from __future__ import annotations

from datetime import date

_MONTHS = {
    "da": ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
           "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"],
}


def long_date(day: date, language: str = "da") -> str:
    """A date written out in full, e.g. '25. november 2026'."""
    month = _MONTHS.get(language, _MONTHS["da"])[day.month - 1]
    return f"{day.day}. {month} {day.year}" if language != "en" else f"{day.day} {month} {day.year}"
