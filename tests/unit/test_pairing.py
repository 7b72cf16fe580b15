"""Projector pairing: a code or a one-time link pairs a device for a member; it shows only that meeting."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from facilitation import services as s
from facilitation.domain.access import PAIRING_LINK_VALID, Caseworker
from facilitation.domain.sessions import PAIRING_CODE_VALID, ProjectorState, ProjectorStatus, token_hash
from facilitation.domain.validation import NotFoundError, ValidationError
from facilitation.services import pairing, sessions
from facilitation.storage import Database
from facilitation.storage import tables as t
from facilitation.storage.pairing import insert_projector
from tests.conftest import ACTOR
from tests.unit.caseworkers import add_caseworker, add_member, case_of_meeting
from tests.unit.helpers import snapshot, unchanged

T0 = datetime(2026, 3, 2, 8, 30)
NOTHING = ProjectorState(ProjectorStatus.NOTHING)


@pytest.fixture
def member(db: Database, meeting_id: int) -> Caseworker:
    """The meeting's primary caseworker, signed in for the meeting."""
    line = add_caseworker(db, "Line Bech", "line@kommune.dk")
    add_member(db, case_of_meeting(db, meeting_id), line.id)
    return Caseworker(line.id, line.name, line.email, purpose="meeting")


@pytest.fixture
def stranger(db: Database, other_meeting_id: int) -> Caseworker:
    """A caseworker of another family's case, not of `meeting_id`'s."""
    omar = add_caseworker(db, "Omar Jensen", "omar@kommune.dk")
    add_member(db, case_of_meeting(db, other_meeting_id), omar.id)
    return omar


def test_an_unpaired_projector_shows_its_code_and_no_meeting(db: Database) -> None:
    device, code = pairing.start_projector(db, T0)
    assert pairing.projector_state(db, device, T0 + timedelta(minutes=1)) == ProjectorState(
        ProjectorStatus.WAITING, code=code
    )


def test_a_code_has_six_characters_none_of_them_easily_misread(db: Database) -> None:
    codes = [pairing.start_projector(db, T0)[1] for _ in range(30)]
    assert all(len(code) == 6 and not set(code) & set("0O1IL") for code in codes)
    assert len(set(codes)) == len(codes)


def test_a_member_pairs_the_projector_by_its_code(db: Database, meeting_id: int, member: Caseworker) -> None:
    device, code = pairing.start_projector(db, T0)
    pairing.pair_by_code(db, member, meeting_id, code.lower()[:3] + " " + code[3:], T0 + timedelta(minutes=1))
    assert pairing.projector_state(db, device, T0 + timedelta(minutes=2)) == ProjectorState(
        ProjectorStatus.PAIRED, meeting_id=meeting_id
    )
    assert pairing.paired_projectors(db, member, meeting_id) == 1


def test_only_the_device_showing_the_code_is_paired(db: Database, meeting_id: int, member: Caseworker) -> None:
    device, code = pairing.start_projector(db, T0)
    other_device, other_code = pairing.start_projector(db, T0)
    pairing.pair_by_code(db, member, meeting_id, code, T0)
    assert pairing.projector_state(db, other_device, T0).code == other_code


@pytest.mark.parametrize("typed", ["", "ABC", "2345678", "0OIL1X", "ZZZZZZ"])
def test_a_wrong_code_is_refused(db: Database, meeting_id: int, member: Caseworker, typed: str) -> None:
    device, code = pairing.start_projector(db, T0)
    if typed == code:
        typed = "YYYYYY"
    with unchanged(db, meeting_id), pytest.raises(ValidationError) as info:
        pairing.pair_by_code(db, member, meeting_id, typed, T0)
    assert info.value.code == "pairing_code_invalid"
    assert pairing.projector_state(db, device, T0).status is ProjectorStatus.WAITING


def test_an_expired_code_is_refused_and_the_projector_asks_for_a_fresh_one(
    db: Database, meeting_id: int, member: Caseworker
) -> None:
    device, code = pairing.start_projector(db, T0)
    late = T0 + PAIRING_CODE_VALID + timedelta(seconds=1)
    with pytest.raises(ValidationError) as info:
        pairing.pair_by_code(db, member, meeting_id, code, late)
    assert info.value.code == "pairing_code_invalid"
    assert pairing.projector_state(db, device, late) == ProjectorState(ProjectorStatus.EXPIRED)


def test_a_code_pairs_only_once(db: Database, meeting_id: int, member: Caseworker) -> None:
    _device, code = pairing.start_projector(db, T0)
    pairing.pair_by_code(db, member, meeting_id, code, T0)
    with pytest.raises(ValidationError):
        pairing.pair_by_code(db, member, meeting_id, code, T0)


