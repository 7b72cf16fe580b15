"""The 0–10 safety scale: the default question, and one meeting's answers as a round of scores."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from facilitation.domain.model import Meeting, MeetingKind

DEFAULT_QUESTIONS: dict[str, str] = {
    "da": "Hvor er vi i dag på en skala fra 0 til 10?\n"
          "0 = barnet kan ikke blive boende hjemme, som tingene er nu.\n"
          "10 = alle er trygge ved, at barnet er sikkert nok til, at sagen kan lukkes.",
    "en": "Where are we today on a scale from 0 to 10?\n"
          "0 = the child cannot stay at home as things are.\n"
          "10 = everyone is confident the child is safe enough to close the case.",
}
QUESTION_MAX = 1_000


def scale_question(meeting: Meeting, language: str = "da") -> str:
    """The meeting's own scaling question, or the default one in `language`."""
    return meeting.scale_question or DEFAULT_QUESTIONS.get(language, DEFAULT_QUESTIONS["da"])


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
