"""Follow-up services: the agreed date, contacts per role, and a follow-up meeting carrying the case forward."""

from __future__ import annotations

from datetime import date

import pytest

from facilitation import services as s
from facilitation.domain.goal_progress import goal_trails
from facilitation.domain.model import ActionStatus
from facilitation.domain.roles import Role
from facilitation.services.follow_up import REVIEW_TITLES, copy_goals_forward, copy_open_actions_forward
from facilitation.storage import Database
from facilitation.storage.backup import dumps_meeting, loads_meeting
from tests.conftest import ACTOR
from tests.unit.helpers import not_found, refused


def test_the_follow_up_date_is_stored_and_can_go_back_to_the_cadence(db: Database, meeting_id: int) -> None:
    version = s.get_meeting(db, meeting_id, viewer=ACTOR).version
    assert s.set_follow_up_date(db, ACTOR, meeting_id, "2026-04-10") == date(2026, 4, 10)
    meeting = s.get_meeting(db, meeting_id, viewer=ACTOR)
    assert (meeting.follow_up_date, meeting.version) == (date(2026, 4, 10), version + 1)
    s.set_follow_up_date(db, ACTOR, meeting_id, None)
    assert s.get_meeting(db, meeting_id, viewer=ACTOR).follow_up_date is None


def test_an_impossible_follow_up_date_is_refused(db: Database, meeting_id: int) -> None:
    with refused(db, "invalid_date", meeting_id, field="follow_up_date"):
        s.set_follow_up_date(db, ACTOR, meeting_id, "2027-02-30")


def test_a_follow_up_date_for_a_missing_meeting_is_not_found(db: Database, meeting_id: int) -> None:
    with not_found(db, meeting_id):
        s.set_follow_up_date(db, ACTOR, 999, date(2026, 4, 10))


def test_a_contact_is_stored_per_role_and_read_with_the_meeting(db: Database, meeting_id: int) -> None:
    s.set_role(db, ACTOR, meeting_id, "facilitator", "Line Bech")
    s.set_role_contact(db, ACTOR, meeting_id, "facilitator", "  Tlf. 72 36 12 34\x07 · line@kommune.dk ")
    record = s.load_meeting(db, meeting_id, viewer=ACTOR)
    assert record.contacts == {Role.FACILITATOR: "Tlf. 72 36 12 34 · line@kommune.dk"}
    s.set_role_contact(db, ACTOR, meeting_id, "facilitator", "")
    assert s.load_meeting(db, meeting_id, viewer=ACTOR).contacts == {}


def test_a_contact_for_a_role_nobody_holds_is_refused(db: Database, meeting_id: int) -> None:
    with refused(db, "role_not_held", meeting_id, field="role"):
        s.set_role_contact(db, ACTOR, meeting_id, "chair", "12 34 56 78")


def test_a_contact_longer_than_500_characters_is_refused(db: Database, meeting_id: int) -> None:
    s.set_role(db, ACTOR, meeting_id, "chair", "Line Bech")
    with refused(db, "too_long", meeting_id, field="contact"):
        s.set_role_contact(db, ACTOR, meeting_id, "chair", "x" * 501)


def _first_meeting(db: Database) -> tuple[int, int]:
    """A case's start meeting with goals, actions in every status and scores."""
    case_id = s.create_case(db, ACTOR, "Familien Hansen", "Emil", "assessment")
    mid = s.plan_meeting(db, ACTOR, case_id, "start", date(2026, 3, 2))
    mother = s.add_participant(db, ACTOR, mid, "Sanne Hansen", relation="Mor")
    s.record_score(db, ACTOR, mid, mother, 4, "Det er svært")
    short = s.add_goal(db, ACTOR, mid, "short", "Emil har en voksen hos sig hver aften", "Familien")
    s.add_goal(db, ACTOR, mid, "long", "Sagen kan lukkes", "Rådgiver")
    s.add_action(db, ACTOR, mid, "Lave en ugeplan", "Sanne", date(2026, 3, 9), "family", short)
    done = s.add_action(db, ACTOR, mid, "Ringe til skolen", "Rådgiver", None, "caseworker")
    dropped = s.add_action(db, ACTOR, mid, "Finde en aflastningsfamilie", "Rådgiver")
    s.add_action(db, ACTOR, mid, "Bestille tid hos lægen", "Sanne", date(2026, 3, 16))
    s.edit_action(db, ACTOR, mid, done, status="done")
    s.edit_action(db, ACTOR, mid, dropped, status="dropped")
    return case_id, mid


