"""Rules for a case's and a meeting's own fields, shared by the services and the backup."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from facilitation.domain import model as m
from facilitation.domain.scaling import QUESTION_MAX
from facilitation.domain.validation import (
    MINUTES_MAX,
    NOTES_MAX,
    SHORT_MAX,
    ValidationError,
    a_date,
    choice,
    date_and_time,
    optional_text,
    optional_time,
    single_line,
    whole_number,
)


def case_values(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Checked family name, child names and case type (those given)."""
    values: dict[str, Any] = {}
    if "family_name" in fields:
        values["family_name"] = single_line(fields["family_name"], "family_name")
    if "child_names" in fields:
        values["child_names"] = single_line(fields["child_names"], "child_names")
    if "case_type" in fields:
        values["case_type"] = choice(fields["case_type"], m.CaseType, "case_type").value
    return values


def meeting_values(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Checked kind, date and times, place, purpose, status, scale question, Three Houses flag and follow-up.

    A date given with a time of day ('2026-11-25T09:30') sets the start time too, unless one is given.
    """
    values: dict[str, Any] = {}
    if "kind" in fields:
        values["kind"] = choice(fields["kind"], m.MeetingKind, "kind").value
    if "date" in fields:
        values["date"], clock = date_and_time(fields["date"], "date")
        if clock is not None and fields.get("start_time") in (None, ""):
            values["start_time"] = clock
    for name in ("start_time", "end_time", "follow_up_start", "follow_up_end"):
        if name in fields and name not in values:
            values[name] = optional_time(fields[name], name)
    _check_order(values, "start_time", "end_time")
    _check_order(values, "follow_up_start", "follow_up_end")
    if "follow_up_place" in fields:
        values["follow_up_place"] = single_line(fields["follow_up_place"], "follow_up_place", SHORT_MAX,
                                                required=False)
    if "place" in fields:
        values["place"] = single_line(fields["place"], "place", SHORT_MAX, required=False)
    if "purpose" in fields:
        values["purpose"] = optional_text(fields["purpose"], "purpose", NOTES_MAX)
    if "status" in fields:
        values["status"] = choice(fields["status"], m.MeetingStatus, "status").value
    if "scale_question" in fields:
        values["scale_question"] = optional_text(fields["scale_question"], "scale_question", QUESTION_MAX)
    if "show_three_houses" in fields:
        values["show_three_houses"] = flag(fields["show_three_houses"], "show_three_houses")
    if "follow_up_date" in fields:
        day = fields["follow_up_date"]
        values["follow_up_date"] = None if day in (None, "") else a_date(day, "follow_up_date")
    return values


def _check_order(values: Mapping[str, Any], start: str, end: str) -> None:
    """An end time given with a start time comes after it."""
    if values.get(start) is not None and values.get(end) is not None and values[end] <= values[start]:
        raise ValidationError("end_before_start", field=end)


def agenda_item_values(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Checked title, planned minutes and notes of an agenda item (those given)."""
    values: dict[str, Any] = {}
    if "title" in fields:
        values["title"] = single_line(fields["title"], "title", SHORT_MAX)
    if "planned_minutes" in fields:
        values["planned_minutes"] = whole_number(fields["planned_minutes"], "planned_minutes", 1, MINUTES_MAX)
    if "notes" in fields:
        values["notes"] = optional_text(fields["notes"], "notes", NOTES_MAX)
    return values


def flag(value: object, field: str) -> bool:
    """A true/false setting; anything else is refused."""
    if not isinstance(value, bool):
        raise ValidationError("invalid_choice", field=field, value=str(value)[:50])
    return value
