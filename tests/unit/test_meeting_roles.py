"""A caseworker's roles in a meeting: a set, the union of its capabilities and pages, stored per meeting."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text

from facilitation import services as s
from facilitation.domain.access import Caseworker, MemberRole
from facilitation.domain.roles import Capability, Role, can, default_roles, pages_for
from facilitation.domain.validation import NotFoundError, ValidationError
from facilitation.services import members
from facilitation.services.meeting_roles import my_roles, set_my_roles
from facilitation.storage import Database
from tests.support.accounts import caseworker

MAKKER = {Role.TIMEKEEPER, Role.MINUTE_TAKER, Role.CHAIR}


def test_the_primary_caseworker_leads_and_the_makker_keeps_time_writes_the_minutes_and_chairs() -> None:
    assert default_roles(MemberRole.PRIMARY) == {Role.FACILITATOR}
    assert default_roles(MemberRole.MAKKER) == MAKKER
    assert default_roles(None) == {Role.FACILITATOR}


def test_a_set_of_roles_may_do_what_any_of_them_may() -> None:
    assert can(MAKKER, Capability.RUN_TIMER) and can(MAKKER, Capability.TAKE_MINUTES)
    assert can(MAKKER, Capability.CURTAIN)
    assert not can(MAKKER, Capability.CHOOSE_SCREEN) and not can(MAKKER, Capability.PREPARE)
    assert not can({Role.TIMEKEEPER}, Capability.TAKE_MINUTES)
    assert not can(set(), Capability.RUN_TIMER)
    assert not can({"intruder"}, Capability.RUN_TIMER)
    assert can({"intruder", "timekeeper"}, Capability.RUN_TIMER)


def test_the_pages_of_a_set_are_the_union_with_the_most_important_roles_main_page_first() -> None:
    pages = pages_for(MAKKER)
    assert pages[0] == "minutes"  # the minute-taker's console: more than the timekeeper's agenda
    assert set(pages) == set(pages_for("timekeeper")) | set(pages_for("minute_taker")) | set(pages_for("chair"))
    assert len(pages) == len(set(pages))
    assert pages_for({Role.CHAIR, Role.TIMEKEEPER})[0] == "agenda"
    assert pages_for({Role.CHAIR, Role.FACILITATOR}) == pages_for("facilitator")
    assert pages_for(frozenset()) == ("projector",)


@pytest.fixture
def line(db: Database) -> Caseworker:
    """The case's primary caseworker."""
    return caseworker(db, "Line Bech", "line@kommune.invalid")


@pytest.fixture
def nadia(db: Database) -> Caseworker:
    """Line's makker."""
    return caseworker(db, "Nadia Ebbesen", "nadia@kommune.invalid")


@pytest.fixture
def mid(db: Database, line: Caseworker, nadia: Caseworker) -> int:
    """A meeting of Line's case, Nadia its makker."""
    case_id = s.create_case(db, line, "Familien Hansen", "Emil", "assessment")
    members.add_member(db, line, case_id, nadia.id, MemberRole.MAKKER.value)
    return s.create_meeting(db, line, case_id, "start", date(2026, 3, 2), with_default_agenda=False)


def test_without_a_choice_each_caseworker_has_the_default_of_their_membership(
    db: Database, line: Caseworker, nadia: Caseworker, mid: int
) -> None:
    assert my_roles(db, line, mid) == {Role.FACILITATOR}
    assert my_roles(db, nadia, mid) == MAKKER


def test_chosen_roles_are_stored_per_caseworker_and_meeting(
    db: Database, line: Caseworker, nadia: Caseworker, mid: int
) -> None:
    version = db.version(mid)
    assert set_my_roles(db, nadia, mid, ["minute_taker", "timekeeper"]) == {Role.MINUTE_TAKER, Role.TIMEKEEPER}
    assert my_roles(db, nadia, mid) == {Role.MINUTE_TAKER, Role.TIMEKEEPER}
    assert my_roles(db, line, mid) == {Role.FACILITATOR}  # Line's own are untouched
    set_my_roles(db, nadia, mid, [Role.CHAIR])
    assert my_roles(db, nadia, mid) == {Role.CHAIR}  # replaced, not added to
    assert db.version(mid) == version  # device state: other devices do not redraw for it
    other = s.create_meeting(db, line, s.get_meeting(db, mid, viewer=line).case_id, "follow_up", date(2026, 4, 2),
                             with_default_agenda=False)
    assert my_roles(db, nadia, other) == MAKKER  # another meeting starts from the default


@pytest.mark.parametrize("roles", [[], ["boss"], ["chair", "boss"], [None]])
def test_no_role_or_an_unknown_one_is_refused_and_nothing_changes(
    db: Database, nadia: Caseworker, mid: int, roles: list[object]
) -> None:
    set_my_roles(db, nadia, mid, ["chair"])
    with pytest.raises(ValidationError) as raised:
        set_my_roles(db, nadia, mid, roles)
    assert raised.value.code in ("no_role", "invalid_choice")
    assert my_roles(db, nadia, mid) == {Role.CHAIR}


def test_a_caseworker_outside_the_case_neither_reads_nor_sets_roles(db: Database, mid: int) -> None:
    stranger = caseworker(db, "Ole Sand", "ole@kommune.invalid")
    with pytest.raises(NotFoundError):
        my_roles(db, stranger, mid)
    with pytest.raises(NotFoundError):
        set_my_roles(db, stranger, mid, ["facilitator"])
    with pytest.raises(NotFoundError):
        my_roles(db, stranger, 987_654)


def test_the_roles_go_with_a_deleted_meeting(db: Database, line: Caseworker, nadia: Caseworker, mid: int) -> None:
    set_my_roles(db, nadia, mid, ["chair"])
    s.delete_meeting(db, line, mid)
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM device_roles")).scalar() == 0
