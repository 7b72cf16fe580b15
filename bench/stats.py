"""The figures of `make bench`: inclusive quantiles, one JSON line per figure, and bench/results.md."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass

Figure = dict[str, object]


def quantile(values: Sequence[float], q: float) -> float:
    """The q-quantile (0..1) of `values`, inclusive (linear between order statistics): never outside min..max."""
    if not values:
        raise ValueError("no values")
    if not 0 <= q <= 1:
        raise ValueError("q must be between 0 and 1")
    ordered = sorted(values)
    position = q * (len(ordered) - 1)
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def figure(name: str, samples: Sequence[float], unit: str, load: float) -> Figure:
    """One figure: median and p95 (inclusive) of the samples, their unit, how many, and the machine's load."""
    return {"figure": name, "median": round(quantile(samples, 0.5), 1), "p95": round(quantile(samples, 0.95), 1),
            "unit": unit, "n": len(samples), "load": round(load, 2)}


def json_line(line: Figure) -> str:
    """A figure as the one JSON line `make bench` prints."""
    return json.dumps(line, ensure_ascii=False)


@dataclass(frozen=True)
class Goal:
    """A goal of issue #14 for one figure: `statistic` (median or p95) at most `limit`, in words."""

    statistic: str
    limit: float
    words: str


GOALS: dict[str, Goal] = {
    "edit_to_projector": Goal("p95", 150, "p95 ≤ 150 ms, and ≥ 5× better than naive_whole_page p95"),
    "cross_process": Goal("p95", 200, "p95 ≤ 200 ms"),
    "idle_cpu_20": Goal("median", 5, "≤ 5 % of one core"),
    "projectors_20": Goal("p95", 1000, "p95 ≤ 1 s"),
    "minute_big": Goal("median", 1000, "≤ 1 s"),
    "map200_png": Goal("median", 1000, "≤ 1 s"),
    "cold_start": Goal("median", 3000, "≤ 3 s"),
}
PAGE_GOAL = Goal("median", 100, "median ≤ 100 ms")
NAIVE_FACTOR = 5.0
# The figures of every run, in the order of the table; page_rerun:<page> lines go where "page_rerun:*" is.
EXPECTED = ("edit_to_projector", "naive_whole_page", "streamlit_floor", "cross_process", "projectors_20",
            "idle_cpu_20", "rss_per_session", "page_rerun:*", "minute_big", "map200_html", "map200_png",
            "cold_start", "machine_speed")


def goal_of(name: str) -> Goal | None:
    """The goal of a figure, if it has one (every page_rerun:<page> has the page goal)."""
    return PAGE_GOAL if name.startswith("page_rerun:") else GOALS.get(name)


def verdict(line: Figure, lines: Sequence[Figure]) -> str:
    """"met", "missed" or "" (no goal) for one figure, given all figures of the run."""
    name = str(line["figure"])
    goal = goal_of(name)
    if goal is None:
        return ""
    value = float(line[goal.statistic])  # type: ignore[arg-type]
    met = value <= goal.limit
    if name == "edit_to_projector":
        naive = next((n for n in lines if n["figure"] == "naive_whole_page"), None)
        met = met and naive is not None and float(naive["p95"]) >= NAIVE_FACTOR * value  # type: ignore[arg-type]
    return "met" if met else "missed"


def results_md(lines: Sequence[Figure], *, date: str, load: float, cores: int, machine: str,
               notes: Sequence[str] = ()) -> str:
    """bench/results.md: every figure of one run beside its goal and whether it is met; a missing one says so."""
    by_name = {str(line["figure"]): line for line in lines}
    rows = []
    for name in EXPECTED:
        if name == "page_rerun:*":
            pages = [line for line in lines if str(line["figure"]).startswith("page_rerun:")]
            if not pages:
                rows.append(f"| page_rerun:&lt;page&gt; | not measured | | | | {PAGE_GOAL.words} | not measured |")
            rows.extend(_row(line, lines) for line in pages)
        elif name in by_name:
            rows.append(_row(by_name[name], lines))
        else:
            goal = goal_of(name)
            rows.append(f"| {name} | not measured | | | | {goal.words if goal else ''} | not measured |")
    rows.extend(_row(line, lines) for line in lines
                if str(line["figure"]) not in EXPECTED and not str(line["figure"]).startswith("page_rerun:"))
    return "\n".join([
        "# `make bench` results", "",
        f"{date}, {machine}: {cores} cores, 1-minute load {load:.2f} when the run ended "
        "(each figure's own load is in its row).", "",
        "| figure | median | p95 | unit | n (load) | goal | |", "|---|---:|---:|---|---|---|---|",
        *rows, "", *notes, "" if notes else "",
    ]).rstrip("\n") + "\n"


def _row(line: Figure, lines: Sequence[Figure]) -> str:
    goal = goal_of(str(line["figure"]))
    return (f"| {line['figure']} | {line['median']} | {line['p95']} | {line['unit']} | {line['n']} "
            f"({line['load']}) | {goal.words if goal else ''} | {verdict(line, lines)} |")
