"""Services for the 0–10 safety scale across a case: the question asked, and the scores over time."""

from __future__ import annotations

from datetime import date

from facilitation.domain.access import Actor
from facilitation.domain.meetings import meeting_values
from facilitation.domain.scaling import DEFAULT_QUESTIONS, ScoreRound
from facilitation.storage import Database
from facilitation.storage import cases as store
from facilitation.storage.meeting_edit import edit


def set_scale_question(db: Database, actor: Actor, meeting_id: int, text: str) -> str:
    """Word this meeting's scaling question; empty text (or a default) means the default question."""
    question = str(meeting_values({"scale_question": text})["scale_question"])
    if question in DEFAULT_QUESTIONS.values():
        question = ""  # the default follows the reader's language
    with edit(db, meeting_id, actor) as e:
        e.set_meeting(scale_question=question)
    return question


def score_history(db: Database, case_id: int, *, viewer: Actor, until: date | None = None) -> list[ScoreRound]:
    """Each scored meeting of a case (up to `until`, inclusive), oldest first: names, scores, mean."""
    rounds = store.scored_rounds(db, case_id, viewer, until)
    return [ScoreRound(mt.id, mt.date, mt.kind, scores) for mt, scores in rounds]
