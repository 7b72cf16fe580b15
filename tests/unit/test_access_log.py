"""The access log: each opening, edit, export, deletion and member change, with its purpose; never case content."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import text

from facilitation import services as s
from facilitation.domain.access import LOG_KEPT, AccessEvent, AccessKind, Caseworker, Purpose
from facilitation.domain.validation import NotFoundError, ValidationError
from facilitation.services import access, accounts, members
from facilitation.storage import Database, open_database
from facilitation.storage.access_log import all_lines
from tests.conftest import ACTOR
from tests.support.accounts import caseworker, cheap_passwords

NOW = datetime(2026, 3, 2, 9, 0)
FAMILY, CHILD, NOTE, PERSON = "Familien Kragholm", "Vilfred", "Mor drikker om aftenen", "Birthe Kragholm"


@pytest.fixture
def line(db: Database) -> Caseworker:
    """The case's caseworker, preparing a meeting."""
    return caseworker(db, "Line Bech", "line@kommune.invalid", purpose=Purpose.PREPARATION)


@pytest.fixture
def case_id(db: Database, line: Caseworker) -> int:
    """Line's case."""
    return s.create_case(db, line, FAMILY, CHILD, "assessment")


@pytest.fixture
def mid(db: Database, line: Caseworker, case_id: int) -> int:
    """A meeting of Line's case."""
    return s.create_meeting(db, line, case_id, "start", date(2026, 3, 2), with_default_agenda=False)


@pytest.fixture
def _cheap() -> Iterator[None]:
    with cheap_passwords():
        yield


def kinds(db: Database, case_id: int) -> list[tuple[AccessKind, str]]:
    """The case's log, oldest first, as (kind, purpose)."""
    return [(e.kind, e.purpose) for e in reversed(access.case_log(db, ACTOR, case_id))]


def test_opening_a_meeting_writes_one_view_line_with_the_purpose(
    db: Database, line: Caseworker, case_id: int, mid: int
) -> None:
    record = access.open_meeting(db, line, mid, now=NOW)
    assert record.case.family_name == FAMILY
    (view,) = [e for e in access.case_log(db, line, case_id) if e.kind == AccessKind.VIEW]
    assert view == AccessEvent(NOW, line.id, case_id, mid, AccessKind.VIEW, "preparation", "", "Line Bech")


def test_each_edit_by_a_caseworker_writes_one_edit_line_in_its_own_transaction(
    db: Database, line: Caseworker, case_id: int, mid: int
) -> None:
    before = len(access.case_log(db, line, case_id))
    s.add_board_item(db, line, mid, "worry", NOTE)
    s.set_curtain(db, line, mid, True)
    with pytest.raises(NotFoundError):
        s.remove_board_item(db, line, mid, 404)  # refused inside the edit: its line is rolled back with it
    lines = access.case_log(db, line, case_id)
    assert [(e.kind, e.purpose, e.meeting_id) for e in lines[: len(lines) - before]] == [
        (AccessKind.EDIT, "preparation", mid)
    ] * 2


def test_the_operators_everyday_edits_are_not_logged(db: Database, case_id: int, mid: int) -> None:
    before = all_lines(db)
    s.add_board_item(db, ACTOR, mid, "worry", NOTE)
    assert all_lines(db) == before


def test_an_export_is_logged_with_what_was_downloaded(db: Database, line: Caseworker, case_id: int, mid: int) -> None:
    access.log_export(db, line, mid, "minute_docx")
    access.log_export(db, line, mid, "meeting_json", kind=AccessKind.DUMP)
    assert [(e.kind, e.detail) for e in access.case_log(db, line, case_id)[:2]] == [
        (AccessKind.DUMP, "meeting_json"), (AccessKind.EXPORT, "minute_docx"),
    ]
    with pytest.raises(ValidationError):
        access.log_export(db, line, mid, "Referat for Familien Kragholm")  # a code, never text


