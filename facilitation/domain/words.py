"""The one vocabulary: every user-facing word, looked up by key in the reader's language.

The catalogs (catalog_da.py, catalog_en.py) hold the text; the app (ui/i18n.py) and the exports
(export/) both read them through this module, so a word is the same on the screen and on paper.
A missing key falls back to Danish, then to the key itself, so a gap shows rather than breaks.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from facilitation.domain.catalog_da import DA
from facilitation.domain.catalog_en import EN

LANGUAGES = ("da", "en")
"""The languages the catalogs hold; the first is the default."""
DEFAULT = LANGUAGES[0]

# Read-only views: Streamlit shares modules between sessions, so nothing here may be changed.
CATALOGS: Mapping[str, Mapping[str, str]] = MappingProxyType({"da": MappingProxyType(DA), "en": MappingProxyType(EN)})


def catalog(language: str) -> Mapping[str, str]:
    """The catalog of a language (Danish for an unknown one)."""
    return CATALOGS.get(language, CATALOGS[DEFAULT])


def text(key: str, language: str = DEFAULT, **params: object) -> str:
    """The text for `key` in `language`, with {params} filled in; Danish, then the key, if missing."""
    found = catalog(language).get(key) or CATALOGS[DEFAULT].get(key) or key
    return found.format(**params) if params else found


def label(prefix: str, value: object, language: str = DEFAULT) -> str:
    """The name of an enum value (or plain value) in `language`, e.g. label('sector', Sector.FAMILY, 'en')."""
    return text(f"{prefix}.{getattr(value, 'value', value)}", language)