def test_a_non_member_gets_the_same_not_found_as_a_missing_meeting(
    db: Database, meeting_id: int, stranger: Caseworker
) -> None:
    device, code = pairing.start_projector(db, T0)
    missing = meeting_id + 1000
    errors = []
    for target in (meeting_id, missing):
        for attempt in (
            lambda m: pairing.pair_by_code(db, stranger, m, code, T0),
            lambda m: pairing.create_pairing_link(db, stranger, m, T0),
            lambda m: pairing.unpair(db, stranger, m, T0),
            lambda m: pairing.paired_projectors(db, stranger, m),
        ):
            with unchanged(db, meeting_id), pytest.raises(NotFoundError) as info:
                attempt(target)
            errors.append((info.value.what, str(info.value).replace(str(target), "ID")))
    assert errors[:4] == errors[4:]
    assert pairing.projector_state(db, device, T0).status is ProjectorStatus.WAITING


def test_a_link_works_once(db: Database, meeting_id: int, member: Caseworker) -> None:
    link = pairing.create_pairing_link(db, member, meeting_id, T0)
    device = pairing.redeem_pairing_link(db, link, T0 + timedelta(seconds=30))
    assert device is not None
    assert pairing.projector_state(db, device, T0 + timedelta(minutes=1)) == ProjectorState(
        ProjectorStatus.PAIRED, meeting_id=meeting_id
    )
    assert pairing.redeem_pairing_link(db, link, T0 + timedelta(seconds=31)) is None


def test_the_operator_creates_a_link_for_any_meeting_but_a_missing_one(db: Database, meeting_id: int) -> None:
    link = pairing.create_pairing_link(db, "command line", meeting_id, T0)
    assert pairing.redeem_pairing_link(db, link, T0) is not None
    with pytest.raises(NotFoundError):
        pairing.create_pairing_link(db, "command line", meeting_id + 1000, T0)


def test_an_expired_link_is_refused(db: Database, meeting_id: int, member: Caseworker) -> None:
    link = pairing.create_pairing_link(db, member, meeting_id, T0)
    assert pairing.redeem_pairing_link(db, link, T0 + PAIRING_LINK_VALID + timedelta(seconds=1)) is None
    assert pairing.paired_projectors(db, member, meeting_id) == 0
    in_time = pairing.create_pairing_link(db, member, meeting_id, T0)
    assert pairing.redeem_pairing_link(db, in_time, T0 + PAIRING_LINK_VALID - timedelta(seconds=1)) is not None


@pytest.mark.parametrize("token", ["", "nonsense"])
def test_an_unknown_link_is_refused(db: Database, meeting_id: int, token: str) -> None:
    with unchanged(db, meeting_id):
        assert pairing.redeem_pairing_link(db, token, T0) is None


def test_two_browsers_opening_one_link_at_once_pair_exactly_one(
    db: Database, meeting_id: int, member: Caseworker
) -> None:
    for _round in range(5):
        link = pairing.create_pairing_link(db, member, meeting_id, T0)
        results = _redeem_at_once(db, link, browsers=4)
        assert len([r for r in results if r is not None]) == 1, results
    assert pairing.paired_projectors(db, member, meeting_id) == 5


