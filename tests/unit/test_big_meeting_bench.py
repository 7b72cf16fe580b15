"""The big-meeting benchmark's own parts: its generator adds what it says, its quantiles stay inside the data."""

from __future__ import annotations

from pathlib import Path

from bench.big_meeting import DB_NAME, build_data_dir
from bench.big_meeting_bench import figure, quantile95
from facilitation import services
from facilitation.demo import DEMO_ACTOR
from facilitation.storage import Database


def test_the_95th_percentile_is_inclusive_and_never_above_the_largest_time() -> None:
    times = [0.1, 0.2, 0.3, 0.4, 10.0]
    assert quantile95(times) <= max(times)
    assert quantile95([0.5]) == 0.5
    line = figure("page_rerun:board", "demo", times, first=1.0)
    assert (line["median"], line["max"], line["first"], line["n"], line["unit"]) == (300.0, 10_000.0, 1_000.0, 5, "ms")
    assert isinstance(line["load"], float)


def test_the_generator_adds_the_people_and_notes_to_the_demo_meeting(migrated_template: Path, tmp_path: Path) -> None:
    small = build_data_dir(tmp_path / "small", 0, 0, template=migrated_template)
    big = build_data_dir(tmp_path / "big", 7, 11, template=migrated_template)
    records = []
    for folder, meeting in (("small", small), ("big", big)):
        db = Database(f"sqlite:///{tmp_path / folder / DB_NAME}")
        try:
            records.append(services.load_meeting(db, meeting, viewer=DEMO_ACTOR))
        finally:
            db.dispose()
    demo, enlarged = records
    assert len(enlarged.participants) == len(demo.participants) + 7
    assert len(enlarged.board) == len(demo.board) + 11
    assert len(enlarged.scores) == len(demo.scores) + 7