def test_a_follow_up_meeting_starts_with_the_open_actions_goals_and_map(db: Database) -> None:
    case_id, first = _first_meeting(db)
    later = s.plan_meeting(db, ACTOR, case_id, "follow_up", date(2026, 4, 13))
    record = s.load_meeting(db, later, viewer=ACTOR)
    before = s.load_meeting(db, first, viewer=ACTOR)
    assert [(a.what, a.who, a.due, a.status) for a in record.actions] == [
        ("Lave en ugeplan", "Sanne", date(2026, 3, 9), ActionStatus.OPEN),
        ("Bestille tid hos lægen", "Sanne", date(2026, 3, 16), ActionStatus.OPEN),
    ]
    originals = {a.what: a.id for a in before.actions}
    assert [a.carried_from_id for a in record.actions] == [originals[a.what] for a in record.actions]
    assert [(g.term.value, g.text, g.owner) for g in record.goals] == [
        ("short", "Emil har en voksen hos sig hver aften", "Familien"), ("long", "Sagen kan lukkes", "Rådgiver"),
    ]
    short_goal = next(g for g in record.goals if g.term.value == "short")
    assert record.actions[0].goal_id == short_goal.id, "the action keeps its goal, now the copied one"
    assert [p.name for p in record.participants] == ["Sanne Hansen"]


def test_the_carried_actions_are_reviewed_under_gennemgang_af_aftaler_fra_sidst(db: Database) -> None:
    case_id, _ = _first_meeting(db)
    network = s.plan_meeting(db, ACTOR, case_id, "network", date(2026, 4, 13))
    agenda = s.load_meeting(db, network, viewer=ACTOR).agenda
    assert agenda[0].title == REVIEW_TITLES["da"], "a kind without the review item gets it first"
    assert [item.title for item in agenda].count(REVIEW_TITLES["da"]) == 1
    assert [item.position for item in agenda] == list(range(len(agenda))), "the order stays dense"
    follow_up = s.plan_meeting(db, ACTOR, case_id, "follow_up", date(2026, 5, 25))
    titles = [item.title for item in s.load_meeting(db, follow_up, viewer=ACTOR).agenda]
    assert titles.count(REVIEW_TITLES["da"]) == 1, "the follow-up agenda already has it: not added twice"


def test_scores_are_not_copied_but_earlier_scores_stay_readable_across_the_case(db: Database) -> None:
    case_id, first = _first_meeting(db)
    later = s.plan_meeting(db, ACTOR, case_id, "follow_up", date(2026, 4, 13))
    assert s.load_meeting(db, later, viewer=ACTOR).scores == (), "a copied number would look like an answer given today"
    rounds = s.score_history(db, case_id, viewer=ACTOR)
    assert [(r.meeting_id, r.scores) for r in rounds] == [(first, (("Sanne Hansen", 4),))]


def test_a_case_without_open_actions_gets_no_review_item(db: Database) -> None:
    case_id = s.create_case(db, ACTOR, "Familien Hansen", "Emil", "compensation")
    first = s.plan_meeting(db, ACTOR, case_id, "start", date(2026, 3, 2))
    later = s.plan_meeting(db, ACTOR, case_id, "network", date(2026, 6, 2))
    assert REVIEW_TITLES["da"] not in [i.title for i in s.load_meeting(db, later, viewer=ACTOR).agenda]
    assert s.load_meeting(db, first, viewer=ACTOR).actions == ()


def test_copying_forward_twice_copies_nothing_the_second_time(db: Database) -> None:
    case_id, first = _first_meeting(db)
    later = s.plan_meeting(db, ACTOR, case_id, "follow_up", date(2026, 4, 13))
    before = s.load_meeting(db, later, viewer=ACTOR)
    assert copy_goals_forward(db, ACTOR, first, later) == 0
    assert copy_open_actions_forward(db, ACTOR, first, later) == 0
    after = s.load_meeting(db, later, viewer=ACTOR)
    assert (after.goals, after.actions, after.agenda) == (before.goals, before.actions, before.agenda)


def test_a_chain_of_meetings_carries_an_action_until_it_is_done(db: Database) -> None:
    case_id, _ = _first_meeting(db)
    second = s.plan_meeting(db, ACTOR, case_id, "follow_up", date(2026, 4, 13))
    carried = s.load_meeting(db, second, viewer=ACTOR).actions
    s.edit_action(db, ACTOR, second, carried[0].id, status="done")
    third = s.plan_meeting(db, ACTOR, case_id, "follow_up", date(2026, 5, 25))
    actions = s.load_meeting(db, third, viewer=ACTOR).actions
    assert [(a.what, a.carried_from_id) for a in actions] == [("Bestille tid hos lægen", carried[1].id)]


