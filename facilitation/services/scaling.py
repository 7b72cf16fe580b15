"""Services for the 0–10 safety scale across a case: the question asked, and the scores over time."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from facilitation.domain import model as m
from facilitation.domain.scaling import DEFAULT_QUESTIONS, QUESTION_MAX, ScoreRound
from facilitation.domain.validation import NotFoundError, optional_text
from facilitation.services import _common as c
from facilitation.storage import Database
from facilitation.storage import tables as t


def set_scale_question(db: Database, actor: str, meeting_id: int, text: str) -> str:
    """Word this meeting's scaling question; empty text (or a default) means the default question."""
    question = optional_text(text, "scale_question", QUESTION_MAX)
    if question in DEFAULT_QUESTIONS.values():
        question = ""  # the default follows the reader's language
    with db.edit(meeting_id, actor) as session:
        row = session.get(t.MeetingRow, meeting_id)
        assert row is not None  # db.edit has just found it
        row.scale_question = question
    return question


def score_history(db: Database, case_id: int, *, until: date | None = None) -> list[ScoreRound]:
    """Each scored meeting of a case (up to `until`, inclusive), oldest first: names, scores, mean."""
    with db.read() as session:
        if session.get(t.CaseRow, case_id) is None:
            raise NotFoundError("case", case_id)
        query = (
            select(t.MeetingRow, t.ParticipantRow.name, t.ScoreRow.score)
            .join(t.ScoreRow, t.ScoreRow.meeting_id == t.MeetingRow.id)
            .join(t.ParticipantRow, t.ParticipantRow.id == t.ScoreRow.participant_id)
            .where(t.MeetingRow.case_id == case_id)
            .order_by(t.MeetingRow.date, t.MeetingRow.id, t.ParticipantRow.position, t.ParticipantRow.id)
        )
        if until is not None:
            query = query.where(t.MeetingRow.date <= until)
        rounds: dict[int, tuple[m.Meeting, list[tuple[str, int]]]] = {}
        for meeting, name, score in session.execute(query):
            rounds.setdefault(meeting.id, (c.meeting_of(meeting), []))[1].append((name, score))
    return [ScoreRound(mt.id, mt.date, mt.kind, tuple(scores)) for mt, scores in rounds.values()]
