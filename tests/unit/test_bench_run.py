"""`make bench`'s driver: helper F's page figures when bench/page_figures.py is there, and a failed part noted."""

from __future__ import annotations

import json
import sys
import types

import pytest

from bench import run as bench_run


def _stand_in(broken: str = "") -> types.ModuleType:
    """A tiny bench/page_figures.py with fixed samples (ms); `broken` names a function that raises."""
    module = types.ModuleType("bench.page_figures")

    def fixed(samples: list[float]):  # type: ignore[no-untyped-def]
        return lambda **_options: samples  # cold_start takes the port it may use

    def fails(**_options: object) -> list[float]:
        raise RuntimeError("LibreOffice is missing")

    module.page_reruns = lambda: {"board": [40.0, 50.0, 60.0], "network": [120.0, 130.0]}  # type: ignore[attr-defined]
    for name in ("minute_big", "map200_html", "map200_png", "cold_start"):
        setattr(module, name, fails if name == broken else fixed([500.0, 700.0, 900.0]))
    return module


def test_the_page_figures_are_printed_as_json_lines_when_helper_fs_module_is_there(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "bench.page_figures", _stand_in())
    run = bench_run.Run()
    bench_run.page_figures(run)
    printed = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["figure"] for line in printed] == [
        "page_rerun:board", "page_rerun:network", "minute_big", "map200_html", "map200_png", "cold_start"]
    assert printed[0] == {"figure": "page_rerun:board", "median": 50.0, "p95": 59.0, "unit": "ms", "n": 3,
                          "load": printed[0]["load"]}
    assert run.lines == printed and run.notes == []


def test_a_figure_that_fails_is_left_out_and_noted_and_the_others_still_come(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "bench.page_figures", _stand_in(broken="minute_big"))
    run = bench_run.Run()
    bench_run.page_figures(run)
    names = [line["figure"] for line in run.lines]
    assert "minute_big" not in names and "cold_start" in names
    assert run.notes == ["- minute_big: not measured (RuntimeError: LibreOffice is missing)"]
    assert "\"figure\": \"minute_big\"" not in capsys.readouterr().out


def test_page_figures_one_page_at_a_time_are_read_too(monkeypatch: pytest.MonkeyPatch) -> None:
    module = _stand_in()
    del module.page_reruns  # type: ignore[attr-defined]
    module.PAGES = ("board", "projector:map")  # type: ignore[attr-defined]
    module.page_rerun = lambda page: [10.0, 20.0] if page == "board" else [30.0]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "bench.page_figures", module)
    run = bench_run.Run()
    bench_run.page_figures(run)
    assert [(line["figure"], line["median"]) for line in run.lines[:2]] == [
        ("page_rerun:board", 15.0), ("page_rerun:projector:map", 30.0)]


def test_without_helper_fs_module_the_page_figures_are_not_measured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "bench.page_figures", None)  # None in sys.modules: the import fails
    run = bench_run.Run()
    bench_run.page_figures(run)
    assert run.lines == []
    assert run.notes and "not measured" in run.notes[0] and "page_figures.py" in run.notes[0]


def test_the_slowest_page_counts_per_edit() -> None:
    assert bench_run.slowest([[10.0, 30.0, 20.0], [5.0]]) == [30.0, 5.0]


def test_results_can_be_written_again_from_the_lines_a_run_printed() -> None:
    log = ('{"figure": "streamlit_floor", "median": 86.9, "p95": 184.6, "unit": "ms", "n": 50, "load": 20.4}\n'
           "# 2 projectors open, load 14.89\nTraceback (most recent call last):\n"
           '{"figure": "idle_cpu_20", "median": 40.0, "p95": 55.0, "unit": "%", "n": 10, "load": 30.1}\n')
    assert [line["figure"] for line in bench_run.lines_of(log)] == ["streamlit_floor", "idle_cpu_20"]
