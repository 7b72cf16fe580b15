"""The 0–10 safety scale: the default question, and one meeting's answers as a round of scores."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from facilitation.domain.model import Meeting, MeetingKind
from facilitation.domain.words import LANGUAGES, text

DEFAULT_QUESTIONS: Mapping[str, str] = MappingProxyType(
    {language: text("scale.default_question", language) for language in LANGUAGES}
)
"""The default question in each language (a stored question equal to one of them means 'the default')."""
QUESTION_MAX = 1_000


def scale_question(meeting: Meeting, language: str = "da") -> str:
    """The meeting's own scaling question, or the default one in `language`."""
    return meeting.scale_question or text("scale.default_question", language)


@dataclass(frozen=True)
class ScoreRound:
    """One meeting's answers on the scale: meeting id, date, kind, and (name, score) per participant."""

    meeting_id: int
    date: date
    kind: MeetingKind
    scores: tuple[tuple[str, int], ...]

    @property
    def mean(self) -> float | None:
        """The average score of the round (None when nobody answered)."""
        return sum(score for _, score in self.scores) / len(self.scores) if self.scores else None
