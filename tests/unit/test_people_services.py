"""The people around the child: participants and the ties between them."""

from __future__ import annotations

import pytest

from facilitation import services as s
from facilitation.domain.model import Attendance, Group, Sector
from facilitation.domain.validation import NotFoundError
from facilitation.storage import Database
from tests.conftest import ACTOR
from tests.unit.helpers import not_found, positions, refused


def add_people(db: Database, meeting_id: int, *names: str) -> list[int]:
    """Add people by name with default fields; returns their ids in order."""
    return [s.add_participant(db, ACTOR, meeting_id, name) for name in names]


def names(db: Database, meeting_id: int) -> list[str]:
    """The participants' names in their stored order."""
    return [p.name for p in s.load_meeting(db, meeting_id, viewer=ACTOR).participants]


def test_adding_a_participant_stores_every_field_and_bumps_the_version(db: Database, meeting_id: int) -> None:
    before = db.version(meeting_id)
    pid = s.add_participant(
        db, ACTOR, meeting_id, "Birthe Juhl", relation="Mormor", sector="family", ring=1,
        group="network", attendance="absent", can_help_with="Henter i SFO\ntirsdag",
    )
    assert db.version(meeting_id) == before + 1
    person = s.load_meeting(db, meeting_id, viewer=ACTOR).participant(pid)
    assert person is not None
    assert (person.name, person.relation, person.sector, person.ring, person.group, person.attendance) == (
        "Birthe Juhl", "Mormor", Sector.FAMILY, 1, Group.NETWORK, Attendance.ABSENT,
    )
    assert person.can_help_with == "Henter i SFO\ntirsdag"


def test_participants_are_placed_at_the_end_in_the_order_they_are_added(db: Database, meeting_id: int) -> None:
    add_people(db, meeting_id, "Sanne", "Kasper", "Birthe")
    assert names(db, meeting_id) == ["Sanne", "Kasper", "Birthe"]
    assert positions(s.load_meeting(db, meeting_id, viewer=ACTOR).participants) == [0, 1, 2]


def test_danish_letters_emoji_and_html_are_stored_exactly_as_typed(db: Database, meeting_id: int) -> None:
    name = "Søren Ærø-Åberg 🧒🏽 <script>alert(1)</script>"
    pid = s.add_participant(db, ACTOR, meeting_id, name, can_help_with="Kører 🚗 & henter \"Alma\"")
    person = s.load_meeting(db, meeting_id, viewer=ACTOR).participant(pid)
    assert person is not None
    assert person.name == name
    assert person.can_help_with == "Kører 🚗 & henter \"Alma\""


def test_control_characters_and_line_breaks_are_cleaned_out_of_a_name(db: Database, meeting_id: int) -> None:
    pid = s.add_participant(db, ACTOR, meeting_id, "  Mads\x00\x1b Juhl\r\n(morbror)\x7f ")
    person = s.load_meeting(db, meeting_id, viewer=ACTOR).participant(pid)
    assert person is not None
    assert person.name == "Mads Juhl (morbror)"


def test_a_name_of_two_hundred_characters_is_accepted(db: Database, meeting_id: int) -> None:
    pid = s.add_participant(db, ACTOR, meeting_id, "ø" * 200)
    person = s.load_meeting(db, meeting_id, viewer=ACTOR).participant(pid)
    assert person is not None
    assert person.name == "ø" * 200


@pytest.mark.parametrize(
    ("fields", "code", "field"),
    [
        ({"name": "ø" * 201}, "too_long", "name"),
        ({"name": " \x00 "}, "empty", "name"),
        ({"name": "Ole", "ring": -1}, "out_of_range", "ring"),
        ({"name": "Ole", "ring": 4}, "out_of_range", "ring"),
        ({"name": "Ole", "ring": "tæt"}, "not_a_number", "ring"),
        ({"name": "Ole", "sector": "church"}, "invalid_choice", "sector"),
        ({"name": "Ole", "group": "friends"}, "invalid_choice", "group"),
        ({"name": "Ole", "attendance": "maybe"}, "invalid_choice", "attendance"),
        ({"name": "Ole", "relation": "r" * 501}, "too_long", "relation"),
        ({"name": "Ole", "can_help_with": "h" * 10_001}, "too_long", "can_help_with"),
    ],
)
def test_a_participant_with_a_bad_field_is_refused_and_nothing_is_stored(
    db: Database, meeting_id: int, fields: dict[str, object], code: str, field: str
) -> None:
    with refused(db, code, field=field):
        s.add_participant(db, ACTOR, meeting_id, **fields)  # type: ignore[arg-type]


