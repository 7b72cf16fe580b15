"""What a person in the network can do for the family: kinds of support and their direction (after easyNWK).

Each person may give, receive or both, of several kinds. A person known to the family but not active now is
"could be asked": the map shows who might help, which is the point when parents say they have no network.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from facilitation.domain.validation import ValidationError, choice


class SupportKind(StrEnum):
    """The fixed list of kinds of support (catalog 'support_kind.<value>')."""

    EMOTIONAL = "emotional"
    PRACTICAL = "practical"
    INFORMATION = "information"
    COMPANY = "company"
    LINKING = "linking"


class Direction(StrEnum):
    """Whether the person gives the support to the family, receives it from them, or both."""

    GIVES = "gives"
    RECEIVES = "receives"
    BOTH = "both"


@dataclass(frozen=True)
class Support:
    """One kind of support a person gives, receives or both."""

    kind: SupportKind
    direction: Direction = Direction.GIVES

    @property
    def given(self) -> bool:
        """Whether the person gives this support (gives or both)."""
        return self.direction in (Direction.GIVES, Direction.BOTH)


def supports(values: Iterable[object]) -> tuple[Support, ...]:
    """Checked supports from (kind, direction) pairs or "kind:direction" strings; one per kind, in the list's order.

    A kind given twice keeps both directions as BOTH when they differ; an unknown kind or direction is
    refused with a ValidationError naming the field.
    """
    found: dict[SupportKind, Direction] = {}
    for value in values:
        if isinstance(value, Support):
            kind, direction = value.kind, value.direction
        else:
            raw_kind, raw_direction = _pair(value)
            kind = choice(raw_kind, SupportKind, "support_kind")
            direction = choice(raw_direction, Direction, "support_direction")
        earlier = found.get(kind)
        found[kind] = direction if earlier in (None, direction) else Direction.BOTH
    return tuple(Support(kind, found[kind]) for kind in SupportKind if kind in found)


def _pair(value: object) -> tuple[object, object]:
    if isinstance(value, str):
        kind, _, direction = value.partition(":")
        return kind, direction or Direction.GIVES.value
    if isinstance(value, tuple | list) and len(value) == 2:
        return value[0], value[1]
    raise ValidationError("invalid_choice", field="support_kind", value=str(value)[:50])


def stored(values: Iterable[Support]) -> str:
    """Supports as one stored text, "kind:direction" joined by commas (the inverse of `supports`)."""
    return ",".join(f"{s.kind.value}:{s.direction.value}" for s in values)


def from_stored(value: str) -> tuple[Support, ...]:
    """The supports of a stored text ('' for none)."""
    return supports(part for part in value.split(",") if part)


def given_kinds(values: Iterable[Support]) -> tuple[SupportKind, ...]:
    """The kinds of support a person gives (gives or both)."""
    return tuple(s.kind for s in values if s.given)


def received_kinds(values: Iterable[Support]) -> tuple[SupportKind, ...]:
    """The kinds of support a person receives (receives or both)."""
    return tuple(s.kind for s in values if s.direction in (Direction.RECEIVES, Direction.BOTH))
