"""Issue #14's speed figures as plain functions (`make bench` calls them): `python -m bench.page_figures [NAME…]`.

Each function returns its samples in milliseconds; importing this module does nothing else.
- `page_rerun(page)`: one page's server re-runs (AppTest, signed in as the demo caseworker) on the big meeting
  (40 people, 120 board items, 60 actions), each page in a fresh process; `page="projector:map"` puts that
  screen on the projector first. `PAGES` lists every page and projector screen.
- `minute_big()`: the Word minute of the big meeting (bench/minute_benchmark.py's meeting, drawing included);
  after the warm-up the map picture comes from export.minute_pictures' cache, as for a minute made twice.
- `map200_png()` / `map200_html()`: the network map of 200 people as the minute's PNG / the page's HTML.
- `cold_start()`: `streamlit run app.py` started to the first painted title (h1) in Chromium, signed in.
Run as a script it prints one JSON line per figure, like bench/big_meeting_bench.py, with "cpu_median" (this
process's CPU time, which a machine shared with other work inflates less than the wall time) where measured.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from bench import big_meeting
from bench.big_meeting_bench import PAGES as LAPTOP_PAGES
from bench.big_meeting_bench import PROJECTOR_SCREENS, quantile95, run_child

ROOT = Path(__file__).resolve().parent.parent
BIG = (40, 120, 60)  # people, board items, actions: issue #14's big meeting
PAGES = (*LAPTOP_PAGES, *(f"projector:{screen}" for screen in PROJECTOR_SCREENS))
COLD_PORT = 8750  # helper F's port range (8750-8799)
CPU_MS: dict[str, list[float]] = {}  # the CPU time of each sample of the last run of a figure, beside its wall time


@cache
def big_data_dir() -> tuple[Path, int]:
    """A data folder (kept for this process) holding the demo meeting grown to the big meeting; its meeting id."""
    from facilitation.demo import DEMO_ACTOR
    from facilitation.services import load_meeting
    from facilitation.storage import Database

    folder = Path(tempfile.mkdtemp(prefix="bench-big-"))
    meeting_id = big_meeting.build_data_dir(folder, 0, 0)
    db = Database(f"sqlite:///{folder / big_meeting.DB_NAME}")
    try:
        record = load_meeting(db, meeting_id, viewer=DEMO_ACTOR)
        more = (BIG[0] - len(record.participants), BIG[1] - len(record.board), BIG[2] - len(record.actions))
        big_meeting.enlarge(db, meeting_id, max(0, more[0]), max(0, more[1]), actions=max(0, more[2]))
    finally:
        db.dispose()
    return folder, meeting_id


def page_rerun(page: str, runs: int = 15) -> list[float]:
    """`runs` server re-runs (ms) of a page ('board', 'projector:map', …) on the big meeting, after its first run."""
    folder, meeting_id = big_data_dir()
    name, _, screen = page.partition(":")
    if screen:
        big_meeting.set_screen(folder, meeting_id, screen)
    result = run_child(["--page", name, "--data", str(folder), "--runs", str(runs)], timeout=600)
    assert result is not None
    CPU_MS[f"page_rerun:{page}"] = [float(x) * 1000 for x in result["cpu"]][1:]  # type: ignore[attr-defined]
    return [float(x) * 1000 for x in result["runs"]]  # type: ignore[attr-defined]


@cache
def _minute_db() -> tuple[object, int]:
    from bench.minute_benchmark import build_meeting
    from facilitation.storage import open_database

    folder = Path(tempfile.mkdtemp(prefix="bench-minute-"))
    db = open_database(f"sqlite:///{folder / 'bench.sqlite3'}")
    return db, build_meeting(db)


def minute_big(runs: int = 7) -> list[float]:
    """The Word minute of the big meeting (ms), read from the database and written, after one warm-up."""
    from bench.minute_benchmark import ACTOR
    from export.minute_cli import minute_for_meeting

    db, meeting_id = _minute_db()
    return _samples("minute_big", lambda: minute_for_meeting(db, meeting_id, viewer=ACTOR), runs)  # type: ignore[arg-type]


@cache
def _map200() -> object:
    from bench.map_benchmark import build_meeting

    with tempfile.TemporaryDirectory() as folder:
        return build_meeting(f"sqlite:///{Path(folder) / 'bench.sqlite3'}", 200)


def map200_png(runs: int = 7) -> list[float]:
    """The 200-person network map as the minute's PNG (ms), after one warm-up."""
    from export.map_png import render_map_png

    record = _map200()
    return _samples("map200_png", lambda: render_map_png(record), runs)  # type: ignore[arg-type]


def map200_html(runs: int = 7) -> list[float]:
    """The 200-person network map as the page's HTML (ms), after one warm-up."""
    from export.map_html import render_map_html

    record = _map200()
    return _samples("map200_html", lambda: render_map_html(record), runs)  # type: ignore[arg-type]


def _samples(name: str, work: Callable[[], object], runs: int) -> list[float]:
    work()
    times, cpu = [], []
    for _ in range(runs):
        start, used = time.perf_counter(), time.process_time()
        work()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - used) * 1000)
    CPU_MS[name] = cpu
    return times


def cold_start(runs: int = 3, port: int = COLD_PORT) -> list[float]:
    """`streamlit run app.py` started to the first title painted in Chromium (ms), signed in, each a new server."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, signed_in_cookie

    folder, _ = big_data_dir()
    url = f"http://127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {"MOEDETAVLEN_DATA_DIR": str(folder)}
    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for _ in range(runs):
                cookie = signed_in_cookie(folder, url)
                context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="da-DK")
                context.add_cookies([cookie])  # type: ignore[list-item]
                page = context.new_page()
                start = time.perf_counter()
                server = subprocess.Popen(
                    [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)],
                    cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                try:
                    _wait_until_up(url, server)
                    page.goto(url)
                    page.wait_for_selector("h1", state="visible", timeout=60_000)
                    times.append((time.perf_counter() - start) * 1000)
                finally:
                    context.close()
                    server.terminate()
                    server.wait(timeout=10)
        finally:
            browser.close()
    return times


def _wait_until_up(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with {server.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):
                return
        except OSError:
            time.sleep(0.02)
    raise TimeoutError(url)


def figure(name: str, samples: Sequence[float]) -> dict[str, object]:
    """One JSON figure of millisecond samples (quantiles inclusive), with the CPU median when it was measured."""
    line: dict[str, object] = {"figure": name, "median": round(statistics.median(samples), 1),
                               "p95": round(quantile95(samples), 1), "max": round(max(samples), 1)}
    if CPU_MS.get(name):
        line["cpu_median"] = round(statistics.median(CPU_MS[name]), 1)
    return line | {"unit": "ms", "n": len(samples), "load": round(os.getloadavg()[0], 2)}


FIGURES: dict[str, Callable[[], list[float]]] = {
    "minute_big": minute_big, "map200_png": map200_png, "map200_html": map200_html, "cold_start": cold_start,
    **{f"page_rerun:{page}": (lambda page=page: page_rerun(page)) for page in PAGES},  # type: ignore[misc]
}


def main(argv: list[str]) -> int:
    """Print the named figures (all of them without arguments), one JSON line each."""
    for name in argv or list(FIGURES):
        print(json.dumps(figure(name, FIGURES[name]()), ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
