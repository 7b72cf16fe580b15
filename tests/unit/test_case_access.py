"""Access per case: a caseworker reaches only their own cases; any other is as missing as a deleted id."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import text

from facilitation import services as s
from facilitation.domain.access import Caseworker, MemberRole
from facilitation.domain.validation import NotFoundError, ValidationError
from facilitation.services import access, accounts, members
from facilitation.services.export_data import gather_minute
from facilitation.storage import Database
from facilitation.storage.backup import dumps_meeting
from tests.conftest import ACTOR
from tests.support.accounts import caseworker

MISSING = 987_654


@pytest.fixture
def line(db: Database) -> Caseworker:
    """The caseworker whose case it is."""
    return caseworker(db, "Line Bech", "line@kommune.invalid")


@pytest.fixture
def other(db: Database) -> Caseworker:
    """A second caseworker, of another case."""
    return caseworker(db, "Ole Sand", "ole@kommune.invalid")


@pytest.fixture
def case_id(db: Database, line: Caseworker) -> int:
    """Line's case, with one scored meeting."""
    return s.create_case(db, line, "Familien Hansen", "Emil", "assessment")


@pytest.fixture
def mid(db: Database, line: Caseworker, case_id: int) -> int:
    """A meeting of Line's case, with a person, a score and a drawing."""
    meeting = s.create_meeting(db, line, case_id, "start", date(2026, 3, 2), with_default_agenda=False)
    person = s.add_participant(db, line, meeting, "Sanne", relation="Mor", sector="family", ring=1,
                               group="family", attendance="present")
    s.record_score(db, line, meeting, person, 6, "")
    s.create_drawing(db, line, meeting, "Tavlen")
    return meeting


def refusal(call: Callable[[], Any]) -> tuple[str, object]:
    """What a refused call raised: the NotFoundError's kind and id."""
    with pytest.raises(NotFoundError) as raised:
        call()
    return raised.value.what, raised.value.ident


def test_a_caseworker_who_creates_a_case_becomes_its_primary_member(
    db: Database, line: Caseworker, case_id: int
) -> None:
    (member,) = members.members_of(db, case_id, viewer=line)
    assert (member.caseworker.id, member.role) == (line.id, MemberRole.PRIMARY)


def test_a_caseworker_lists_only_their_own_cases_and_the_operator_lists_all(
    db: Database, line: Caseworker, other: Caseworker, case_id: int, mid: int
) -> None:
    others = s.create_case(db, other, "Familien Østergaard", "Freja", "compensation")
    assert [c.id for c in s.list_cases(db, viewer=line)] == [case_id]
    assert [c.id for c in s.list_cases(db, viewer=other)] == [others]
    assert [c.id for c in s.list_cases(db, viewer=ACTOR)] == [others, case_id]
    assert s.list_meetings(db, case_id, viewer=other) == s.list_meetings(db, MISSING, viewer=other) == []
    assert [m.id for m in s.list_meetings(db, case_id, viewer=line)] == [mid]


def test_another_caseworker_cannot_open_export_or_read_the_scores_of_a_case_that_is_not_theirs(
    db: Database, other: Caseworker, case_id: int, mid: int
) -> None:
    drawing = s.list_drawings(db, mid, viewer=ACTOR)[0].id
    reads: dict[str, Callable[[int, int], Any]] = {
        "get_meeting": lambda meeting, case: s.get_meeting(db, meeting, viewer=other),
        "load_meeting": lambda meeting, case: s.load_meeting(db, meeting, viewer=other),
        "open_meeting": lambda meeting, case: access.open_meeting(db, other, meeting),
        "log_export": lambda meeting, case: access.log_export(db, other, meeting, "minute_docx"),
        "gather_minute": lambda meeting, case: gather_minute(db, meeting, viewer=other),
        "dump": lambda meeting, case: dumps_meeting(db, meeting, viewer=other),
        "score_history": lambda meeting, case: s.score_history(db, case, viewer=other),
        "members_of": lambda meeting, case: members.members_of(db, case, viewer=other),
        "case_log": lambda meeting, case: access.case_log(db, other, case),
        "drawing_png": lambda meeting, case: s.drawing_png(db, meeting, drawing, viewer=other),
    }
    for name, read in reads.items():
        theirs = refusal(lambda read=read: read(mid, case_id))
        missing = refusal(lambda read=read: read(MISSING, MISSING))
        what = {"drawing_png": "drawings"}.get(name, "case" if name in ("score_history", "members_of", "case_log")
                                             else "meeting")
        assert theirs[0] == missing[0] == what, name
        assert theirs[1] in (mid, case_id, drawing), name
    assert s.list_drawings(db, mid, viewer=other) == [] and s.latest_drawing(db, mid, viewer=other) is None
    assert s.drawing_revision(db, mid, drawing, viewer=other) is None
    assert not s.meeting_exists(db, mid, viewer=other) and not s.meeting_exists(db, MISSING, viewer=other)


