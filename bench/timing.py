"""Shared timing for the benchmark scripts."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable


def times_ms(work: Callable[[], object], runs: int) -> list[float]:
    """The wall time (ms) of each of `runs` calls of `work`."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return times


def median_seconds(work: Callable[[], object], runs: int) -> float:
    """The median wall time of `runs` calls of `work`."""
    return statistics.median(times_ms(work, runs)) / 1000


def machine_ms(runs: int = 15) -> list[float]:
    """How fast this machine is now: one fixed pure-Python workload (ms), to set runs of other days beside."""
    def work() -> None:
        rows = [{"id": i, "text": f"Aftale {i}: Mormor henter om tirsdagen æøå", "at": i * 7 % 1000}
                for i in range(20_000)]
        json.loads(json.dumps(rows))
        sorted(rows, key=lambda row: (row["at"], row["text"]))
        sum(i * i for i in range(200_000))

    return times_ms(work, runs)