def _redeem_at_once(db: Database, link: str, browsers: int) -> list[str | None]:
    """What each of several threads gets when all redeem the same link at the same moment."""
    start = threading.Barrier(browsers)
    results: list[str | None] = []

    def redeem() -> None:
        start.wait()
        results.append(pairing.redeem_pairing_link(db, link, T0 + timedelta(seconds=1)))

    threads = [threading.Thread(target=redeem) for _ in range(browsers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == browsers  # no thread died
    return results


def test_a_paired_projector_does_not_expire_after_twelve_hours(
    db: Database, meeting_id: int, member: Caseworker
) -> None:
    device, code = pairing.start_projector(db, T0)
    pairing.pair_by_code(db, member, meeting_id, code, T0)
    assert pairing.projector_state(db, device, T0 + timedelta(hours=12)).meeting_id == meeting_id
    assert pairing.projector_state(db, device, T0 + timedelta(days=3)).meeting_id == meeting_id


def test_an_ended_meetings_projector_shows_nothing_even_if_the_meeting_is_reopened(
    db: Database, meeting_id: int, member: Caseworker
) -> None:
    device = pairing.redeem_pairing_link(db, pairing.create_pairing_link(db, member, meeting_id, T0), T0)
    assert device is not None
    s.edit_meeting(db, ACTOR, meeting_id, status="ended")
    assert pairing.projector_state(db, device, T0) == NOTHING
    assert pairing.paired_projectors(db, member, meeting_id) == 0
    s.edit_meeting(db, ACTOR, meeting_id, status="running")
    assert pairing.projector_state(db, device, T0) == NOTHING


def test_an_ended_meeting_cannot_be_paired(db: Database, meeting_id: int, member: Caseworker) -> None:
    link = pairing.create_pairing_link(db, member, meeting_id, T0)
    _device, code = pairing.start_projector(db, T0)
    s.edit_meeting(db, ACTOR, meeting_id, status="ended")
    for attempt in (
        lambda: pairing.pair_by_code(db, member, meeting_id, code, T0),
        lambda: pairing.create_pairing_link(db, member, meeting_id, T0),
    ):
        with pytest.raises(ValidationError) as info:
            attempt()
        assert info.value.code == "meeting_ended"
    assert pairing.redeem_pairing_link(db, link, T0) is None


def test_a_deleted_meetings_projector_shows_nothing(db: Database, meeting_id: int, member: Caseworker) -> None:
    device, code = pairing.start_projector(db, T0)
    pairing.pair_by_code(db, member, meeting_id, code, T0)
    s.delete_meeting(db, ACTOR, meeting_id)
    assert pairing.projector_state(db, device, T0) == NOTHING


def test_unpairing_stops_every_projector_of_the_meeting_and_voids_its_links(
    db: Database, meeting_id: int, other_meeting_id: int, member: Caseworker
) -> None:
    devices = []
    for _ in range(2):
        device, code = pairing.start_projector(db, T0)
        pairing.pair_by_code(db, member, meeting_id, code, T0)
        devices.append(device)
    elsewhere = pairing.redeem_pairing_link(db, pairing.create_pairing_link(db, "operator", other_meeting_id, T0), T0)
    pending = pairing.create_pairing_link(db, member, meeting_id, T0)
    assert pairing.unpair(db, member, meeting_id, T0 + timedelta(minutes=1)) == 2
    assert [pairing.projector_state(db, d, T0 + timedelta(minutes=1)) for d in devices] == [NOTHING, NOTHING]
    assert pairing.paired_projectors(db, member, meeting_id) == 0
    assert pairing.redeem_pairing_link(db, pending, T0 + timedelta(minutes=1)) is None
    assert elsewhere is not None
    assert pairing.projector_state(db, elsewhere, T0).meeting_id == other_meeting_id


def test_a_projector_can_forget_its_own_pairing(db: Database, meeting_id: int, member: Caseworker) -> None:
    device, code = pairing.start_projector(db, T0)
    pairing.pair_by_code(db, member, meeting_id, code, T0)
    sessions.end_session(db, device, T0)
    assert pairing.projector_state(db, device, T0) == NOTHING


def test_a_caseworkers_token_is_no_projector(db: Database, meeting_id: int, member: Caseworker) -> None:
    token = sessions.start_session(db, member.id, "local", T0)
    assert pairing.projector_state(db, token, T0) == NOTHING


def test_pairing_and_unpairing_are_logged_without_case_text(
    db: Database, meeting_id: int, member: Caseworker
) -> None:
    _device, code = pairing.start_projector(db, T0)
    pairing.pair_by_code(db, member, meeting_id, code, T0)
    pairing.redeem_pairing_link(db, pairing.create_pairing_link(db, "command line", meeting_id, T0), T0)
    pairing.unpair(db, member, meeting_id, T0)
    with db.read() as session:
        lines = session.scalars(select(t.AccessLogRow).order_by(t.AccessLogRow.id)).all()
    case_id = case_of_meeting(db, meeting_id)
    assert [(r.kind, r.caseworker_id, r.case_id, r.meeting_id, r.purpose, r.detail) for r in lines] == [
        ("pair", member.id, case_id, meeting_id, "meeting", "code"),
        ("pair", None, case_id, meeting_id, "", "link"),
        ("unpair", member.id, case_id, meeting_id, "meeting", "2"),
    ]
    assert "Hansen" not in repr(snapshot(db)["access_log"]) and "Emil" not in repr(snapshot(db)["access_log"])


def test_a_new_device_never_shows_the_code_of_a_device_still_waiting(db: Database) -> None:
    drawn = iter(["K7M2PQ", "K7M2PQ", "K7M2PQ", "HX4R9T"])
    first = insert_projector(db, token_hash("a"), lambda: next(drawn), T0, PAIRING_CODE_VALID)
    second = insert_projector(db, token_hash("b"), lambda: next(drawn), T0, PAIRING_CODE_VALID)
    assert (first, second) == ("K7M2PQ", "HX4R9T")
    late = T0 + PAIRING_CODE_VALID + timedelta(seconds=1)
    assert insert_projector(db, token_hash("c"), lambda: "K7M2PQ", late, PAIRING_CODE_VALID) == "K7M2PQ"
