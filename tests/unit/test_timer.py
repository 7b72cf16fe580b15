"""The clock is a pure function of stored timestamps: same rows and moment, same time on every device."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from facilitation.domain.model import AgendaItem
from facilitation.domain.timer import Alert, Phase, clock_text, item_time, meeting_clock

T0 = datetime(2026, 11, 25, 13, 0, 0)


def item(item_id: int = 1, minutes: int = 10, position: int = 0, **fields: object) -> AgendaItem:
    """An agenda item as stored, with timer fields given."""
    base = AgendaItem(item_id, 1, f"Punkt {item_id}", minutes, position, None, None, "")
    return replace(base, **fields)  # type: ignore[arg-type]


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_an_item_not_started_has_used_no_time_and_is_calm() -> None:
    time = item_time(item(), at(500))
    assert (time.phase, time.elapsed_seconds, time.remaining_seconds, time.alert) == (
        Phase.NOT_STARTED, 0, 600, Alert.CALM)


def test_a_running_item_counts_from_its_start() -> None:
    time = item_time(item(started_at=T0), at(125))
    assert (time.phase, time.elapsed_seconds, time.remaining_seconds) == (Phase.RUNNING, 125, 475)


def test_the_timer_turns_amber_in_the_last_two_minutes_and_red_when_over() -> None:
    running = item(started_at=T0)
    assert item_time(running, at(479)).alert == Alert.CALM
    assert item_time(running, at(480)).alert == Alert.NEAR_END
    assert item_time(running, at(600)).alert == Alert.NEAR_END
    over = item_time(running, at(790))
    assert (over.alert, over.remaining_seconds) == (Alert.OVERRUN, -190)


def test_the_amber_warning_follows_the_configured_minutes() -> None:
    running = item(started_at=T0)
    assert item_time(running, at(240), warn_minutes=6).alert == Alert.NEAR_END
    assert item_time(running, at(590), warn_minutes=0).alert == Alert.CALM


def test_a_paused_item_stands_still_while_paused() -> None:
    paused = item(started_at=T0, paused_at=at(100))
    assert item_time(paused, at(100)).elapsed_seconds == 100
    assert item_time(paused, at(1000)).elapsed_seconds == 100
    assert item_time(paused, at(1000)).phase == Phase.PAUSED


def test_earlier_pauses_are_left_out_after_resuming() -> None:
    resumed = item(started_at=T0, paused_seconds=300)
    assert item_time(resumed, at(400)).elapsed_seconds == 100


def test_added_minutes_extend_the_plan() -> None:
    time = item_time(item(started_at=T0, extra_minutes=5), at(700))
    assert (time.planned_seconds, time.remaining_seconds, time.alert) == (900, 200, Alert.CALM)


def test_a_finished_item_keeps_its_actual_minutes_and_shows_overrun_only_if_it_ran_over() -> None:
    on_time = item_time(item(started_at=T0, ended_at=at(550)), at(5000))
    assert (on_time.phase, on_time.actual_minutes, on_time.alert) == (Phase.FINISHED, 9, Alert.CALM)
    late = item_time(item(started_at=T0, ended_at=at(750)), at(5000))
    assert (late.actual_minutes, late.alert) == (12, Alert.OVERRUN)


def test_a_restarted_server_computes_the_same_time_from_the_same_rows() -> None:
    stored = item(started_at=T0, paused_seconds=30)
    before_restart = item_time(stored, at(200))
    after_restart = item_time(replace(stored), at(200))
    assert before_restart == after_restart


def test_the_meeting_clock_finds_the_current_and_next_item_and_totals() -> None:
    agenda = [
        item(1, 10, 0, started_at=T0, ended_at=at(660)),
        item(2, 15, 1, started_at=at(660)),
        item(3, 5, 2),
    ]
    clock = meeting_clock(agenda, at(760))
    assert clock.current is not None and clock.current.item_id == 2
    assert clock.next_item_id == 3
    assert clock.planned_seconds == 30 * 60
    assert clock.elapsed_seconds == 660 + 100
    assert clock.remaining_seconds == 30 * 60 - (660 + 100)  # item 1's minute over shortens the meeting
    assert clock.started


def test_an_agenda_not_started_has_no_current_item_and_the_first_is_next() -> None:
    clock = meeting_clock([item(2, 5, 1), item(1, 5, 0)], at(0))
    assert (clock.current, clock.next_item_id, clock.started) == (None, 1, False)


def test_clock_text_shows_time_left_and_time_over() -> None:
    assert clock_text(605) == "10:05"
    assert clock_text(0) == "0:00"
    assert clock_text(-190) == "+3:10"
    assert clock_text(3725) == "1:02:05"


def test_the_meeting_time_left_includes_the_overrun_of_finished_items() -> None:
    agenda = [item(1, 10, 0, started_at=T0, ended_at=at(15 * 60)), item(2, 20, 1)]
    clock = meeting_clock(agenda, at(15 * 60))
    assert clock.overrun_seconds == 5 * 60
    assert clock.remaining_seconds == 15 * 60  # 30 planned, 15 used: the 5 minutes over are gone from the rest


def test_time_saved_on_a_short_item_is_given_back_to_the_meeting() -> None:
    clock = meeting_clock([item(1, 10, 0, started_at=T0, ended_at=at(240)), item(2, 20, 1)], at(240))
    assert (clock.overrun_seconds, clock.remaining_seconds) == (0, 30 * 60 - 240)


def test_a_meeting_that_runs_over_has_negative_time_left_and_counts_every_overrun() -> None:
    agenda = [item(1, 10, 0, started_at=T0, ended_at=at(720)), item(2, 5, 1, started_at=at(720))]
    clock = meeting_clock(agenda, at(720 + 400))
    assert clock.overrun_seconds == 120 + 100
    assert clock.remaining_seconds == -220 and clock_text(clock.remaining_seconds) == "+3:40"


def test_a_running_item_has_a_stored_deadline_that_does_not_move_between_redraws() -> None:
    running = item(minutes=10, started_at=T0, paused_seconds=30, extra_minutes=2)
    deadlines = {item_time(running, at(seconds)).deadline for seconds in (1.2, 1.7, 59.9, 400.01)}
    assert deadlines == {at(12 * 60 + 30)}


def test_only_a_running_item_has_a_deadline() -> None:
    assert item_time(item(), at(5)).deadline is None
    assert item_time(item(started_at=T0, paused_at=at(60)), at(90)).deadline is None
    assert item_time(item(started_at=T0, ended_at=at(60)), at(90)).deadline is None


def test_the_meeting_deadline_is_the_running_items_deadline_plus_the_rest_of_the_plan() -> None:
    agenda = [item(1, 10, 0, started_at=T0, ended_at=at(720)), item(2, 15, 1, started_at=at(720), paused_seconds=45),
              item(3, 5, 2)]
    clocks = [meeting_clock(agenda, at(seconds), warn_minutes=3) for seconds in (800.3, 801.9, 2000)]
    # The plan's end: 30 minutes of items from T0 (item 1's overrun comes out of the rest), moved by the pause.
    assert {c.deadline for c in clocks} == {at(30 * 60 + 45)}
    assert clocks[0].warn_minutes == 3
    assert meeting_clock([item(1, started_at=T0, paused_at=at(9))], at(20)).deadline is None
