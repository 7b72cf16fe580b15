"""Memory soak: `python -m bench.soak [--minutes 60]`: prints RSS samples and the slope, writes bench/soak.md.

A real `streamlit run` on a fresh data folder holding the big meeting, one paired projector (on the
actions screen) and one signed-in laptop page open in Chromium, and an edit by another device every
few seconds (a random 2-6 s apart); the server's resident memory is sampled once a minute. The slope
is a least-squares line through the samples after the first WARMUP_MINUTES (imports, caches filling),
in MB per hour; the line through all of them is printed beside it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from playwright.sync_api import sync_playwright

from bench import live
from facilitation.storage import open_database

WARMUP_MINUTES = 5
OUT = Path(__file__).resolve().parent / "soak.md"


def slope_per_hour(samples: Sequence[tuple[float, float]]) -> float:
    """The least-squares slope of (minutes, MB) samples, in MB per hour (0 for fewer than two)."""
    if len(samples) < 2:
        return 0.0
    xs, ys = [x for x, _ in samples], [y for _, y in samples]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    if spread == 0:
        return 0.0
    return 60 * sum((x - mean_x) * (y - mean_y) for x, y in samples) / spread


def report(samples: Sequence[tuple[float, float]], edits: int, minutes: float, mechanism: str) -> str:
    """bench/soak.md: what ran, the samples, and the slopes."""
    after = [(x, y) for x, y in samples if x >= WARMUP_MINUTES]
    lines = [
        "# Memory soak (bench/soak.py)", "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.node()} ({_cores()} cores), "
        f"{minutes:g} minutes, {edits} edits by another device (a random 2-6 s apart), one paired projector "
        "(actions screen) and one signed-in laptop page (the meeting page) open in headless Chromium, "
        f"the big meeting ({big_meeting_size()}). How the pages followed the edits: {mechanism}.", "",
        f"- slope after the first {WARMUP_MINUTES} minutes: **{slope_per_hour(after):+.1f} MB/hour**",
        f"- slope over the second half (from minute {minutes / 2:g}): "
        f"{slope_per_hour([(x, y) for x, y in samples if x >= minutes / 2]):+.1f} MB/hour",
        f"- slope over all samples: {slope_per_hour(samples):+.1f} MB/hour",
        f"- RSS first / last / max: {samples[0][1]:.1f} / {samples[-1][1]:.1f} / {max(y for _, y in samples):.1f} MB",
        "", "| minute | RSS (MB) |", "|---:|---:|",
        *(f"| {x:.1f} | {y:.1f} |" for x, y in samples), "",
    ]
    return "\n".join(lines)


def big_meeting_size() -> str:
    """The big meeting in words."""
    people, items, actions = live.BIG
    return f"demo meeting + {people} people, {items} board items, {actions} actions"


def _cores() -> int:
    return os.cpu_count() or 1


def run(minutes: float, port: int, mechanism: str, out: Path = OUT) -> list[tuple[float, float]]:
    """The soak itself; the (minute, RSS MB) samples, also printed as JSON lines and written to `out`."""
    data = Path(tempfile.mkdtemp(prefix="moedetavlen-soak-"))
    db = open_database(f"sqlite:///{data / 'moedetavlen.sqlite3'}")
    meeting_id = live.build_big(db)
    action_id = live.first_action(db, meeting_id)
    commit = live.edit_action_text(db, meeting_id, action_id)
    chance = random.Random(60)
    samples: list[tuple[float, float]] = []
    edits = 0
    with live.server(data, port) as process, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=live.CHROMIUM, args=live.CHROMIUM_ARGS)
        url = f"http://127.0.0.1:{port}"
        projector = live.open_projector(browser, url, db, meeting_id)
        live.open_laptop(browser, url, db, meeting_id)
        start = time.monotonic()
        next_sample = start
        while True:
            now = time.monotonic()
            if now >= next_sample:
                sample = (round((now - start) / 60, 2), round(live.rss_mb(process.pid), 1))
                samples.append(sample)
                print(json.dumps({"minute": sample[0], "rss_mb": sample[1], "edits": edits, "load": live.load()}),
                      flush=True)
                next_sample += 60
                if now - start >= minutes * 60:
                    break
            edits += 1
            commit(f"{live.MARK} soak {edits}")
            projector.wait_for_timeout(chance.uniform(2, 6) * 1000)  # the pages keep running meanwhile
        shown = projector.locator("[data-testid='mt-screen']").text_content() or ""
        if f"{live.MARK} soak {edits}" not in shown:
            projector.wait_for_function("t => document.body.textContent.includes(t)",
                                        arg=f"{live.MARK} soak {edits}", timeout=30_000)
        browser.close()
    db.dispose()
    shutil.rmtree(data, ignore_errors=True)
    out.write_text(report(samples, edits, minutes, mechanism), encoding="utf-8")
    after = [(x, y) for x, y in samples if x >= WARMUP_MINUTES]
    print(json.dumps({"figure": "soak_rss_slope", "median": round(slope_per_hour(after), 2),
                      "all_samples": round(slope_per_hour(samples), 2), "unit": "MB/hour", "n": len(samples),
                      "load": live.load()}), flush=True)
    return samples


def from_log(log: Path) -> tuple[list[tuple[float, float]], int]:
    """The (minute, RSS MB) samples and the edits so far, read back from the JSON lines a run printed."""
    samples, edits = [], 0
    for text in log.read_text(encoding="utf-8").splitlines():
        if text.startswith('{"minute"'):
            line = json.loads(text)
            samples.append((float(line["minute"]), float(line["rss_mb"])))
            edits = int(line["edits"])
    return samples, edits


def main() -> None:
    """Parse the arguments and soak."""
    parser = argparse.ArgumentParser(prog="python -m bench.soak")
    parser.add_argument("--minutes", type=float, default=60)
    parser.add_argument("--port", type=int, default=8800)
    parser.add_argument("--mechanism", default="push (ui/live_push.py, ui/live_sync.py: a part reruns when "
                        "/_mt/live says its meeting changed, with a 20 s safety poll), runner.postScriptGC = false")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--report-from", type=Path, help="write the report again from a run's printed lines")
    args = parser.parse_args()
    if args.report_from:
        samples, edits = from_log(args.report_from)
        args.out.write_text(report(samples, edits, args.minutes, args.mechanism), encoding="utf-8")
        return
    run(args.minutes, args.port, args.mechanism, args.out)


if __name__ == "__main__":
    main()
