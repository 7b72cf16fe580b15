"""`make bench` (python -m bench.run): issue #14's figures in one run, one JSON line each, and bench/results.md.

Builds the big meeting (40 people, 120 board items, 60 actions) on a fresh data folder, starts the real
server (`streamlit run app.py`) and the two baseline apps (bench/baselines/) one after the other, and
times edits by another device (a service call, or for the floor a new line in a file) from commit to
the text painted on a projector in headless Chromium (bench/live.py). Then the cross-process figure on
a throwaway PostgreSQL, and the page figures of bench/page_figures.py if it is there. A figure that
cannot be measured prints nothing and is "not measured" in results.md, with the reason below the table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from bench import live, postgres, timing
from bench.stats import Figure, figure, json_line, results_md
from facilitation.storage import Database, open_database

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results.md"
ARTIFACTS = HERE.parent / "test-artifacts"
PORTS = {"app": 8810, "naive": 8811, "floor": 8812, "pg_a": 8813, "pg_b": 8814}


class Run:
    """The figures of one run, printed as they come, and why any could not be measured."""

    def __init__(self) -> None:
        self.lines: list[Figure] = []
        self.notes: list[str] = []

    def emit(self, name: str, samples: list[float], unit: str) -> None:
        """Print one figure's JSON line and keep it for results.md."""
        line = figure(name, samples, unit, os.getloadavg()[0])
        self.lines.append(line)
        print(json_line(line), flush=True)

    @contextmanager
    def part(self, names: str) -> Iterator[None]:
        """One part of the run: if it fails, its figures are not measured and the reason is noted."""
        try:
            yield
        except Exception as error:  # noqa: BLE001 (a failed figure must not lose the others)
            self.notes.append(f"- {names}: not measured ({type(error).__name__}: {str(error).splitlines()[0]})")
            traceback.print_exc()


def slowest(per_edit: list[list[float]]) -> list[float]:
    """Per edit, the delay of the slowest page."""
    return [max(delays) for delays in per_edit]