def test_adding_a_participant_to_an_unknown_meeting_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError):
        s.add_participant(db, ACTOR, 9999, "Ole")


def test_editing_a_participant_changes_only_the_given_fields_and_bumps_the_version(
    db: Database, meeting_id: int
) -> None:
    pid = s.add_participant(db, ACTOR, meeting_id, "Erik", relation="Morfar", ring=2)
    before = db.version(meeting_id)
    s.edit_participant(db, ACTOR, meeting_id, pid, ring="1", attendance="absent")
    assert db.version(meeting_id) == before + 1
    person = s.load_meeting(db, meeting_id, viewer=ACTOR).participant(pid)
    assert person is not None
    assert (person.name, person.relation, person.ring, person.attendance) == ("Erik", "Morfar", 1, Attendance.ABSENT)


def test_editing_a_participant_with_a_bad_ring_changes_nothing(db: Database, meeting_id: int) -> None:
    pid = s.add_participant(db, ACTOR, meeting_id, "Erik")
    with refused(db, "out_of_range", field="ring"):
        s.edit_participant(db, ACTOR, meeting_id, pid, name="Erik Juhl", ring=7)


def test_editing_an_unknown_participant_field_is_a_programming_error(db: Database, meeting_id: int) -> None:
    pid = s.add_participant(db, ACTOR, meeting_id, "Erik")
    with pytest.raises(TypeError):
        s.edit_participant(db, ACTOR, meeting_id, pid, age=70)


def test_a_participant_of_another_meeting_cannot_be_edited_moved_or_removed_through_this_one(
    db: Database, meeting_id: int, other_meeting_id: int
) -> None:
    (theirs,) = add_people(db, other_meeting_id, "Freja's mor")
    add_people(db, meeting_id, "Sanne", "Kasper")
    with not_found(db):
        s.edit_participant(db, ACTOR, meeting_id, theirs, name="Overskrevet")
    with not_found(db):
        s.move_participant(db, ACTOR, meeting_id, theirs, 0)
    with not_found(db):
        s.remove_participant(db, ACTOR, meeting_id, theirs)


def test_an_unknown_participant_id_is_not_found(db: Database, meeting_id: int) -> None:
    with not_found(db):
        s.edit_participant(db, ACTOR, meeting_id, 4242, name="Ingen")
    with not_found(db):
        s.remove_participant(db, ACTOR, meeting_id, 4242)


def test_moving_the_last_participant_first_keeps_the_others_in_order(db: Database, meeting_id: int) -> None:
    ids = add_people(db, meeting_id, "A", "B", "C", "D")
    before = db.version(meeting_id)
    s.move_participant(db, ACTOR, meeting_id, ids[3], 0)
    assert db.version(meeting_id) == before + 1
    assert names(db, meeting_id) == ["D", "A", "B", "C"]
    assert positions(s.load_meeting(db, meeting_id, viewer=ACTOR).participants) == [0, 1, 2, 3]


def test_moving_a_participant_down_the_list_lands_at_that_index(db: Database, meeting_id: int) -> None:
    ids = add_people(db, meeting_id, "A", "B", "C", "D")
    s.move_participant(db, ACTOR, meeting_id, ids[0], 2)
    assert names(db, meeting_id) == ["B", "C", "A", "D"]


def test_moving_a_participant_past_either_end_puts_them_at_that_end(db: Database, meeting_id: int) -> None:
    ids = add_people(db, meeting_id, "A", "B", "C")
    s.move_participant(db, ACTOR, meeting_id, ids[0], 99)
    assert names(db, meeting_id) == ["B", "C", "A"]
    s.move_participant(db, ACTOR, meeting_id, ids[0], -5)
    assert names(db, meeting_id) == ["A", "B", "C"]
    assert positions(s.load_meeting(db, meeting_id, viewer=ACTOR).participants) == [0, 1, 2]


