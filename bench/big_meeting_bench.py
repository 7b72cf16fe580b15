"""Big meetings never hang: `python -m bench.big_meeting_bench [--sizes 300x1000,10000x10000] [--timeout 30]`.

For the demo meeting as it is (the baseline) and for each size (people x board items added to it,
bench/big_meeting.py) this times every page's server run (AppTest: app.py signed in as the demo
caseworker, the page opened, then re-run) and the Word minute. Each measurement runs in its own
process, killed after --timeout seconds, so a page that hangs is reported as such and cannot slow
the next one. Prints one JSON line per figure:
{"figure", "size", "median", "p95", "max", "first", "unit", "n", "load"} (quantiles inclusive; "first"
is the page's first run in a fresh process, the median and p95 are of the re-runs after it; "cpu_median" is
their CPU time, which a busy machine inflates less than the wall time), or
{"figure", "size", "timed_out_after": seconds, "load"} (counted from when the child was ready to run).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from bench import big_meeting

if TYPE_CHECKING:
    from streamlit.testing.v1 import AppTest  # noqa: TID251 (only for the types: imported where the page runs)

ROOT = Path(__file__).resolve().parent.parent
PAGES = ("meeting", "network", "agenda", "board", "minutes", "drawing", "export", "access_log")
PROJECTOR_SCREENS = ("agenda", "board", "safety", "map", "actions")
LOGIN = {"is_logged_in": True, "iss": "http://bench.invalid", "sub": "bench-demo", "email": "",
         "nonce": "n-1", "iat": 1_764_000_000}


def quantile95(values: Sequence[float]) -> float:
    """The 95th percentile, inclusive (never above the largest value)."""
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def figure(name: str, size: str, times: Sequence[float], first: float | None = None,
           cpu: Sequence[float] = ()) -> dict[str, object]:
    """One JSON figure of times in seconds, in milliseconds ("cpu_median": the process's CPU time, if measured)."""
    line: dict[str, object] = {"figure": name, "size": size, "median": round(statistics.median(times) * 1000, 1),
                               "p95": round(quantile95(times) * 1000, 1), "max": round(max(times) * 1000, 1)}
    if first is not None:
        line["first"] = round(first * 1000, 1)
    if cpu:
        line["cpu_median"] = round(statistics.median(cpu) * 1000, 1)
    return line | {"unit": "ms", "n": len(times), "load": round(os.getloadavg()[0], 2)}


def _timed(work: Callable[[], object]) -> float:
    start, cpu = time.perf_counter(), time.process_time()
    work()
    CPU.append(time.process_time() - cpu)  # every thread of this process: the script runs in one of AppTest's
    return time.perf_counter() - start


CPU: list[float] = []  # in a child process: the CPU seconds of each timed call, beside its wall time


def time_page(data: Path, page: str, runs: int) -> tuple[float, list[float]]:
    """In this process: the page's first run and `runs` re-runs (seconds), signed in as the demo caseworker."""
    os.environ["MOEDETAVLEN_DATA_DIR"] = str(data)
    os.environ.pop("DATABASE_URL", None)
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache  # noqa: TID251
    from streamlit.testing.v1 import AppTest, local_script_runner  # noqa: TID251 (run the pages as the tests do)

    # One script cache for every run, as `streamlit run` keeps one per server: AppTest makes a new one per run,
    # so each re-run compiled the page scripts again (a fifth of a light page's run, which a server never pays).
    shared = ScriptCache()
    # A patch of Streamlit's module: its ScriptCache name is neither exported nor meant to be a function.
    local_script_runner.ScriptCache = lambda: shared  # type: ignore[attr-defined,assignment]

    at = _signed_in(AppTest.from_file(str(ROOT / "app.py"), default_timeout=600), data)
    at.run()
    at.switch_page(f"pages/{page}.py")
    print("ready", flush=True)  # the parent's timeout starts now, not while Python starts on a busy machine
    first = _timed(at.run)
    if at.exception:
        raise RuntimeError(f"{page}: {at.exception}")
    return first, [_timed(at.run) for _ in range(runs)]


def _signed_in(at: AppTest, data: Path) -> AppTest:
    """The AppTest signed in through the identity provider as the demo caseworker, purpose chosen."""
    from facilitation.demo import DEMO_EMAIL
    from facilitation.services import accounts, sessions
    from facilitation.storage import Database
    from ui import identity

    user = LOGIN | {"email": DEMO_EMAIL}
    db = Database(f"sqlite:///{data / big_meeting.DB_NAME}")
    try:
        account = accounts.account_for_oidc(db, str(user["sub"]), DEMO_EMAIL)
        assert account is not None
        token = sessions.oidc_session(db, identity.login_id(user), lambda: account.id)
        assert token is not None
        sessions.set_purpose(db, token, "meeting")
    finally:
        db.dispose()
    at.secrets["auth"] = {
        "redirect_uri": "http://127.0.0.1/oauth2callback", "cookie_secret": "bench-secret-0123456789",
        "client_id": "moedetavlen", "client_secret": "bench", "server_metadata_url": "http://bench.invalid"}
    at.user = dict(user)
    return at


def time_minute(data: Path, meeting_id: int, runs: int) -> list[float]:
    """In this process: `runs` Word minutes of the meeting (seconds)."""
    from export.minute_cli import minute_for_meeting
    from facilitation.demo import DEMO_ACTOR
    from facilitation.storage import Database

    db = Database(f"sqlite:///{data / big_meeting.DB_NAME}")
    print("ready", flush=True)
    try:
        return [_timed(lambda: minute_for_meeting(db, meeting_id, viewer=DEMO_ACTOR)) for _ in range(runs)]
    finally:
        db.dispose()


def run_child(argv: list[str], timeout: float) -> dict[str, object] | None:
    """Run one measurement in a fresh process; None if it had not finished `timeout` seconds after it was ready."""
    command = [sys.executable, "-m", "bench.big_meeting_bench", *argv]
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as child:
        assert child.stdout is not None
        if child.stdout.readline().strip() != "ready":
            raise RuntimeError(f"{' '.join(argv)} failed:\n{child.communicate()[1][-3000:]}")
        try:
            out, err = child.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            child.kill()
            child.communicate()
            return None
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed:\n{err[-3000:]}")
    result: dict[str, object] = json.loads(out.strip().splitlines()[-1])
    return result


def _emit(line: dict[str, object]) -> None:
    print(json.dumps(line, ensure_ascii=False), flush=True)


def measure(size: str, data: Path, meeting_id: int, runs: int, timeout: float) -> None:
    """Every page, every projector screen and the minute of one data folder, one JSON line each."""
    targets: list[tuple[str, str, str | None]] = [(f"page_rerun:{p}", p, None) for p in PAGES]
    targets += [(f"page_rerun:projector:{screen}", "projector", screen) for screen in PROJECTOR_SCREENS]
    for name, page, screen in targets:
        if screen:
            big_meeting.set_screen(data, meeting_id, screen)
        result = run_child(["--page", page, "--data", str(data), "--runs", str(runs)], timeout)
        if result is None:
            _emit({"figure": name, "size": size, "timed_out_after": timeout, "load": round(os.getloadavg()[0], 2)})
        else:
            times = [float(x) for x in result["runs"]]  # type: ignore[attr-defined]
            cpu = [float(x) for x in result["cpu"]][1:]  # type: ignore[attr-defined]  # the re-runs'
            _emit(figure(name, size, times, float(result["first"]), cpu))  # type: ignore[arg-type]
    result = run_child(["--minute", str(meeting_id), "--data", str(data), "--runs", str(runs)], timeout * 5)
    if result is None:
        _emit({"figure": "minute", "size": size, "timed_out_after": timeout * 5,
               "load": round(os.getloadavg()[0], 2)})
    else:
        _emit(figure("minute", size, [float(x) for x in result["runs"]],  # type: ignore[attr-defined]
                     cpu=[float(x) for x in result["cpu"]]))  # type: ignore[attr-defined]


def main(argv: list[str]) -> int:
    """Parse the arguments; measure the baseline and every size (or run one measurement as a child)."""
    parser = argparse.ArgumentParser(prog="python -m bench.big_meeting_bench")
    parser.add_argument("--sizes", default="300x1000,10000x10000", help="people x board items, comma-separated")
    parser.add_argument("--runs", type=int, default=5, help="re-runs per page and minutes per size")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds before a page counts as hanging")
    parser.add_argument("--page", help=argparse.SUPPRESS)
    parser.add_argument("--minute", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.page:
        first, times = time_page(args.data, args.page, args.runs)
        print(json.dumps({"first": first, "runs": times, "cpu": CPU}))
        return 0
    if args.minute is not None:
        print(json.dumps({"runs": time_minute(args.data, args.minute, args.runs), "cpu": CPU}))
        return 0
    with tempfile.TemporaryDirectory() as folder:
        sizes = [("demo", 0, 0)] + [(size, *map(int, size.split("x"))) for size in args.sizes.split(",") if size]
        for size, people, items in sizes:
            data = Path(folder) / size
            start = time.perf_counter()
            meeting_id = big_meeting.build_data_dir(data, people, items)
            print(f"# {size}: built in {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)
            runs = args.runs if people * items <= 1_000_000 else max(1, min(args.runs, 3))
            measure(size, data, meeting_id, runs, args.timeout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
