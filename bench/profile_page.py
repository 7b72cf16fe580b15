"""Where a page's re-runs on the big meeting spend their time: `python -m bench.profile_page PAGE [--runs 10]`.

PAGE as in bench/page_figures.py ('board', 'network', 'projector:map', …). Builds the big meeting, opens the
page signed in (AppTest, as bench/big_meeting_bench.py times it), runs it once, then profiles `--runs` re-runs
with pyinstrument (requirements-dev.txt) in the script's own thread, and prints the profile as text.
A tool to look with, not a figure: `make bench` never runs it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from bench import big_meeting, big_meeting_bench, page_figures


def main(argv: list[str]) -> int:
    """Profile the re-runs of one page on the big meeting and print pyinstrument's text report."""
    from pyinstrument import Profiler
    from streamlit.testing.v1 import local_script_runner  # noqa: TID251 (the page runs as the bench runs it)

    parser = argparse.ArgumentParser(prog="python -m bench.profile_page")
    parser.add_argument("page")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--depth", type=float, default=0, help="hide frames below this share of the time (%%)")
    args = parser.parse_args(argv)
    folder, meeting_id = page_figures.big_data_dir()
    name, _, screen = args.page.partition(":")
    if screen:
        big_meeting.set_screen(folder, meeting_id, screen)
    profiler = Profiler(interval=0.0005)
    runner = local_script_runner.LocalScriptRunner
    plain = runner._run_script_thread
    profiling = {"on": False}

    def profiled(self: object) -> None:
        if not profiling["on"]:
            plain(self)  # type: ignore[arg-type]
            return
        profiler.start()
        try:
            plain(self)  # type: ignore[arg-type]
        finally:
            profiler.stop()

    runner._run_script_thread = profiled  # type: ignore[method-assign]
    original = big_meeting_bench._timed

    calls = {"n": 0}

    def timed(work: Callable[[], object]) -> float:
        profiling["on"] = calls["n"] > 0  # the sign-in and the page's first run are not profiled: the re-runs
        calls["n"] += 1
        return original(work)

    big_meeting_bench._timed = timed
    big_meeting_bench.print = lambda *a, **k: None  # type: ignore[attr-defined]  # no "ready" line here
    first, runs = big_meeting_bench.time_page(folder, name, args.runs)
    print(f"# {args.page}: first run {first * 1000:.0f} ms, re-runs {[round(r * 1000) for r in runs]} ms",
          file=sys.stderr)
    print(profiler.output_text(unicode=True, color=False, show_all=False, time="percent_of_total",
                               flat=False, processor_options={"filter_threshold": args.depth / 100}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