def the_app(run: Run, browser: Browser, folder: Path, edits: int, projectors: int, idle_seconds: float) -> None:
    """edit_to_projector, rss_per_session, projectors_20 and idle_cpu_20 on one server of the app."""
    db, meeting_id = big_sqlite(folder)
    commit = live.edit_action_text(db, meeting_id, live.first_action(db, meeting_id))
    url = f"http://127.0.0.1:{PORTS['app']}"
    try:
        with live.server(folder, PORTS["app"]) as process:
            with run.part("edit_to_projector"):
                pages = [live.open_projector(browser, url, db, meeting_id)]
                look(pages[0], "projector")
                run.emit("edit_to_projector", slowest(live.time_edits(pages, commit, edits, gap=(0.2, 1.2))), "ms")
            with run.part("rss_per_session, projectors_20, idle_cpu_20"):
                growth = []
                for _ in range(projectors - len(pages)):
                    before = settled_rss(process.pid)
                    try:
                        pages.append(live.open_projector(browser, url, db, meeting_id))
                    except PlaywrightError as error:  # the figures then name how many did open
                        run.notes.append(f"- projector {len(pages) + 1} of {projectors} did not open within "
                                         f"{live.OPEN_TIMEOUT_MS // 60_000} minutes (load {live.load()}): "
                                         f"{str(error).splitlines()[0]}; projectors_{len(pages)} and "
                                         f"idle_cpu_{len(pages)} are measured instead")
                        break
                    growth.append(settled_rss(process.pid) - before)
                    print(f"# {len(pages)} projectors open, load {live.load()}", file=sys.stderr, flush=True)
                run.emit("rss_per_session", growth, "MB")
                per_edit = live.time_edits(pages, commit, max(10, edits // 2), gap=(0.5, 1.5), tag="p20-",
                                           timeout_ms=120_000)
                run.emit(f"projectors_{len(pages)}", slowest(per_edit), "ms")
                look(pages[-1], f"projector-{len(pages)}")
                run.emit(f"idle_cpu_{len(pages)}", idle_cpu(process.pid, idle_seconds), "%")
            for page in pages:
                page.context.close()
    finally:
        db.dispose()


def look(page: Page, name: str) -> None:
    """A screenshot of what the page shows, in test-artifacts/bench-NAME.png (to look at, not to compare)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"bench-{name}.png"))


def settled_rss(pid: int) -> float:
    """The server's RSS (MB) after a second in which nothing new was opened."""
    time.sleep(1.0)
    return live.rss_mb(pid)


def idle_cpu(pid: int, seconds: float, windows: int = 10) -> list[float]:
    """The server's CPU use (% of one core) in `windows` equal windows of `seconds` in all."""
    samples = []
    for _ in range(windows):
        cpu, start = live.cpu_seconds(pid), time.monotonic()
        time.sleep(seconds / windows)
        samples.append(100 * (live.cpu_seconds(pid) - cpu) / (time.monotonic() - start))
    return samples


def naive(run: Run, browser: Browser, folder: Path, edits: int) -> None:
    """naive_whole_page: the baseline that re-runs its whole page every second, on the same big meeting."""
    db, meeting_id = big_sqlite(folder)
    commit = live.edit_action_text(db, meeting_id, live.first_action(db, meeting_id))
    try:
        with live.server(folder, PORTS["naive"], "bench/baselines/naive_app.py",
                         env={"BENCH_MEETING_ID": str(meeting_id)}):
            page = _plain_page(browser, f"http://127.0.0.1:{PORTS['naive']}")
            look(page, "naive")
            run.emit("naive_whole_page", slowest(live.time_edits([page], commit, edits, gap=(0.2, 1.2),
                                                                  tag="naive-")), "ms")
            page.context.close()
    finally:
        db.dispose()


def floor(run: Run, browser: Browser, folder: Path, edits: int) -> None:
    """streamlit_floor: a one-line fragment re-running every 0.1 s (the commit replaces a one-line file)."""
    line = folder / "floor-line.txt"
    line.write_text("-", encoding="utf-8")

    def commit(text: str) -> None:
        fresh = line.with_suffix(".new")
        fresh.write_text(text, encoding="utf-8")
        fresh.replace(line)

    with live.server(folder, PORTS["floor"], "bench/baselines/floor_app.py", env={"BENCH_LINE_FILE": str(line)}):
        page = _plain_page(browser, f"http://127.0.0.1:{PORTS['floor']}")
        look(page, "floor")
        run.emit("streamlit_floor", slowest(live.time_edits([page], commit, edits, gap=(0.2, 1.2), tag="floor-")),
                 "ms")
        page.context.close()


def cross_process(run: Run, browser: Browser, folder: Path, edits: int) -> None:
    """cross_process: two app processes on one PostgreSQL; a laptop on A, the projector on B, edits on the DB."""
    if not postgres.available():
        raise RuntimeError("PostgreSQL is not installed (make test installs it)")
    with postgres.cluster() as url:
        db = open_database(url)
        try:
            meeting_id = live.build_big(db)
            commit = live.edit_action_text(db, meeting_id, live.first_action(db, meeting_id))
            with (live.server(folder, PORTS["pg_a"], database_url=url),
                  live.server(folder, PORTS["pg_b"], database_url=url)):
                laptop = live.open_laptop(browser, f"http://127.0.0.1:{PORTS['pg_a']}", db, meeting_id)
                projector = live.open_projector(browser, f"http://127.0.0.1:{PORTS['pg_b']}", db, meeting_id)
                look(projector, "cross-process-projector")
                run.emit("cross_process", slowest(live.time_edits([projector], commit, edits, gap=(0.2, 1.2),
                                                                   tag="pg-")), "ms")
                laptop.context.close()
                projector.context.close()
        finally:
            db.dispose()


def page_figures(run: Run) -> None:
    """Helper F's page figures (bench/page_figures.py), if that module is there."""
    try:
        from bench import page_figures as pf  # type: ignore[attr-defined, unused-ignore]
    except ImportError:
        run.notes.append("- page_rerun:*, minute_big, map200_html, map200_png, cold_start: not measured "
                         "(bench/page_figures.py is not there yet)")
        return
    if hasattr(pf, "page_reruns"):  # every page at once: page name -> ms samples
        with run.part("page_rerun:*"):
            for page, samples in pf.page_reruns().items():
                run.emit(f"page_rerun:{page}", list(samples), "ms")
    else:  # one page at a time, pf.PAGES naming them
        for page in getattr(pf, "PAGES", ()):
            with run.part(f"page_rerun:{page}"):
                run.emit(f"page_rerun:{page}", list(pf.page_rerun(page)), "ms")
    for name in ("minute_big", "map200_html", "map200_png"):
        with run.part(name):
            measure: Callable[[], list[float]] = getattr(pf, name)
            run.emit(name, list(measure()), "ms")
    with run.part("cold_start"):  # on the app part's port: its server has stopped by now
        run.emit("cold_start", list(pf.cold_start(port=PORTS["app"])), "ms")


def big_sqlite(folder: Path) -> tuple[Database, int]:
    """The big meeting in a new SQLite database in `folder` (each part builds its own); the database and its id."""
    folder.mkdir(parents=True, exist_ok=True)
    db = open_database(f"sqlite:///{folder / 'moedetavlen.sqlite3'}")
    return db, live.build_big(db)


def _plain_page(browser: Browser, url: str) -> Page:
    """A baseline app's page (no sign-in), watched like a projector."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="da-DK")
    page = context.new_page()
    page.set_default_timeout(live.OPEN_TIMEOUT_MS)
    page.goto(url)
    page.wait_for_selector("[data-testid='mt-screen']", state="attached")
    page.evaluate(live.WATCH_JS)
    return page


def main() -> None:
    """Parse the arguments, measure every figure, write bench/results.md."""
    parser = argparse.ArgumentParser(prog="python -m bench.run")
    parser.add_argument("--edits", type=int, default=50, help="timed edits per figure (projectors_20: half)")
    parser.add_argument("--projectors", type=int, default=20)
    parser.add_argument("--idle-seconds", type=float, default=30)
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--only", default="", help="comma-separated parts: app,naive,floor,pg,pages")
    parser.add_argument("--report-from", type=Path, help="write results.md from the JSON lines a run printed")
    args = parser.parse_args()
    if args.report_from:
        write_results(args.out, lines_of(args.report_from.read_text(encoding="utf-8")),
                      [f"- Written from the lines printed by a run ({args.report_from.name}); the load in the "
                       "heading is the load when this file was written."])
        return
    parts = set(args.only.split(",")) if args.only else {"app", "naive", "floor", "pg", "pages"}
    run = Run()
    with run.part("machine_speed"):  # before anything else runs: how fast the machine is today
        run.emit("machine_speed", timing.machine_ms(), "ms")
    folder = Path(tempfile.mkdtemp(prefix="moedetavlen-bench-"))
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=live.CHROMIUM, args=live.CHROMIUM_ARGS)
            if "app" in parts:
                with run.part("edit_to_projector, rss_per_session, projectors_20, idle_cpu_20"):
                    the_app(run, browser, folder / "app", args.edits, args.projectors, args.idle_seconds)
            if "naive" in parts:
                with run.part("naive_whole_page"):
                    naive(run, browser, folder / "naive", args.edits)
            if "floor" in parts:
                with run.part("streamlit_floor"):
                    (folder / "floor").mkdir()
                    floor(run, browser, folder / "floor", args.edits)
            if "pg" in parts:
                with run.part("cross_process"):
                    (folder / "pg").mkdir()
                    cross_process(run, browser, folder / "pg", args.edits)
            browser.close()
        if "pages" in parts:
            page_figures(run)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    write_results(args.out, run.lines, run.notes)


def write_results(out: Path, lines: list[Figure], notes: list[str]) -> None:
    """bench/results.md of these figures, dated now, with the method and the notes below the table."""
    out.write_text(results_md(
        lines, date=f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC", load=os.getloadavg()[0],
        cores=os.cpu_count() or 1, machine=platform.node(), notes=[*METHOD, *notes]), encoding="utf-8")


def lines_of(log: str) -> list[Figure]:
    """The figures among the lines a run printed (its other output left out)."""
    return [json.loads(text) for text in log.splitlines() if text.startswith('{"figure"')]


METHOD = [
    "How: edits by another device (a service call; for streamlit_floor a replaced one-line file) at random "
    "moments, timed from the commit (the middle of the call) to the animation frame after the text is in the "
    "projector's page (a MutationObserver in Chromium; both clocks are this machine's). The big meeting's 60 "
    "actions are 10 pages that the projector turns by itself, all of them in the page: the edited row is in "
    "the page, not always on the page turned to. projectors_N: per edit the slowest of N paired projectors in "
    "one Chromium. idle_cpu_N: the server's CPU (% of one core) in ten windows with N projectors open and "
    "nothing happening. rss_per_session: the server's RSS growth per projector opened. cross_process: two app "
    "processes on a throwaway PostgreSQL, a laptop on A, the projector on B, edits committed on the shared "
    "database. Each edit changes the text of the first action (services.edit_action(what=...)), the text "
    "the projector shows in that action's row. Each part builds its own big meeting on a fresh database.",
    "",
]


if __name__ == "__main__":
    main()