def test_another_caseworker_cannot_change_a_case_that_is_not_theirs(
    db: Database, other: Caseworker, case_id: int, mid: int
) -> None:
    before = dumps_meeting(db, mid, viewer=ACTOR)
    writes: list[Callable[[], Any]] = [
        lambda: s.add_board_item(db, other, mid, "worry", "Ikke min sag"),
        lambda: s.edit_meeting(db, other, mid, place="Andetsteds"),
        lambda: s.set_role(db, other, mid, "facilitator", "Ole Sand"),
        lambda: s.set_curtain(db, other, mid, True),
        lambda: s.rename_drawing(db, other, mid, s.list_drawings(db, mid, viewer=ACTOR)[0].id, "Min"),
        lambda: s.edit_case(db, other, case_id, family_name="Familien Ole"),
        lambda: s.create_meeting(db, other, case_id, "follow_up", date(2026, 4, 1)),
        lambda: s.plan_meeting(db, other, case_id, "follow_up", date(2026, 4, 1)),
        lambda: s.delete_meeting(db, other, mid),
        lambda: s.delete_case(db, other, case_id),
        lambda: members.add_member(db, other, case_id, other.id, "makker"),
    ]
    for write in writes:
        with pytest.raises(NotFoundError):
            write()
    assert dumps_meeting(db, mid, viewer=ACTOR) == before
    assert [m.caseworker.id for m in members.members_of(db, case_id, viewer=ACTOR)] != [other.id]


def test_copying_from_a_meeting_of_another_caseworkers_case_is_refused_as_missing(
    db: Database, line: Caseworker, other: Caseworker, mid: int
) -> None:
    theirs = s.create_case(db, other, "Familien Østergaard", "Freja", "compensation")
    target = s.create_meeting(db, other, theirs, "start", date(2026, 3, 9), with_default_agenda=False)
    assert refusal(lambda: s.copy_network_forward(db, other, mid, target)) == ("meeting", mid)
    assert refusal(lambda: s.carry_forward(db, other, mid, target)) == ("meeting", mid)
    assert s.load_meeting(db, target, viewer=ACTOR).participants == ()


def test_a_member_reads_and_changes_their_own_case(db: Database, line: Caseworker, case_id: int, mid: int) -> None:
    s.add_board_item(db, line, mid, "worry", "Aftnerne")
    later = s.plan_meeting(db, line, case_id, "follow_up", date(2026, 4, 13))
    assert [p.name for p in s.load_meeting(db, later, viewer=line).participants] == ["Sanne"]
    assert [r.meeting_id for r in s.score_history(db, case_id, viewer=line)] == [mid]
    assert gather_minute(db, mid, viewer=line).record.board[0].text == "Aftnerne"
    assert s.meeting_exists(db, mid, viewer=line)
    with db.engine.connect() as connection:
        editor = connection.execute(text("SELECT updated_by FROM meetings WHERE id = :m"), {"m": mid}).scalar()
    assert editor == "Line Bech"


def test_a_makker_added_by_a_member_gets_access_and_loses_it_when_removed(
    db: Database, line: Caseworker, other: Caseworker, case_id: int, mid: int
) -> None:
    members.add_member(db, line, case_id, other.id, "makker")
    assert s.load_meeting(db, mid, viewer=other).case.id == case_id
    assert [(m.caseworker.name, m.role) for m in members.members_of(db, case_id, viewer=other)] == [
        ("Line Bech", "primary"), ("Ole Sand", "makker"),
    ]
    members.remove_member(db, other, case_id, line.id)  # a member may take another member off
    assert refusal(lambda: s.load_meeting(db, mid, viewer=line)) == ("meeting", mid)
    assert [c.id for c in s.list_cases(db, viewer=other)] == [case_id]


def test_the_last_member_of_a_case_cannot_be_removed(db: Database, line: Caseworker, case_id: int) -> None:
    with pytest.raises(ValidationError) as refused:
        members.remove_member(db, line, case_id, line.id)
    assert refused.value.code == "last_member"
    with pytest.raises(ValidationError):
        members.remove_member(db, ACTOR, case_id, line.id)
    assert len(members.members_of(db, case_id, viewer=line)) == 1


def test_the_operator_may_do_everything_and_add_members(
    db: Database, other: Caseworker, case_id: int, mid: int
) -> None:
    s.add_board_item(db, ACTOR, mid, "worry", "Drift")
    members.add_member(db, ACTOR, case_id, other.id, "primary")
    assert s.load_meeting(db, mid, viewer=other).board[0].text == "Drift"
    with pytest.raises(NotFoundError):
        members.add_member(db, ACTOR, case_id, MISSING, "makker")
    with pytest.raises(ValidationError):
        members.add_member(db, ACTOR, case_id, other.id, "boss")


def test_a_disabled_caseworker_reaches_no_case_even_in_a_session_still_open(
    db: Database, line: Caseworker, case_id: int, mid: int
) -> None:
    accounts.disable_account(db, line.id)
    assert s.list_cases(db, viewer=line) == []
    assert refusal(lambda: s.load_meeting(db, mid, viewer=line)) == ("meeting", mid)
    assert refusal(lambda: s.add_board_item(db, line, mid, "worry", "x")) == ("meeting", mid)
