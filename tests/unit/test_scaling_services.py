"""The 0–10 safety scale across a case: the question asked at each meeting, and the scores over time."""

from __future__ import annotations

from datetime import date

import pytest

from facilitation import services as s
from facilitation.domain.model import MeetingKind
from facilitation.domain.scaling import DEFAULT_QUESTIONS, ScoreRound, scale_question
from facilitation.domain.validation import NotFoundError
from facilitation.storage import Database
from tests.conftest import ACTOR
from tests.unit.helpers import not_found, refused


def scored_meeting(db: Database, case_id: int, day: str, scores: dict[str, int], kind: str = "follow_up") -> int:
    """A meeting of the case on `day` where each named person gave a number."""
    mid = s.create_meeting(db, ACTOR, case_id, kind, day, with_default_agenda=False)
    for name, score in scores.items():
        person = s.add_participant(db, ACTOR, mid, name)
        s.record_score(db, ACTOR, mid, person, score, "fordi")
    return mid


@pytest.fixture
def case_id(db: Database) -> int:
    """A case with no meetings yet."""
    return s.create_case(db, ACTOR, "Familien Juhl", "Alma", "assessment")


def test_a_meeting_asks_the_default_question_in_the_reader_s_language_until_it_is_reworded(
    db: Database, meeting_id: int
) -> None:
    meeting = s.get_meeting(db, meeting_id, viewer=ACTOR)
    assert meeting.scale_question == ""
    assert scale_question(meeting, "da") == DEFAULT_QUESTIONS["da"]
    assert scale_question(meeting, "en") == DEFAULT_QUESTIONS["en"]
    assert "0 = barnet kan ikke blive boende hjemme" in DEFAULT_QUESTIONS["da"]
    assert "10 = everyone is confident the child is safe enough to close the case" in DEFAULT_QUESTIONS["en"]


def test_rewording_the_question_is_stored_for_this_meeting_only_and_bumps_the_version(
    db: Database, meeting_id: int, other_meeting_id: int
) -> None:
    before = db.version(meeting_id)
    stored = s.set_scale_question(db, ACTOR, meeting_id, "  Hvor tryg er du på Almas aftener?\r\n0 = slet ikke ")
    assert stored == "Hvor tryg er du på Almas aftener?\n0 = slet ikke"
    assert db.version(meeting_id) == before + 1
    assert scale_question(s.get_meeting(db, meeting_id, viewer=ACTOR), "en") == stored
    assert s.get_meeting(db, other_meeting_id, viewer=ACTOR).scale_question == ""


@pytest.mark.parametrize("text", ["", "   ", DEFAULT_QUESTIONS["da"], DEFAULT_QUESTIONS["en"]])
def test_an_empty_or_default_question_means_the_default_again(db: Database, meeting_id: int, text: str) -> None:
    s.set_scale_question(db, ACTOR, meeting_id, "Eget spørgsmål")
    assert s.set_scale_question(db, ACTOR, meeting_id, text) == ""
    assert scale_question(s.get_meeting(db, meeting_id, viewer=ACTOR), "da") == DEFAULT_QUESTIONS["da"]


def test_a_question_too_long_is_refused(db: Database, meeting_id: int) -> None:
    with refused(db, "too_long", meeting_id, field="scale_question"):
        s.set_scale_question(db, ACTOR, meeting_id, "?" * 1_001)


def test_the_question_of_an_unknown_meeting_is_not_found(db: Database, meeting_id: int) -> None:
    with not_found(db, meeting_id):
        s.set_scale_question(db, ACTOR, 99_999, "Spørgsmål")


def test_the_score_history_lists_each_scored_meeting_oldest_first_with_names_scores_and_mean(
    db: Database, case_id: int
) -> None:
    later = scored_meeting(db, case_id, "2026-04-13", {"Sanne": 6, "Kasper": 5, "Birthe": 7})
    earlier = scored_meeting(db, case_id, "2026-03-02", {"Sanne": 3, "Kasper": 2}, kind="start")
    s.create_meeting(db, ACTOR, case_id, "follow_up", "2026-03-20", with_default_agenda=False)  # nobody scored
    history = s.score_history(db, case_id, viewer=ACTOR)
    assert history == [
        ScoreRound(earlier, date(2026, 3, 2), MeetingKind.START, (("Sanne", 3), ("Kasper", 2))),
        ScoreRound(later, date(2026, 4, 13), MeetingKind.FOLLOW_UP, (("Sanne", 6), ("Kasper", 5), ("Birthe", 7))),
    ]
    assert [r.mean for r in history] == [2.5, 6.0]


def test_the_score_history_keeps_to_its_case_and_stops_at_the_given_date(db: Database, case_id: int) -> None:
    first = scored_meeting(db, case_id, "2026-03-02", {"Sanne": 3})
    scored_meeting(db, case_id, "2026-05-01", {"Sanne": 8})
    other_case = s.create_case(db, ACTOR, "Familien Østergaard", "Freja", "compensation")
    scored_meeting(db, other_case, "2026-03-01", {"Mor": 1})
    assert [r.meeting_id for r in s.score_history(db, case_id, until=date(2026, 3, 2), viewer=ACTOR)] == [first]
    assert [r.scores for r in s.score_history(db, other_case, viewer=ACTOR)] == [(("Mor", 1),)]


def test_a_replaced_score_counts_once_and_a_removed_person_drops_out_of_the_history(
    db: Database, case_id: int
) -> None:
    mid = scored_meeting(db, case_id, "2026-03-02", {"Sanne": 3, "Kasper": 4})
    sanne, kasper = s.load_meeting(db, mid, viewer=ACTOR).participants
    s.record_score(db, ACTOR, mid, sanne.id, "5", "bedre")
    s.remove_participant(db, ACTOR, mid, kasper.id)
    (only,) = s.score_history(db, case_id, viewer=ACTOR)
    assert (only.scores, only.mean) == ((("Sanne", 5),), 5.0)


def test_a_case_without_scores_has_an_empty_history_and_an_unknown_case_is_not_found(
    db: Database, case_id: int
) -> None:
    assert s.score_history(db, case_id, viewer=ACTOR) == []
    with pytest.raises(NotFoundError):
        s.score_history(db, 99_999, viewer=ACTOR)


def test_a_round_without_answers_has_no_mean() -> None:
    assert ScoreRound(1, date(2026, 3, 2), MeetingKind.START, ()).mean is None
