"""Cases, meetings and roles, and reading a whole meeting back."""

from __future__ import annotations

from datetime import date

import pytest

from facilitation import services as s
from facilitation.demo import first_meeting_or_demo
from facilitation.domain.agenda_templates import default_agenda
from facilitation.domain.model import CaseType, MeetingKind, MeetingStatus
from facilitation.domain.roles import Role
from facilitation.domain.validation import NotFoundError, ValidationError
from facilitation.storage import Database
from tests.conftest import ACTOR
from tests.unit.helpers import not_found, refused


def test_opening_a_case_stores_cleaned_names_and_its_type(db: Database) -> None:
    case_id = s.create_case(db, ACTOR, " Familien\nØstergaard ", "Freja 🦄 og Åse", "compensation")
    (case,) = s.list_cases(db, viewer=ACTOR)
    assert (case.id, case.family_name, case.child_names, case.case_type) == (
        case_id, "Familien Østergaard", "Freja 🦄 og Åse", CaseType.COMPENSATION,
    )


@pytest.mark.parametrize(
    ("family", "child", "case_type", "code"),
    [
        ("", "Alma", "assessment", "empty"),
        ("F" * 201, "Alma", "assessment", "too_long"),
        ("Familien Juhl", " ", "assessment", "empty"),
        ("Familien Juhl", "Alma", "§50", "invalid_choice"),
    ],
)
def test_a_case_with_bad_names_or_type_is_refused_and_not_stored(
    db: Database, family: str, child: str, case_type: str, code: str
) -> None:
    with pytest.raises(ValidationError) as info:
        s.create_case(db, ACTOR, family, child, case_type)
    assert info.value.code == code
    assert s.list_cases(db, viewer=ACTOR) == []


def test_cases_are_listed_newest_first(db: Database) -> None:
    first = s.create_case(db, ACTOR, "Familien A", "a", "assessment")
    second = s.create_case(db, ACTOR, "Familien B", "b", "assessment")
    assert [c.id for c in s.list_cases(db, viewer=ACTOR)] == [second, first]


def test_a_new_meeting_starts_at_version_one_with_the_default_agenda_for_its_kind(db: Database) -> None:
    case_id = s.create_case(db, ACTOR, "Familien Juhl", "Alma", "assessment")
    mid = s.create_meeting(db, ACTOR, case_id, "follow_up", "2026-04-13", " Rådhuset,\nlokale 2 ", "Opfølgning 🙂")
    record = s.load_meeting(db, mid, viewer=ACTOR)
    assert db.version(mid) == 1
    assert (record.meeting.case_id, record.meeting.kind, record.meeting.date, record.meeting.place) == (
        case_id, MeetingKind.FOLLOW_UP, date(2026, 4, 13), "Rådhuset, lokale 2",
    )
    assert (record.meeting.purpose, record.meeting.status, record.meeting.version) == (
        "Opfølgning 🙂", MeetingStatus.PLANNED, 1,
    )
    expected = default_agenda(MeetingKind.FOLLOW_UP, "da")
    assert [(a.title, a.planned_minutes) for a in record.agenda] == expected
    assert [a.position for a in record.agenda] == list(range(len(expected)))


def test_a_meeting_can_get_the_english_default_agenda_or_none(db: Database) -> None:
    case_id = s.create_case(db, ACTOR, "Familien Juhl", "Alma", "assessment")
    english = s.create_meeting(db, ACTOR, case_id, "handover", date(2026, 5, 1), language="en")
    empty = s.create_meeting(db, ACTOR, case_id, "handover", date(2026, 5, 2), with_default_agenda=False)
    assert [a.title for a in s.load_meeting(db, english, viewer=ACTOR).agenda] == [
        title for title, _ in default_agenda(MeetingKind.HANDOVER, "en")
    ]
    assert s.load_meeting(db, empty, viewer=ACTOR).agenda == ()


def test_the_default_agendas_differ_between_kinds_and_languages() -> None:
    agendas = {(kind, lang): tuple(default_agenda(kind, lang)) for kind in MeetingKind for lang in ("da", "en")}
    assert len(set(agendas.values())) == len(agendas)
    assert all(agendas.values())


