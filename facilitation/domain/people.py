"""Rules for the people around the child and the ties between them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from facilitation.domain import model as m
from facilitation.domain.support import stored, supports
from facilitation.domain.validation import (
    SHORT_MAX,
    TEXT_MAX,
    ValidationError,
    choice,
    optional_text,
    single_line,
    whole_number,
    yes_or_no,
)
from facilitation.domain.words import LANGUAGES, text

PERSON_FIELDS = (
    "name", "relation", "sector", "ring", "group", "attendance", "can_help_with", "standard_relation", "supports",
    "could_be_asked",
)

STANDARD_RELATIONS = (
    "mother", "father", "step_parent", "maternal_grandmother", "maternal_grandfather", "paternal_grandmother",
    "paternal_grandfather", "sibling", "maternal_aunt", "paternal_aunt", "uncle", "cousin", "other_family",
    "foster_parent", "neighbour", "friend", "class_teacher", "teacher", "pedagogue", "health_visitor", "ppr",
    "caseworker", "doctor", "psychologist", "contact_person", "other_professional",
)
"""The standard words for a person's relation to the child (catalog 'standard_relation.<word>').

The anonymised minute and map show only this word, never the free-text relation (which may name a town).
"""

_CHECKS: dict[str, Callable[[object], object]] = {
    "name": lambda v: single_line(v, "name"),
    "relation": lambda v: single_line(v, "relation", SHORT_MAX, required=False),
    "sector": lambda v: choice(v, m.Sector, "sector").value,
    "ring": lambda v: whole_number(v, "ring", m.RING_CHILD, m.RING_FURTHEST),
    "group": lambda v: choice(v, m.Group, "group").value,
    "attendance": lambda v: choice(v, m.Attendance, "attendance").value,
    "can_help_with": lambda v: optional_text(v, "can_help_with", TEXT_MAX),
    "standard_relation": lambda v: standard_relation(v),
    "supports": lambda v: stored(supports(_listed(v))),  # stored as "kind:direction,…"
    "could_be_asked": lambda v: yes_or_no(v, "could_be_asked"),
}


def _listed(value: object) -> list[object]:
    """Supports as given: a list of pairs/Support/"kind:direction", or one stored text."""
    if isinstance(value, str):
        return [part for part in value.split(",") if part]
    if isinstance(value, list | tuple):
        return list(value)
    raise ValidationError("invalid_choice", field="support_kind", value=str(value)[:50])


def standard_relation(value: object) -> str:
    """A word of STANDARD_RELATIONS, or '' for none chosen; anything else is refused."""
    if value in (None, ""):
        return ""
    if isinstance(value, str) and value in STANDARD_RELATIONS:
        return value
    raise ValidationError("invalid_choice", field="standard_relation", value=str(value)[:50])


def relation_word(person: m.Participant) -> str:
    """The person's standard relation word: the one chosen, else one the free text names exactly ('Mor').

    '' when neither: a free text such as 'mor, bor i Vejle' is never turned into a word by guessing.
    """
    if person.standard_relation in STANDARD_RELATIONS:
        return person.standard_relation
    typed = " ".join(person.relation.split()).casefold()
    if not typed:
        return ""
    for language in LANGUAGES:
        for word in STANDARD_RELATIONS:
            if text(f"standard_relation.{word}", language).casefold() == typed:
                return word
    return ""


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
