"""What the Word minute of a meeting is made from, gathered by facilitation.services.export_data."""

from __future__ import annotations

from dataclasses import dataclass

from facilitation.domain.model import MeetingRecord
from facilitation.domain.scaling import ScoreRound

Drawing = tuple[str, bytes]
"""A drawing for the minute: its title and its PNG bytes."""


@dataclass(frozen=True)
class MinuteData:
    """A meeting's minute material.

    record: everything recorded for the meeting; history: the case's scored meetings up to this
    meeting's date, oldest first; drawings: the meeting's drawings with something on them, in order
    (empty when gathered for the anonymised minute, which leaves drawings out).
    """

    record: MeetingRecord
    history: tuple[ScoreRound, ...] = ()
    drawings: tuple[Drawing, ...] = ()