@pytest.mark.parametrize(
    ("kind", "when", "code"),
    [("start", "2026-02-30", "invalid_date"), ("start", "", "invalid_date"), ("party", "2026-03-02", "invalid_choice")],
)
def test_a_meeting_with_an_impossible_date_or_unknown_kind_is_not_created(
    db: Database, kind: str, when: str, code: str
) -> None:
    case_id = s.create_case(db, ACTOR, "Familien Juhl", "Alma", "assessment")
    with pytest.raises(ValidationError) as info:
        s.create_meeting(db, ACTOR, case_id, kind, when)
    assert info.value.code == code
    assert s.list_meetings(db, case_id, viewer=ACTOR) == []


def test_a_meeting_for_an_unknown_case_is_not_created(db: Database) -> None:
    with pytest.raises(NotFoundError):
        s.create_meeting(db, ACTOR, 404, "start", "2026-03-02")
    assert s.list_cases(db, viewer=ACTOR) == []


def test_meetings_are_listed_newest_date_first_for_their_case_only(db: Database, meeting_id: int) -> None:
    case_id = s.load_meeting(db, meeting_id, viewer=ACTOR).case.id
    later = s.create_meeting(db, ACTOR, case_id, "follow_up", "2026-04-13")
    earlier = s.create_meeting(db, ACTOR, case_id, "network", "2026-01-05")
    other_case = s.create_case(db, ACTOR, "Familien B", "b", "assessment")
    s.create_meeting(db, ACTOR, other_case, "start", "2026-12-24")
    assert [m.id for m in s.list_meetings(db, case_id, viewer=ACTOR)] == [later, meeting_id, earlier]


def test_editing_a_meeting_changes_its_fields_and_bumps_the_version(db: Database, meeting_id: int) -> None:
    before = db.version(meeting_id)
    s.edit_meeting(db, ACTOR, meeting_id, date="2026-03-04", status="running", place="Skolen", purpose="Ny plan")
    assert db.version(meeting_id) == before + 1
    meeting = s.load_meeting(db, meeting_id, viewer=ACTOR).meeting
    assert (meeting.date, meeting.status, meeting.place, meeting.purpose, meeting.version) == (
        date(2026, 3, 4), MeetingStatus.RUNNING, "Skolen", "Ny plan", before + 1,
    )


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"date": "2026-02-30", "place": "Skolen"}, "invalid_date"),
        ({"status": "paused"}, "invalid_choice"),
        ({"kind": "party"}, "invalid_choice"),
        ({"place": "p" * 501}, "too_long"),
        ({"purpose": "p" * 100_001}, "too_long"),
    ],
)
def test_a_bad_meeting_edit_changes_nothing(db: Database, meeting_id: int, fields: dict[str, str], code: str) -> None:
    with refused(db, code):
        s.edit_meeting(db, ACTOR, meeting_id, **fields)


def test_editing_an_unknown_meeting_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError):
        s.edit_meeting(db, ACTOR, 404, place="Et sted")


def test_editing_a_case_bumps_the_version_of_its_meetings_only(
    db: Database, meeting_id: int, other_meeting_id: int
) -> None:
    case_id = s.load_meeting(db, meeting_id, viewer=ACTOR).case.id
    second = s.create_meeting(db, ACTOR, case_id, "follow_up", "2026-04-13")
    before = {mid: db.version(mid) for mid in (meeting_id, second, other_meeting_id)}
    s.edit_case(db, ACTOR, case_id, family_name="Familien Hansen-Ørum", case_type="compensation")
    assert db.version(meeting_id) == before[meeting_id] + 1
    assert db.version(second) == before[second] + 1
    assert db.version(other_meeting_id) == before[other_meeting_id]
    case = s.load_meeting(db, meeting_id, viewer=ACTOR).case
    assert (case.family_name, case.child_names, case.case_type) == (
        "Familien Hansen-Ørum", "Emil", CaseType.COMPENSATION,
    )


def test_a_bad_case_edit_changes_nothing(db: Database, meeting_id: int) -> None:
    case_id = s.load_meeting(db, meeting_id, viewer=ACTOR).case.id
    with refused(db, "too_long"):
        s.edit_case(db, ACTOR, case_id, child_names="Emil", family_name="F" * 201)


def test_editing_an_unknown_case_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError):
        s.edit_case(db, ACTOR, 404, family_name="Ingen")