def test_the_log_records_every_kind_of_access_and_holds_no_case_text(
    db: Database, _cheap: None
) -> None:
    accounts.create_account(db, "Line Bech", "line@kommune.invalid", "hemmeligt kodeord")
    accounts.authenticate(db, "line@kommune.invalid", "forkert kodeord", NOW)
    signed_in = accounts.authenticate(db, "line@kommune.invalid", "hemmeligt kodeord", NOW)
    assert signed_in is not None
    line = Caseworker(signed_in.id, signed_in.name, signed_in.email, purpose=Purpose.MEETING.value)
    ole = caseworker(db, "Ole Sand", "ole@kommune.invalid", purpose=Purpose.HANDOVER)
    case_id = s.create_case(db, line, FAMILY, CHILD, "assessment")
    mid = s.create_meeting(db, line, case_id, "start", date(2026, 3, 2))
    access.open_meeting(db, line, mid)
    person = s.add_participant(db, line, mid, PERSON, relation="Mormor", sector="family", ring=1,
                               group="family", attendance="present")
    s.add_board_item(db, line, mid, "worry", NOTE, said_by=PERSON)
    s.save_note(db, line, mid, s.load_meeting(db, mid, viewer=line).agenda[0].id, NOTE)
    s.record_score(db, line, mid, person, 4, NOTE)
    access.log_export(db, line, mid, "minute_docx")
    members.add_member(db, line, case_id, ole.id, "makker")
    access.open_meeting(db, ole, mid)
    members.remove_member(db, ole, case_id, line.id)
    for _ in range(5):
        accounts.authenticate(db, "line@kommune.invalid", "forkert kodeord", NOW)
    s.delete_case(db, ole, case_id)

    seen = {(e.kind, e.purpose) for e in all_lines(db)}
    assert {
        (AccessKind.SIGN_IN, ""), (AccessKind.SIGN_IN_FAILED, ""), (AccessKind.LOCKED, ""),
        (AccessKind.VIEW, "meeting"), (AccessKind.VIEW, "handover"), (AccessKind.EDIT, "meeting"),
        (AccessKind.EXPORT, "meeting"), (AccessKind.MEMBER_ADDED, "meeting"), (AccessKind.MEMBER_REMOVED, "handover"),
        (AccessKind.DELETE, "handover"),
    } <= seen
    with db.engine.connect() as connection:
        cells = [str(cell) for row in connection.execute(text("SELECT * FROM access_log")) for cell in row]
    for secret in (FAMILY, CHILD, NOTE, PERSON, "Mormor", "line@kommune.invalid", "kodeord", "Kragholm"):
        assert not any(secret.lower() in cell.lower() for cell in cells), secret


def test_deleting_a_case_removes_all_its_rows_and_keeps_only_who_deleted_it_and_when(
    db: Database, line: Caseworker, case_id: int, mid: int, other_meeting_id: int
) -> None:
    s.add_board_item(db, line, mid, "worry", NOTE)
    s.create_drawing(db, line, mid, "Tavlen")
    s.delete_case(db, line, case_id)
    with db.engine.connect() as connection:
        for table in ("meetings", "board_items", "drawings", "participants", "agenda_items"):
            count = connection.execute(text(  # every case table hangs off a meeting of the case
                f"SELECT count(*) FROM {table} WHERE {'id' if table == 'meetings' else 'meeting_id'} = :m"), {"m": mid}
            ).scalar()
            assert count == 0, table
        assert connection.execute(text("SELECT count(*) FROM cases WHERE id = :c"), {"c": case_id}).scalar() == 0
        assert connection.execute(text("SELECT count(*) FROM case_members WHERE case_id = :c"),
                                  {"c": case_id}).scalar() == 0
    newest = access.case_log(db, ACTOR, case_id)[0]
    assert (newest.kind, newest.caseworker_id, newest.who) == (AccessKind.DELETE, line.id, "Line Bech")
    assert s.load_meeting(db, other_meeting_id, viewer=ACTOR).meeting.id == other_meeting_id
    with pytest.raises(NotFoundError):
        access.case_log(db, line, case_id)  # the case is gone for its members too


def test_a_cases_log_is_for_its_members_only_newest_first(
    db: Database, line: Caseworker, case_id: int, mid: int
) -> None:
    ole = caseworker(db, "Ole Sand", "ole@kommune.invalid")
    access.open_meeting(db, line, mid, now=NOW)
    access.open_meeting(db, line, mid, now=NOW + timedelta(hours=1))
    at = [e.at for e in access.case_log(db, line, case_id)]
    assert at == sorted(at, reverse=True)
    with pytest.raises(NotFoundError):
        access.case_log(db, ole, case_id)


def test_purging_keeps_six_months_of_the_log(db: Database, line: Caseworker, case_id: int, mid: int) -> None:
    for age in (LOG_KEPT + timedelta(days=1), LOG_KEPT + timedelta(seconds=1), LOG_KEPT - timedelta(days=1)):
        access.open_meeting(db, line, mid, now=NOW - age)
    kept = len(all_lines(db)) - 2
    assert access.purge_log(db, NOW) == 2
    assert len(all_lines(db)) == kept
    assert access.purge_log(db, NOW) == 0


def test_opening_the_database_purges_the_old_log(db: Database, line: Caseworker, mid: int) -> None:
    access.open_meeting(db, line, mid, now=datetime(2000, 1, 1))
    open_database(db.url).dispose()
    assert all(e.at.year > 2000 for e in all_lines(db))
