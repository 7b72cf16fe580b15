"""Carrying the network forward into a follow-up meeting of the same case."""

from __future__ import annotations

from datetime import date

import pytest

from facilitation import services as s
from facilitation.domain import model as m
from facilitation.services.network_copy import copy_network_forward
from facilitation.storage import Database
from tests.conftest import ACTOR
from tests.unit.helpers import not_found, refused


@pytest.fixture
def start(db: Database) -> int:
    """A start meeting whose map holds four people, every field filled in, three ties (one strained) and a score."""
    case_id = s.create_case(db, ACTOR, "Familien Juhl", "Alma", "assessment")
    meeting = s.create_meeting(db, ACTOR, case_id, "start", date(2026, 11, 25), with_default_agenda=False)
    sanne = s.add_participant(db, ACTOR, meeting, "Sanne Juhl", relation="Mor", ring=1, can_help_with="Morgenrutiner")
    birthe = s.add_participant(
        db, ACTOR, meeting, "Birthe Juhl", relation="Mormor", ring=1, group=m.Group.NETWORK,
        can_help_with="Henter Alma i SFO",
    )
    kasper = s.add_participant(db, ACTOR, meeting, "Kasper Møller", relation="Far", attendance=m.Attendance.ABSENT)
    henny = s.add_participant(
        db, ACTOR, meeting, "Henny Kragh", relation="Nabo", sector=m.Sector.FRIENDS_NEIGHBOURS, ring=3,
        group=m.Group.NETWORK, attendance=m.Attendance.NOT_INVITED,
    )
    s.add_relation(db, ACTOR, meeting, birthe, sanne, "mor til")
    s.add_relation(db, ACTOR, meeting, kasper, sanne, "tidligere par", strained=True)
    s.add_relation(db, ACTOR, meeting, henny, birthe, "nabo til")
    s.record_score(db, ACTOR, meeting, sanne, 6, "Vi har en plan nu")
    return meeting


def _follow_up(db: Database, meeting_id: int) -> int:
    case_id = s.load_meeting(db, meeting_id, viewer=ACTOR).case.id
    return s.create_meeting(db, ACTOR, case_id, "follow_up", date(2026, 12, 30))


def _people(record: m.MeetingRecord) -> list[tuple[object, ...]]:
    return [
        (p.name, p.relation, p.sector, p.ring, p.group, p.attendance, p.can_help_with)
        for p in record.participants
    ]


def _ties(record: m.MeetingRecord) -> set[tuple[str, str, str, bool]]:
    names = {p.id: p.name for p in record.participants}
    return {(names[r.from_id], names[r.to_id], r.kind, r.strained) for r in record.relations}


def test_copying_forward_brings_every_person_and_tie_into_the_follow_up(db: Database, start: int) -> None:
    follow_up = _follow_up(db, start)
    copy_network_forward(db, ACTOR, start, follow_up)
    old, new = s.load_meeting(db, start, viewer=ACTOR), s.load_meeting(db, follow_up, viewer=ACTOR)
    assert _people(new) == _people(old)
    assert _ties(new) == _ties(old)
    assert {p.id for p in new.participants}.isdisjoint({p.id for p in old.participants})
    assert [p.position for p in new.participants] == list(range(len(old.participants)))
    assert old.scores and new.scores == ()


def test_copying_forward_is_one_edit_of_the_follow_up(db: Database, start: int) -> None:
    follow_up = _follow_up(db, start)
    before, start_before = db.version(follow_up), db.version(start)
    copy_network_forward(db, ACTOR, start, follow_up)
    assert db.version(follow_up) == before + 1  # type: ignore[operator]
    assert db.version(start) == start_before


def test_copying_forward_twice_changes_nothing_the_second_time(db: Database, start: int) -> None:
    follow_up = _follow_up(db, start)
    copy_network_forward(db, ACTOR, start, follow_up)
    once = s.load_meeting(db, follow_up, viewer=ACTOR)
    copy_network_forward(db, ACTOR, start, follow_up)
    twice = s.load_meeting(db, follow_up, viewer=ACTOR)
    assert twice.participants == once.participants
    assert twice.relations == once.relations


def test_people_already_in_the_follow_up_are_kept_and_tied_in(db: Database, start: int) -> None:
    follow_up = _follow_up(db, start)
    sanne = s.add_participant(db, ACTOR, follow_up, "sanne  JUHL", relation="Mor", ring=2)
    copy_network_forward(db, ACTOR, start, follow_up)
    old, new = s.load_meeting(db, start, viewer=ACTOR), s.load_meeting(db, follow_up, viewer=ACTOR)
    assert len(new.participants) == len(old.participants)
    kept = new.participant(sanne)
    assert kept is not None and kept.ring == 2 and kept.position == 0
    old_sanne = next(p.id for p in old.participants if p.name == "Sanne Juhl")
    her_ties = sum(1 for r in old.relations if old_sanne in (r.from_id, r.to_id))
    assert her_ties == 2
    assert sum(1 for r in new.relations if sanne in (r.from_id, r.to_id)) == her_ties


def test_the_network_is_never_copied_into_another_familys_case(db: Database, start: int) -> None:
    other_case = s.create_case(db, ACTOR, "Familien Andersen", "Bo", "compensation")
    other = s.create_meeting(db, ACTOR, other_case, "start", date(2026, 12, 1))
    with refused(db, "copy_across_cases", start, other, field="meeting"):
        copy_network_forward(db, ACTOR, start, other)


def test_a_meeting_is_not_copied_into_itself(db: Database, start: int) -> None:
    with refused(db, "copy_to_same_meeting", start, field="meeting"):
        copy_network_forward(db, ACTOR, start, start)


def test_copying_from_or_to_a_missing_meeting_fails_and_changes_nothing(db: Database, start: int) -> None:
    follow_up = _follow_up(db, start)
    with not_found(db, start, follow_up):
        copy_network_forward(db, ACTOR, 999, follow_up)
    with not_found(db, start, follow_up):
        copy_network_forward(db, ACTOR, start, 999)


def test_a_planned_meeting_starts_from_the_latest_map_of_its_case(db: Database, start: int) -> None:
    case_id = s.get_meeting(db, start, viewer=ACTOR).case_id
    people = {p.name for p in s.load_meeting(db, start, viewer=ACTOR).participants}
    second = s.plan_meeting(db, ACTOR, case_id, "follow_up", "2027-01-06", "Familiehuset")
    assert {p.name for p in s.load_meeting(db, second, viewer=ACTOR).participants} == people
    relations = len(s.load_meeting(db, start, viewer=ACTOR).relations)
    assert len(s.load_meeting(db, second, viewer=ACTOR).relations) == relations


def test_the_first_meeting_of_a_new_case_starts_with_an_empty_map(db: Database) -> None:
    case_id = s.create_case(db, ACTOR, "Familien Ny", "Ida", "compensation")
    meeting = s.plan_meeting(db, ACTOR, case_id, "start", "2027-01-06")
    assert s.load_meeting(db, meeting, viewer=ACTOR).participants == ()