def test_deleting_a_meeting_removes_everything_recorded_in_it_and_nothing_else(
    db: Database, meeting_id: int, other_meeting_id: int
) -> None:
    pid = s.add_participant(db, ACTOR, meeting_id, "Sanne")
    s.add_board_item(db, ACTOR, meeting_id, "worry", "Bekymring")
    s.record_score(db, ACTOR, meeting_id, pid, 5)
    s.add_participant(db, ACTOR, other_meeting_id, "Bliver")
    other_before = s.load_meeting(db, other_meeting_id, viewer=ACTOR)
    s.delete_meeting(db, ACTOR, meeting_id)
    assert not s.meeting_exists(db, meeting_id, viewer=ACTOR)
    assert db.version(meeting_id) is None
    with pytest.raises(NotFoundError):
        s.load_meeting(db, meeting_id, viewer=ACTOR)
    with pytest.raises(NotFoundError):
        s.add_board_item(db, ACTOR, meeting_id, "worry", "For sent")
    assert s.load_meeting(db, other_meeting_id, viewer=ACTOR) == other_before


def test_deleting_an_unknown_meeting_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError):
        s.delete_meeting(db, ACTOR, 404)


def test_a_meeting_exists_only_once_created(db: Database, meeting_id: int) -> None:
    assert s.meeting_exists(db, meeting_id, viewer=ACTOR)
    assert not s.meeting_exists(db, meeting_id + 1000, viewer=ACTOR)


def test_loading_an_unknown_meeting_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError):
        s.load_meeting(db, 404, viewer=ACTOR)


def test_roles_are_given_replaced_and_cleared(db: Database, meeting_id: int) -> None:
    before = db.version(meeting_id)
    s.set_role(db, ACTOR, meeting_id, "timekeeper", "Thomas Vinther")
    s.set_role(db, ACTOR, meeting_id, "facilitator", "Line Bech")
    roles = s.load_meeting(db, meeting_id, viewer=ACTOR).roles
    assert roles == {Role.TIMEKEEPER: "Thomas Vinther", Role.FACILITATOR: "Line Bech"}
    s.set_role(db, ACTOR, meeting_id, "timekeeper", "Søren Ærø")
    s.set_role(db, ACTOR, meeting_id, "facilitator", "  ")
    assert s.load_meeting(db, meeting_id, viewer=ACTOR).roles == {Role.TIMEKEEPER: "Søren Ærø"}
    assert db.version(meeting_id) == before + 4


def test_an_unknown_role_or_too_long_name_is_refused(db: Database, meeting_id: int) -> None:
    with refused(db, "invalid_choice", field="role"):
        s.set_role(db, ACTOR, meeting_id, "secretary", "Line")
    with refused(db, "too_long", field="caseworker"):
        s.set_role(db, ACTOR, meeting_id, "chair", "L" * 201)


def test_a_role_in_an_unknown_meeting_is_not_found(db: Database, meeting_id: int) -> None:
    with not_found(db):
        s.set_role(db, ACTOR, 404, "chair", "Line")


def test_an_empty_database_opens_on_a_new_demo_meeting(db: Database) -> None:
    meeting_id = first_meeting_or_demo(db, viewer=ACTOR)
    assert s.load_meeting(db, meeting_id, viewer=ACTOR).case.family_name == "Familien Juhl (demo)"
    assert first_meeting_or_demo(db, viewer=ACTOR) == meeting_id
    # the Juhl case, and the Berg case whose follow-up is overdue (for Mine sager); opening again makes no more
    assert [c.family_name for c in s.list_cases(db, viewer=ACTOR)] == ["Familien Juhl (demo)", "Familien Berg (demo)"]


def test_a_database_with_meetings_opens_on_the_newest_case_s_latest_meeting(
    db: Database, meeting_id: int, other_meeting_id: int
) -> None:
    assert first_meeting_or_demo(db, viewer=ACTOR) == other_meeting_id
    assert len(s.list_cases(db, viewer=ACTOR)) == 2


def test_getting_a_meeting_gives_its_own_fields_and_current_version(db: Database, meeting_id: int) -> None:
    s.edit_meeting(db, ACTOR, meeting_id, place="Skolen")
    meeting = s.get_meeting(db, meeting_id, viewer=ACTOR)
    assert meeting == s.load_meeting(db, meeting_id, viewer=ACTOR).meeting
    assert (meeting.place, meeting.version) == ("Skolen", db.version(meeting_id))


def test_getting_an_unknown_meeting_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError):
        s.get_meeting(db, 404, viewer=ACTOR)
