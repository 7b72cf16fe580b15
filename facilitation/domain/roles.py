"""Running the meeting live: what the projector can show, and what each device's role may do."""

from __future__ import annotations

from enum import StrEnum


class Screen(StrEnum):
    """What the facilitator puts on the projector."""

    AGENDA = "agenda"
    BOARD = "board"  # the three columns
    SAFETY = "safety"  # danger statements with their safety goals
    SCALE = "scale"
    HOUSES = "houses"  # the child's Three Houses
    MAP = "map"
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
    Role.FACILITATOR: ("meeting", "network", "agenda", "board", "minutes", "drawing", "export", "projector",
                       "access_log"),
    Role.TIMEKEEPER: ("agenda", "board", "network", "minutes", "projector"),
    Role.MINUTE_TAKER: ("minutes", "agenda", "board", "network", "export", "projector", "access_log"),
    Role.CHAIR: ("agenda", "board", "network", "projector"),
}


def can(role: str, capability: Capability) -> bool:
    """Whether a device in this role may do this (an unknown role may do nothing)."""
    try:
        return capability in _CAN[Role(role)]
    except ValueError:
        return False


def pages_for(role: str) -> tuple[str, ...]:
    """The pages a device in this role sees, first page first (an unknown role: the projector only)."""
    try:
        return _PAGES[Role(role)]
    except ValueError:
        return ("projector",)
