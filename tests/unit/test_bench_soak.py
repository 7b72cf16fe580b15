"""The memory soak's arithmetic and report (bench/soak.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.soak import from_log, report, slope_per_hour


def test_the_slope_is_in_mb_per_hour_from_samples_a_minute_apart() -> None:
    assert slope_per_hour([(0.0, 100.0), (1.0, 101.0), (2.0, 102.0)]) == pytest.approx(60.0)
    assert slope_per_hour([(m, 150.0) for m in range(60)]) == 0.0
    assert slope_per_hour([(0.0, 100.0), (1.0, 90.0)]) == pytest.approx(-600.0)


def test_too_few_samples_have_no_slope() -> None:
    assert slope_per_hour([]) == 0.0
    assert slope_per_hour([(3.0, 120.0)]) == 0.0


def test_warm_up_growth_does_not_count_in_the_headline_slope() -> None:
    samples = [(0.0, 100.0), (1.0, 110.0), (2.0, 120.0), *((float(m), 130.0) for m in range(5, 61))]
    text = report(samples, 900, 60, "polling")
    assert "slope after the first 5 minutes: **+0.0 MB/hour**" in text
    assert "slope over all samples: +" in text and "+0.0 MB/hour" not in text.split("over all samples")[1][:20]
    assert "| 60.0 | 130.0 |" in text and "polling" in text and "900 edits" in text


def test_the_report_can_be_written_again_from_the_lines_a_run_printed(tmp_path: Path) -> None:
    log = tmp_path / "soak.log"
    log.write_text('{"minute": 0.0, "rss_mb": 150.5, "edits": 0, "load": 1.0}\nTraceback? no\n'
                   '{"minute": 1.01, "rss_mb": 151.0, "edits": 15, "load": 0.9}\n'
                   '{"figure": "soak_rss_slope", "median": 1.0, "unit": "MB/hour", "n": 2, "load": 0.9}\n',
                   encoding="utf-8")
    assert from_log(log) == ([(0.0, 150.5), (1.01, 151.0)], 15)
