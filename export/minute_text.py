"""The words of the Word minute ('Referat og aftaler') in the reader's language, read from the catalogs.

The minute is the family's document: plain language, written to them. Its words live in
facilitation/domain/catalog_*.py beside the app's, so a word reads the same on screen and on paper.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from facilitation.domain import words
from facilitation.domain.dates import long_date, short_date

NOT_REACHED = "—"  # an agenda item that was never started: a dash, in every language
SAID_BY = "— {name}"
EXTRA = "+{n}"


@dataclass(frozen=True)
class Words:
    """The minute's words in one `language` ('da' or 'en'): catalog texts, enum labels, dates, numbers."""

    language: str = words.DEFAULT

    def __call__(self, key: str, **params: object) -> str:
        """The catalog text for `key`, with {params} filled in."""
        return words.text(key, self.language, **params)

    def label(self, prefix: str, value: object) -> str:
        """The name of an enum value, e.g. label('kind', MeetingKind.START)."""
        return words.label(prefix, value, self.language)

    def long_date(self, day: date) -> str:
        """A date written out, e.g. '25. november 2026'."""
        return long_date(day, self.language)

    def short_date(self, day: date) -> str:
        """A date with the month shortened, e.g. '25. nov. 2026'."""
        return short_date(day, self.language)

    def decimal(self, value: float) -> str:
        """A number with one decimal, e.g. '4,5' in Danish."""
        return f"{value:.1f}".replace(".", self("decimal_mark"))

    def minutes(self, count: int) -> str:
        """A number of minutes, e.g. '10 min.'."""
        return self("agenda.minutes", minutes=count)
