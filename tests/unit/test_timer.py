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
    assert clock.remaining_seconds == (900 - 100) + 300
    assert clock.started


def test_an_agenda_not_started_has_no_current_item_and_the_first_is_next() -> None:
    clock = meeting_clock([item(2, 5, 1), item(1, 5, 0)], at(0))
    assert (clock.current, clock.next_item_id, clock.started) == (None, 1, False)


def test_clock_text_shows_time_left_and_time_over() -> None:
    assert clock_text(605) == "10:05"
    assert clock_text(0) == "0:00"
    assert clock_text(-190) == "+3:10"
    assert clock_text(3725) == "1:02:05"
