"""Role rules, the projector's state and decisions."""

from __future__ import annotations

import pytest

from facilitation import services as s
from facilitation.domain.roles import Capability, Role, Screen, can, pages_for
from facilitation.storage import Database
from tests.conftest import ACTOR
from tests.unit.helpers import not_found, refused


def test_the_facilitator_may_do_everything_and_sees_every_page() -> None:
    assert all(can("facilitator", capability) for capability in Capability)
    assert {"meeting", "board", "minutes", "projector"} <= set(pages_for("facilitator"))


def test_the_timekeeper_runs_the_timer_but_does_not_take_minutes_or_choose_the_screen() -> None:
    assert can("timekeeper", Capability.RUN_TIMER)
    assert not can("timekeeper", Capability.TAKE_MINUTES)
    assert not can("timekeeper", Capability.CHOOSE_SCREEN)
    assert pages_for("timekeeper")[0] == "agenda"


def test_the_minute_taker_takes_minutes_and_may_close_the_curtain_but_not_run_the_timer() -> None:
    assert can("minute_taker", Capability.TAKE_MINUTES) and can("minute_taker", Capability.CURTAIN)
    assert not can("minute_taker", Capability.RUN_TIMER)
    assert pages_for("minute_taker")[0] == "minutes"


def test_every_role_can_open_the_projector_and_an_unknown_role_only_that() -> None:
    assert all("projector" in pages_for(role) for role in Role)
    assert pages_for("intruder") == ("projector",)
    assert not any(can("intruder", capability) for capability in Capability)


def test_the_screen_and_curtain_are_stored_and_bump_the_version(db: Database, meeting_id: int) -> None:
    version = db.version(meeting_id)
    s.set_screen(db, ACTOR, meeting_id, Screen.BOARD)
    s.set_curtain(db, ACTOR, meeting_id, True)
    meeting = s.get_meeting(db, meeting_id, viewer=ACTOR)
    assert (meeting.screen, meeting.curtain) == ("board", True)
    assert db.version(meeting_id) == version + 2  # type: ignore[operator]


def test_an_unknown_screen_is_refused(db: Database, meeting_id: int) -> None:
    with refused(db, "invalid_choice", meeting_id, field="screen"):
        s.set_screen(db, ACTOR, meeting_id, "secret-files")


@pytest.mark.parametrize("minutes", [-1, 31, "to"])
def test_the_amber_warning_must_be_0_to_30_minutes(db: Database, meeting_id: int, minutes: object) -> None:
    with pytest.raises(Exception) as info:
        s.set_warn_minutes(db, ACTOR, meeting_id, minutes)  # type: ignore[arg-type]
    assert getattr(info.value, "code", None) in {"out_of_range", "not_a_number"}


def test_decisions_are_added_edited_and_removed(db: Database, meeting_id: int) -> None:
    first = s.add_decision(db, ACTOR, meeting_id, "Alma bor hjemme, med mormor som fast voksen")
    s.add_decision(db, ACTOR, meeting_id, "Næste møde om seks uger")
    s.edit_decision(db, ACTOR, meeting_id, first, "Alma bor hjemme")
    decisions = s.load_meeting(db, meeting_id, viewer=ACTOR).decisions
    assert [d.text for d in decisions] == ["Alma bor hjemme", "Næste møde om seks uger"]
    s.remove_decision(db, ACTOR, meeting_id, first)
    assert [d.position for d in s.load_meeting(db, meeting_id, viewer=ACTOR).decisions] == [0]


def test_a_decision_under_another_meetings_item_is_refused(
    db: Database, meeting_id: int, other_meeting_id: int
) -> None:
    foreign = s.add_agenda_item(db, ACTOR, other_meeting_id, "Andet møde", 5)
    with not_found(db, meeting_id, other_meeting_id):
        s.add_decision(db, ACTOR, meeting_id, "Forkert møde", agenda_item_id=foreign)
