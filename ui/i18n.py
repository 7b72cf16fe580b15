"""UI text: `t(key, **params)` in the session's language, read from the one vocabulary (facilitation.domain.words)."""

from __future__ import annotations

from collections.abc import Callable

from facilitation.domain import words
from facilitation.domain.words import CATALOGS
from ui import session

__all__ = ["CATALOGS", "formatter", "label", "t"]


def t(key: str, **params: object) -> str:
    """The text for `key` in the current language, with {params} filled in."""
    return words.text(key, session.language(), **params)


def formatter(prefix: str) -> Callable[[object], str]:
    """A format_func for choice widgets, fixed to the current language when it is made.

    Widgets call it later (also outside the script run), so it must not look up the session then.
    """
    language = session.language()

    def format_value(value: object) -> str:
        return words.label(prefix, value, language)

    return format_value


def label(prefix: str, value: object) -> str:
    """The translated name of an enum value, e.g. label('sector', 'family')."""
    return words.label(prefix, value, session.language())
