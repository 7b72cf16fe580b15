"""`make bench`'s arithmetic and its report: inclusive quantiles, the JSON lines, bench/results.md."""

from __future__ import annotations

import json
import random
import statistics

import pytest

from bench.stats import figure, json_line, quantile, results_md, verdict


def test_the_p95_of_a_few_samples_is_never_above_the_largest() -> None:
    samples = [100.0, 120.0, 130.0, 2000.0]
    assert quantile(samples, 0.95) <= max(samples)
    assert quantile(samples, 0.95) == pytest.approx(1719.5)  # between the two largest, not past them


@pytest.mark.parametrize("seed", range(20))
def test_quantiles_agree_with_pythons_inclusive_method(seed: int) -> None:
    chance = random.Random(seed)
    samples = [chance.expovariate(1 / 300) for _ in range(chance.randint(2, 80))]
    cuts = statistics.quantiles(samples, n=20, method="inclusive")
    assert quantile(samples, 0.95) == pytest.approx(cuts[18])
    assert quantile(samples, 0.5) == pytest.approx(statistics.median(samples))
    assert min(samples) <= quantile(samples, 0.95) <= max(samples)


def test_the_ends_are_the_smallest_and_the_largest_and_one_sample_is_every_quantile() -> None:
    assert quantile([3.0, 1.0, 2.0], 0.0) == 1.0
    assert quantile([3.0, 1.0, 2.0], 1.0) == 3.0
    assert quantile([42.0], 0.95) == 42.0


def test_no_samples_or_a_quantile_outside_zero_to_one_is_refused() -> None:
    with pytest.raises(ValueError):
        quantile([], 0.5)
    with pytest.raises(ValueError):
        quantile([1.0], 1.5)


def test_a_figure_is_one_json_line_with_the_agreed_fields() -> None:
    line = json_line(figure("edit_to_projector", [100.0, 200.0, 300.0], "ms", 1.234))
    assert "\n" not in line
    assert json.loads(line) == {"figure": "edit_to_projector", "median": 200.0, "p95": 290.0, "unit": "ms",
                                "n": 3, "load": 1.23}


def _line(name: str, median: float, p95: float, unit: str = "ms") -> dict[str, object]:
    return {"figure": name, "median": median, "p95": p95, "unit": unit, "n": 50, "load": 0.5}


def test_edit_to_projector_meets_its_goal_only_if_also_five_times_better_than_the_naive_build() -> None:
    fast = _line("edit_to_projector", 60, 140)
    assert verdict(fast, [fast, _line("naive_whole_page", 900, 700)]) == "met"
    assert verdict(fast, [fast, _line("naive_whole_page", 600, 699)]) == "missed"  # 4.99x
    assert verdict(fast, [fast]) == "missed"  # no naive figure in the run: not shown to be 5x better
    slow = _line("edit_to_projector", 100, 151)
    assert verdict(slow, [slow, _line("naive_whole_page", 900, 5000)]) == "missed"


def test_goals_read_the_statistic_they_are_about() -> None:
    assert verdict(_line("page_rerun:board", 99, 400), []) == "met"  # a median goal
    assert verdict(_line("page_rerun:board", 101, 101), []) == "missed"
    assert verdict(_line("projectors_20", 2000, 1000), []) == "met"  # a p95 goal
    assert verdict(_line("idle_cpu_20", 5, 30, "%"), []) == "met"
    assert verdict(_line("rss_per_session", 3, 4, "MB"), []) == ""  # no goal


def test_results_md_has_a_row_per_figure_its_goal_and_says_what_was_not_measured() -> None:
    lines = [_line("edit_to_projector", 60, 140), _line("naive_whole_page", 900, 1100),
             _line("page_rerun:board", 40, 70), _line("page_rerun:network", 180, 250)]
    text = results_md(lines, date="2026-12-02 06:00 UTC", load=1.5, cores=2, machine="vm",
                      notes=["- cross_process: not measured (no PostgreSQL)"])
    rows = {row.split(" | ")[0].lstrip("| "): row for row in text.splitlines() if row.startswith("| ")}
    assert rows["edit_to_projector"].endswith("| met |")
    assert "p95 ≤ 150 ms" in rows["edit_to_projector"]
    assert rows["page_rerun:board"].endswith("| met |")
    assert rows["page_rerun:network"].endswith("| missed |")
    assert "not measured" in rows["cross_process"] and "not measured" in rows["cold_start"]
    assert "page_rerun:&lt;page&gt;" not in rows  # pages were measured
    assert "2 cores" in text and "load 1.50" in text and "2026-12-02" in text
    assert "- cross_process: not measured (no PostgreSQL)" in text


def test_results_md_without_any_page_figure_says_the_pages_were_not_measured() -> None:
    text = results_md([], date="d", load=0.0, cores=2, machine="vm")
    assert "| page_rerun:&lt;page&gt; | not measured |" in text
    assert text.count("not measured |") >= 12
