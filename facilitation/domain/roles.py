"""Running the meeting live: what the projector can show, and what each device's role may do."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from enum import StrEnum

from facilitation.domain.access import MemberRole
from facilitation.domain.validation import ValidationError, choice


class Screen(StrEnum):
    """What the facilitator puts on the projector."""

    AGENDA = "agenda"
    BOARD = "board"  # the three columns
    SAFETY = "safety"  # danger statements with their safety goals
    SCALE = "scale"
    HOUSES = "houses"  # the child's Three Houses
    MAP = "map"
    NETWORK = "network"  # what the network can help with: the measures in plain sentences
    STORY = "story"  # the case over time: how far each goal has come, the room's scale per meeting
    DRAWING = "drawing"
    ACTIONS = "actions"


class Role(StrEnum):
    """A meeting role: held by a caseworker (stored per meeting) and played by a device in the room."""

    FACILITATOR = "facilitator"
    TIMEKEEPER = "timekeeper"
    MINUTE_TAKER = "minute_taker"
    CHAIR = "chair"


class Capability(StrEnum):
    CHOOSE_SCREEN = "choose_screen"
    CURTAIN = "curtain"
    RUN_TIMER = "run_timer"
    TAKE_MINUTES = "take_minutes"
    PREPARE = "prepare"  # edit the meeting, the people, the board and the agenda


_CAN: dict[Role, frozenset[Capability]] = {
    Role.FACILITATOR: frozenset(Capability),
    Role.TIMEKEEPER: frozenset({Capability.RUN_TIMER}),
    Role.MINUTE_TAKER: frozenset({Capability.TAKE_MINUTES, Capability.CURTAIN}),
    Role.CHAIR: frozenset({Capability.RUN_TIMER}),
}

_PAGES: dict[Role, tuple[str, ...]] = {
    Role.FACILITATOR: ("meeting", "network", "agenda", "board", "minutes", "drawing", "export", "case_story",
                       "projector", "access_log"),
    Role.TIMEKEEPER: ("agenda", "board", "network", "minutes", "projector"),
    Role.MINUTE_TAKER: ("minutes", "agenda", "board", "network", "export", "case_story", "projector", "access_log"),
    Role.CHAIR: ("agenda", "board", "network", "projector"),
}


IMPORTANCE: tuple[Role, ...] = (Role.FACILITATOR, Role.MINUTE_TAKER, Role.TIMEKEEPER, Role.CHAIR)
"""The roles from the most important down: the first role a device holds gives it its main page."""

PRIMARY_DEFAULT: frozenset[Role] = frozenset({Role.FACILITATOR})
MAKKER_DEFAULT: frozenset[Role] = frozenset({Role.TIMEKEEPER, Role.MINUTE_TAKER, Role.CHAIR})


def _known(roles: str | Collection[str]) -> list[Role]:
    """The known roles among `roles` (one role's name also counts), most important first."""
    given = {roles} if isinstance(roles, str) else set(roles)
    return [role for role in IMPORTANCE if role.value in given]


def can(roles: str | Collection[str], capability: Capability) -> bool:
    """Whether a device holding these roles may do this (the union of the roles; unknown roles may do nothing)."""
    return any(capability in _CAN[role] for role in _known(roles))


def pages_for(roles: str | Collection[str]) -> tuple[str, ...]:
    """The pages a device with these roles sees, the most important role's main page first (none: the projector)."""
    known = _known(roles)
    if not known:
        return ("projector",)
    return tuple(dict.fromkeys(page for role in known for page in _PAGES[role]))


def default_roles(member_role: str | None) -> frozenset[Role]:
    """A caseworker's roles before they choose: the case's primary caseworker leads, the makker keeps time,
    writes the minutes and chairs (background 001); anyone else leads."""
    return MAKKER_DEFAULT if member_role == MemberRole.MAKKER else PRIMARY_DEFAULT


def parse_roles(values: Iterable[object]) -> frozenset[Role]:
    """The roles named by `values` (a validation error for an unknown one or for none at all)."""
    roles = frozenset(choice(value, Role, "roles") for value in values)
    if not roles:
        raise ValidationError("no_role", field="roles")
    return roles


def ordered(roles: Collection[Role]) -> list[Role]:
    """The roles most important first (as the sidebar lists them)."""
    return [role for role in IMPORTANCE if role in roles]
