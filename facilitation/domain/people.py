"""Rules for the people around the child and the ties between them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from facilitation.domain import model as m
from facilitation.domain.validation import (
    SHORT_MAX,
    TEXT_MAX,
    ValidationError,
    choice,
    optional_text,
    single_line,
    whole_number,
)

PERSON_FIELDS = ("name", "relation", "sector", "ring", "group", "attendance", "can_help_with")

_CHECKS: dict[str, Callable[[object], object]] = {
    "name": lambda v: single_line(v, "name"),
    "relation": lambda v: single_line(v, "relation", SHORT_MAX, required=False),
    "sector": lambda v: choice(v, m.Sector, "sector").value,
    "ring": lambda v: whole_number(v, "ring", m.RING_CLOSEST, m.RING_FURTHEST),
    "group": lambda v: choice(v, m.Group, "group").value,
    "attendance": lambda v: choice(v, m.Attendance, "attendance").value,
    "can_help_with": lambda v: optional_text(v, "can_help_with", TEXT_MAX),
}


def person_values(fields: Mapping[str, Any]) -> dict[str, Any]:
    """Checked and cleaned values for a participant (unknown fields are a programming error)."""
    unknown = set(fields) - set(_CHECKS)
    if unknown:
        raise TypeError(f"unknown participant fields: {sorted(unknown)}")
    return {name: _CHECKS[name](value) for name, value in fields.items()}


def relation_values(from_id: int, to_id: int, kind: object, strained: object) -> dict[str, Any]:
    """Checked values of a tie between two people (never a person to themself)."""
    if from_id == to_id:
        raise ValidationError("relation_to_self", field="relation")
    return {
        "from_id": from_id, "to_id": to_id,
        "kind": single_line(kind, "relation_kind", SHORT_MAX, required=False), "strained": bool(strained),
    }


def name_key(name: str) -> str:
    """A name as it is matched between meetings: case and spacing ignored."""
    return " ".join(name.split()).casefold()