def test_nothing_is_carried_between_two_families(db: Database, meeting_id: int, other_meeting_id: int) -> None:
    s.add_action(db, ACTOR, other_meeting_id, "Hemmelig aftale", "Freja")
    s.add_goal(db, ACTOR, other_meeting_id, "short", "Hemmeligt mål")
    with refused(db, "copy_across_cases", meeting_id, other_meeting_id):
        copy_open_actions_forward(db, ACTOR, other_meeting_id, meeting_id)
    with refused(db, "copy_across_cases", meeting_id, other_meeting_id):
        copy_goals_forward(db, ACTOR, other_meeting_id, meeting_id)


def test_a_meeting_cannot_carry_forward_into_itself(db: Database, meeting_id: int) -> None:
    with refused(db, "copy_to_same_meeting", meeting_id):
        s.carry_forward(db, ACTOR, meeting_id, meeting_id)


def test_carrying_from_a_missing_meeting_is_not_found(db: Database, meeting_id: int) -> None:
    with not_found(db, meeting_id):
        copy_goals_forward(db, ACTOR, 999, meeting_id)


def test_deleting_the_earlier_meeting_keeps_the_carried_actions(db: Database) -> None:
    case_id, first = _first_meeting(db)
    later = s.plan_meeting(db, ACTOR, case_id, "follow_up", date(2026, 4, 13))
    s.delete_meeting(db, ACTOR, first)
    actions = s.load_meeting(db, later, viewer=ACTOR).actions
    assert [(a.what, a.carried_from_id) for a in actions] == [
        ("Lave en ugeplan", None), ("Bestille tid hos lægen", None),
    ]


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_review_item_is_named_in_the_meetings_language(db: Database, language: str) -> None:
    case_id, _ = _first_meeting(db)
    later = s.plan_meeting(db, ACTOR, case_id, "handover", date(2026, 4, 13), language=language)
    assert s.load_meeting(db, later, viewer=ACTOR).agenda[0].title == REVIEW_TITLES[language]


def test_the_follow_up_date_and_contacts_survive_a_backup_and_load(db: Database, meeting_id: int) -> None:
    s.set_role(db, ACTOR, meeting_id, "facilitator", "Line Bech")
    s.set_role_contact(db, ACTOR, meeting_id, "facilitator", "Tlf. 72 36 12 34")
    s.set_follow_up_date(db, ACTOR, meeting_id, date(2026, 4, 10))
    text = dumps_meeting(db, meeting_id, viewer=ACTOR)
    loaded = s.load_meeting(db, loads_meeting(db, ACTOR, text), viewer=ACTOR)
    assert loaded.meeting.follow_up_date == date(2026, 4, 10)
    assert loaded.contacts == {Role.FACILITATOR: "Tlf. 72 36 12 34"}
    assert dumps_meeting(db, loaded.meeting.id, viewer=ACTOR) == text


def test_a_goal_is_followed_meeting_by_meeting_and_a_reached_goal_is_not_carried_again(db: Database) -> None:
    case_id, first = _first_meeting(db)
    goals = s.load_meeting(db, first, viewer=ACTOR).goals
    s.follow_goal(db, ACTOR, first, goals[0].id, progress=3)
    second = s.plan_meeting(db, ACTOR, case_id, "follow_up", date(2026, 4, 13))
    carried = s.load_meeting(db, second, viewer=ACTOR).goals
    assert [(g.text, g.carried_from_id, g.progress) for g in carried] == [(g.text, g.id, None) for g in goals]
    s.follow_goal(db, ACTOR, second, carried[0].id, progress="10", status="achieved")
    with refused(db, "invalid_choice", second, field="goal_status"):
        s.follow_goal(db, ACTOR, second, carried[0].id, progress=5, status="finished")
    with refused(db, "out_of_range", second, field="progress"):
        s.follow_goal(db, ACTOR, second, carried[0].id, progress=11)
    third = s.plan_meeting(db, ACTOR, case_id, "follow_up", date(2026, 5, 25))
    assert [g.text for g in s.load_meeting(db, third, viewer=ACTOR).goals] == [g.text for g in goals[1:]]
    records = [s.load_meeting(db, mid, viewer=ACTOR) for mid in (first, second, third)]
    trails = {trail.goal.text: [step.progress for step in trail.steps] for trail in goal_trails(records)}
    assert trails[goals[0].text] == [3, 10]
