"""Sensible default agendas per meeting kind (titles from the catalog, in the meeting's language)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from facilitation.domain.model import MeetingKind
from facilitation.domain.words import DEFAULT, text

PLANS: Mapping[MeetingKind, tuple[tuple[str, int], ...]] = MappingProxyType({
    MeetingKind.START: (
        ("welcome_introductions", 10), ("purpose_frame", 5), ("map_who", 15), ("working_well", 15),
        ("worries", 15), ("scaling", 10), ("next_steps", 15), ("wrap_up", 5),
    ),
    MeetingKind.FOLLOW_UP: (
        ("welcome", 5), ("review", 15), ("improved", 15), ("still_worried", 15), ("scaling", 10),
        ("new_actions", 15), ("wrap_up", 5),
    ),
    MeetingKind.NETWORK: (
        ("welcome_network", 10), ("houses", 10), ("map_help", 20), ("worries_and_strengths", 20),
        ("network_plan", 20), ("wrap_up", 5),
    ),
    MeetingKind.HANDOVER: (
        ("welcome", 5), ("case_so_far", 10), ("continuing", 15), ("who_takes_over", 15), ("wrap_up", 5),
    ),
})
"""Per kind: (item, planned minutes); each item's title is the catalog key 'agenda_template.<item>'."""


def default_agenda(kind: MeetingKind, language: str = DEFAULT) -> list[tuple[str, int]]:
    """(title, planned minutes) pairs for a new meeting of this kind."""
    return [(text(f"agenda_template.{item}", language), minutes) for item, minutes in PLANS[kind]]