def test_removing_a_participant_closes_the_gap(db: Database, meeting_id: int) -> None:
    ids = add_people(db, meeting_id, "A", "B", "C")
    before = db.version(meeting_id)
    s.remove_participant(db, ACTOR, meeting_id, ids[1])
    assert db.version(meeting_id) == before + 1
    assert names(db, meeting_id) == ["A", "C"]
    assert positions(s.load_meeting(db, meeting_id, viewer=ACTOR).participants) == [0, 1]


def test_a_participant_added_after_a_removal_goes_to_the_end_without_a_gap(db: Database, meeting_id: int) -> None:
    ids = add_people(db, meeting_id, "A", "B", "C")
    s.remove_participant(db, ACTOR, meeting_id, ids[2])
    add_people(db, meeting_id, "D")
    assert names(db, meeting_id) == ["A", "B", "D"]
    assert positions(s.load_meeting(db, meeting_id, viewer=ACTOR).participants) == [0, 1, 2]


def test_removing_a_participant_also_removes_their_ties_and_their_score(db: Database, meeting_id: int) -> None:
    mother, grandmother, uncle = add_people(db, meeting_id, "Sanne", "Birthe", "Mads")
    s.add_relation(db, ACTOR, meeting_id, grandmother, mother, "mor til")
    kept = s.add_relation(db, ACTOR, meeting_id, uncle, mother, "bror til")
    s.record_score(db, ACTOR, meeting_id, grandmother, 5)
    s.record_score(db, ACTOR, meeting_id, mother, 6)
    s.remove_participant(db, ACTOR, meeting_id, grandmother)
    record = s.load_meeting(db, meeting_id, viewer=ACTOR)
    assert [r.id for r in record.relations] == [kept]
    assert [sc.participant_id for sc in record.scores] == [mother]


def test_tying_two_people_stores_the_kind_and_whether_it_is_strained(db: Database, meeting_id: int) -> None:
    mother, father = add_people(db, meeting_id, "Sanne", "Kasper")
    before = db.version(meeting_id)
    rid = s.add_relation(db, ACTOR, meeting_id, father, mother, " tidligere\npar ", strained=True)
    assert db.version(meeting_id) == before + 1
    (relation,) = s.load_meeting(db, meeting_id, viewer=ACTOR).relations
    assert (relation.id, relation.from_id, relation.to_id, relation.kind, relation.strained) == (
        rid, father, mother, "tidligere par", True,
    )


def test_a_person_cannot_be_tied_to_themselves(db: Database, meeting_id: int) -> None:
    (mother,) = add_people(db, meeting_id, "Sanne")
    with refused(db, "relation_to_self"):
        s.add_relation(db, ACTOR, meeting_id, mother, mother)


def test_a_tie_to_a_person_of_another_meeting_is_not_found_and_not_stored(
    db: Database, meeting_id: int, other_meeting_id: int
) -> None:
    (mine,) = add_people(db, meeting_id, "Sanne")
    (theirs,) = add_people(db, other_meeting_id, "Fremmed")
    with not_found(db):
        s.add_relation(db, ACTOR, meeting_id, mine, theirs)
    with not_found(db):
        s.add_relation(db, ACTOR, meeting_id, theirs, mine)


def test_removing_a_tie_keeps_both_people(db: Database, meeting_id: int) -> None:
    mother, father = add_people(db, meeting_id, "Sanne", "Kasper")
    rid = s.add_relation(db, ACTOR, meeting_id, father, mother)
    s.remove_relation(db, ACTOR, meeting_id, rid)
    record = s.load_meeting(db, meeting_id, viewer=ACTOR)
    assert record.relations == ()
    assert [p.id for p in record.participants] == [mother, father]


def test_a_tie_of_another_meeting_cannot_be_removed_through_this_one(
    db: Database, meeting_id: int, other_meeting_id: int
) -> None:
    a, b = add_people(db, other_meeting_id, "A", "B")
    rid = s.add_relation(db, ACTOR, other_meeting_id, a, b)
    with not_found(db):
        s.remove_relation(db, ACTOR, meeting_id, rid)
