"""UI text: one catalog per language; `t(key, **params)` picks the session's language."""

from __future__ import annotations

from collections.abc import Callable

from ui import session
from ui.catalog_da import DA
from ui.catalog_en import EN

CATALOGS: dict[str, dict[str, str]] = {"da": DA, "en": EN}


def t(key: str, **params: object) -> str:
    """The text for `key` in the current language, with {params} filled in."""
    catalog = CATALOGS[session.language()]
    text = catalog.get(key) or DA.get(key) or key
    return text.format(**params) if params else text


def formatter(prefix: str) -> Callable[[object], str]:
    """A format_func for choice widgets, fixed to the current language when it is made.

    Widgets call it later (also outside the script run), so it must not look up the session then.
    """
    catalog = CATALOGS[session.language()]

    def format_value(value: object) -> str:
        key = f"{prefix}.{getattr(value, 'value', value)}"
        return catalog.get(key) or DA.get(key) or key

    return format_value


def label(prefix: str, value: object) -> str:
    """The translated name of an enum value, e.g. label('sector', 'family')."""
    return t(f"{prefix}.{getattr(value, 'value', value)}")
