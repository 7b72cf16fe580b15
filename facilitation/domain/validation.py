"""Cleaning and checking of what people type, before anything is stored.

Errors carry a message *code* and parameters; the UI turns the code into Danish or English.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time
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


PHONE_MAX = 50


def phone_number(value: object, field: str = "phone") -> str:
    """A phone number as people write it ('+45 12 34 56 78', '(+45) 1234-5678'); '' for none."""
    text = single_line(value, field, PHONE_MAX, required=False)
    if text and not re.fullmatch(r"\+?[\d ()\-./]+", text) or (text and sum(c.isdigit() for c in text) < 4):
        raise ValidationError("phone_invalid", field=field)
    return text


def choice(value: object, enum: type[E], field: str) -> E:
    """The enum member named by `value`, or a validation error."""
    if isinstance(value, str):  # no member of a StrEnum equals anything else
        try:
            return enum(value)
        except ValueError:
            pass
    raise ValidationError("invalid_choice", field=field, value=str(value)[:50])


def yes_or_no(value: object, field: str) -> bool:
    """A true/false answer; anything but a bool (or None for no) is refused."""
    if value is None:
        return False
    if isinstance(value, bool):
        return value
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


# Every date that enters (a meeting, a follow-up, an action's due date, a backup) lies within these years:
# a year 9999 or 0001 is a typing error, and the calendar file and the minute cannot represent all of them.
YEAR_MIN = 2000
YEAR_MAX = 2100
DATE_MIN = date(YEAR_MIN, 1, 1)
DATE_MAX = date(YEAR_MAX, 12, 31)
_DATE_AND_TIME = re.compile(r"(?P<day>\d{4}-\d{2}-\d{2})(?:[T ](?P<time>\d{1,2}:\d{2}(?::\d{2})?))?")


def a_date(value: object, field: str) -> date:
    """A real calendar date from 2000 to 2100 (date object or ISO text, a time of day ignored)."""
    return date_and_time(value, field)[0]


def date_and_time(value: object, field: str) -> tuple[date, time | None]:
    """A date (2000–2100) and the time of day given with it, if any ('2026-11-25T09:30' or '2026-11-25')."""
    if isinstance(value, datetime):
        day, clock = value.date(), value.time().replace(microsecond=0, tzinfo=None)
    elif isinstance(value, date):
        day, clock = value, None
    else:
        found = _DATE_AND_TIME.fullmatch(str(value).strip())
        if found is None:
            raise ValidationError("invalid_date", field=field)
        try:
            day = date.fromisoformat(found["day"])
        except ValueError:
            raise ValidationError("invalid_date", field=field) from None
        clock = a_time(found["time"], field) if found["time"] else None
    if not DATE_MIN <= day <= DATE_MAX:
        raise ValidationError("date_out_of_range", field=field, low=YEAR_MIN, high=YEAR_MAX)
    return day, clock


def a_timestamp(value: object, field: str) -> datetime:
    """A moment (datetime or ISO text, e.g. when an agenda item started) within the years 2000–2100."""
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value).strip())
        except ValueError:
            raise ValidationError("invalid_date", field=field) from None
    if not DATE_MIN <= moment.date() <= DATE_MAX:
        raise ValidationError("date_out_of_range", field=field, low=YEAR_MIN, high=YEAR_MAX)
    return moment


def a_time(value: object, field: str) -> time:
    """A time of day (time object or 'HH:MM' / 'HH:MM:SS' text), to the minute."""
    if isinstance(value, time):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    found = re.fullmatch(r"(\d{1,2}):(\d{2})(?::(\d{2}))?", str(value).strip())
    if found is None or int(found[1]) > 23 or int(found[2]) > 59 or int(found[3] or 0) > 59:
        raise ValidationError("invalid_time", field=field)
    return time(int(found[1]), int(found[2]))


def optional_time(value: object, field: str) -> time | None:
    """A time of day, or None for an empty value (no time agreed)."""
    return None if value in (None, "") else a_time(value, field)


def room_for_one_more(count: int, limit: int, code: str) -> None:
    """Refuse adding to a list that already holds `limit` entries (the message `code` names the limit)."""
    if count >= limit:
        raise ValidationError(code, limit=limit)
