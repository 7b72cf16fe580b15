"""UI text: one catalog per language; `t(key, **params)` picks the session's language."""

from __future__ import annotations

from ui import session
from ui.catalog_da import DA
from ui.catalog_en import EN

CATALOGS: dict[str, dict[str, str]] = {"da": DA, "en": EN}


def t(key: str, **params: object) -> str:
    """The text for `key` in the current language, with {params} filled in."""
    catalog = CATALOGS[session.language()]
    text = catalog.get(key) or DA.get(key) or key
    return text.format(**params) if params else text


def label(prefix: str, value: object) -> str:
    """The translated name of an enum value, e.g. label('sector', 'family')."""
    return t(f"{prefix}.{getattr(value, 'value', value)}")
