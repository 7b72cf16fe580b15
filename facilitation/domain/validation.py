"""Cleaning and checking of what people type, before anything is stored.

Errors carry a message *code* and parameters; the UI turns the code into Danish or English.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from enum import StrEnum
from typing import TypeVar

NAME_MAX = 200
SHORT_MAX = 500
TEXT_MAX = 10_000
NOTES_MAX = 100_000
MINUTES_MAX = 600
# The most a meeting holds: more people than a room can seat or notes than a board can show would make
# every page and the minute slow to no one's use (bench/big_meeting_bench.py measures 300 and 1,000).
PEOPLE_MAX = 500
BOARD_ITEMS_MAX = 2_000

# C0 controls except tab and newline, DEL, C1 controls, and non-characters python-docx
# (XML 1.0) cannot store. Carriage returns are normalised to newlines first.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")

E = TypeVar("E", bound=StrEnum)


class ValidationError(ValueError):
    """Input that cannot be stored; `code` names the catalog message, `params` fill it in."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


class NotFoundError(LookupError):
    """The case, meeting or item does not exist (or no longer exists)."""

    def __init__(self, what: str, ident: object) -> None:
        super().__init__(f"{what} {ident} not found")
        self.what = what
        self.ident = ident


def clean_text(value: object) -> str:
    """Normalise to NFC, turn CR/CRLF into newlines, drop control characters, trim ends."""
    text = "" if value is None else str(value)
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    # Normalise after removing controls: a control between a letter and its accent blocks composition.
    return unicodedata.normalize("NFC", text).strip()


def had_control_characters(value: str) -> bool:
    """Whether cleaning would remove invisible control characters (for a UI hint)."""
    return bool(_CONTROL.search(value.replace("\r", "")))


def required_text(value: object, field: str, limit: int) -> str:
    """Cleaned text that must not be empty and must fit within `limit` characters."""
    text = optional_text(value, field, limit)
    if not text:
        raise ValidationError("empty", field=field)
    return text


def optional_text(value: object, field: str, limit: int) -> str:
    """Cleaned text (may be empty) that must fit within `limit` characters."""
    text = clean_text(value)
    if len(text) > limit:
        raise ValidationError("too_long", field=field, limit=limit, length=len(text))
    return text


def single_line(value: object, field: str, limit: int = NAME_MAX, *, required: bool = True) -> str:
    """Like required_text/optional_text, with inner whitespace and newlines collapsed."""
    text = " ".join(clean_text(value).split())
    if required and not text:
        raise ValidationError("empty", field=field)
    if len(text) > limit:
        raise ValidationError("too_long", field=field, limit=limit, length=len(text))
    return text


def choice(value: object, enum: type[E], field: str) -> E:
    """The enum member named by `value`, or a validation error."""
    if isinstance(value, str):  # no member of a StrEnum equals anything else
        try:
            return enum(value)
        except ValueError:
            pass
    raise ValidationError("invalid_choice", field=field, value=str(value)[:50])


def whole_number(value: object, field: str, low: int, high: int) -> int:
    """An integer within [low, high]; strings such as '7' are accepted, '7.5' or 'x' are not."""
    if isinstance(value, bool):
        raise ValidationError("not_a_number", field=field)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        stripped = value.strip()
        if not re.fullmatch(r"[+-]?\d{1,6}", stripped):
            raise ValidationError("not_a_number", field=field)
        value = int(stripped)
    if not isinstance(value, int):
        raise ValidationError("not_a_number", field=field)
    if not low <= value <= high:
        raise ValidationError("out_of_range", field=field, low=low, high=high)
    return value


def a_date(value: object, field: str) -> date:
    """A real calendar date (date object or ISO text); impossible dates are refused."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValidationError("invalid_date", field=field) from None


def room_for_one_more(count: int, limit: int, code: str) -> None:
    """Refuse adding to a list that already holds `limit` entries (the message `code` names the limit)."""
    if count >= limit:
        raise ValidationError(code, limit=limit)
