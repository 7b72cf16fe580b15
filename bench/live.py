"""The pieces every live benchmark shares: a real `streamlit run`, projectors in Chromium, timed edits.

The harness knows nothing of how the app follows edits (polling, push): it commits an edit (a service
call, as another device would), and the page stamps (Date.now(), in the animation frame after the text
is in its DOM) the moment the edit's text is shown. Browser and server clocks are the same machine's.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from playwright.sync_api import Browser, Page

from facilitation import services
from facilitation.demo import DEMO_ACTOR, DEMO_EMAIL
from facilitation.services import accounts, pairing, sessions
from facilitation.storage import Database
from ui.auth_routes import SESSION_COOKIE

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                 "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                 "--disable-backgrounding-occluded-windows"]
MARK = "Benchmark-aftale"
OPEN_TIMEOUT_MS = 300_000  # a page opening on a loaded 2-core machine (20 projectors, other work) may take minutes
# Stamps the first moment the wanted text is in the page, in the animation frame after the DOM change
# (the frame that paints it). `window.__want` is set before each commit; every stamp is kept by text.
WATCH_JS = """() => { window.__seen = {}; window.__want = null;
  const look = () => {
    const want = window.__want;
    if (!want || want in window.__seen) return;
    if (document.body.textContent.includes(want)) {
      window.__seen[want] = -1;
      requestAnimationFrame(() => { window.__seen[want] = Date.now(); });
    }
  };
  new MutationObserver(look).observe(document.body, {childList: true, subtree: true, characterData: true});
  window.__look = look; }"""


def load() -> float:
    """The machine's 1-minute load average."""
    return round(os.getloadavg()[0], 2)


@contextmanager
def server(data: Path, port: int, script: str = "app.py", env: dict[str, str] | None = None,
           database_url: str | None = None) -> Iterator[subprocess.Popen[bytes]]:
    """`streamlit run script` on `port` with `data` as its data folder (or `database_url`), until healthy."""
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environment["MOEDETAVLEN_DATA_DIR"] = str(data)
    if database_url:
        environment["DATABASE_URL"] = database_url
    environment["PYTHONPATH"] = str(ROOT)  # a baseline script under bench/ imports the app's packages
    environment.update(env or {})
    log = (data / f"streamlit-{port}.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port),
         "--server.address", "127.0.0.1", "--server.headless", "true"],
        cwd=ROOT, env=environment, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_healthy(f"http://127.0.0.1:{port}", process)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def wait_healthy(url: str, process: subprocess.Popen[bytes], timeout: float = 120) -> None:
    """Wait until the server answers its health check (raise if it exits or never answers)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited early with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"streamlit did not become healthy at {url}")


def open_projector(browser: Browser, url: str, db: Database, meeting_id: int) -> Page:
    """A paired projector (a one-time pairing link, as the operator's projector-link prints) on the meeting."""
    token = pairing.create_pairing_link(db, DEMO_ACTOR, meeting_id)
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="da-DK")
    page = context.new_page()
    page.set_default_timeout(OPEN_TIMEOUT_MS)
    page.goto(f"{url}/pair/{token}")
    page.wait_for_selector("[data-testid='mt-screen']", state="attached")
    page.evaluate(WATCH_JS)
    return page


def open_laptop(browser: Browser, url: str, db: Database, meeting_id: int, page_path: str = "") -> Page:
    """The demo caseworker's laptop, signed in (a session cookie), on one of the meeting's pages."""
    account = accounts.find_account(db, DEMO_EMAIL)
    assert account is not None
    token = sessions.start_session(db, account.id, "local")
    sessions.set_purpose(db, token, "meeting")
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="da-DK")
    context.add_cookies([{"name": SESSION_COOKIE, "value": token, "url": url}])
    page = context.new_page()
    page.set_default_timeout(OPEN_TIMEOUT_MS)
    page.goto(f"{url}/{page_path}?m={meeting_id}" if page_path else f"{url}/?m={meeting_id}")
    page.wait_for_selector("h1")
    return page


BIG = (40, 120, 60)  # issue #14's big meeting: people, board items, agreed actions


def build_big(db: Database) -> int:
    """The big meeting in a database (the demo case, account, people, board items and actions); its id."""
    from bench import big_meeting
    from facilitation.demo import create_demo_account, first_meeting_or_demo

    meeting_id = first_meeting_or_demo(db, viewer=DEMO_ACTOR)
    assert meeting_id is not None
    create_demo_account(db, meeting_id)
    people, items, actions = BIG
    big_meeting.enlarge(db, meeting_id, people, items)
    have = len(services.load_meeting(db, meeting_id, viewer=DEMO_ACTOR).actions)
    for number in range(have, actions):
        services.add_action(db, DEMO_ACTOR, meeting_id, f"Aftale {number + 1}: Mormor henter om tirsdagen",
                            "Birthe Juhl")
    services.set_screen(db, DEMO_ACTOR, meeting_id, "actions")
    return meeting_id


def first_action(db: Database, meeting_id: int) -> int:
    """The id of the meeting's first agreed action (its text is on page one of the projector's actions)."""
    return services.load_meeting(db, meeting_id, viewer=DEMO_ACTOR).actions[0].id


def edit_action_text(db: Database, meeting_id: int, action_id: int) -> Callable[[str], None]:
    """A commit: another device changes what the action says (the text the projector shows in its row)."""
    return lambda text: services.edit_action(db, "bench-device", meeting_id, action_id, what=text)


def time_edits(pages: list[Page], commit: Callable[[str], None], edits: int, *, gap: tuple[float, float],
               seed: int = 14, tag: str = "", timeout_ms: float = 30_000) -> list[list[float]]:
    """`edits` edits at random moments (a random sleep in `gap` seconds before each): per edit, the delay (ms)
    from commit to the text shown on each page."""
    chance = random.Random(seed)
    result = []
    for number in range(edits):
        time.sleep(chance.uniform(*gap))
        text = f"{MARK} {tag}{number}-{chance.randrange(10**6)}"
        for page in pages:
            page.evaluate("t => { window.__want = t; window.__look(); }", text)
        before = time.time() * 1000
        commit(text)
        committed = (before + time.time() * 1000) / 2  # the commit happens inside the call
        delays = []
        for page in pages:
            page.wait_for_function("t => window.__seen[t] > 0", arg=text, timeout=timeout_ms)
            delays.append(float(page.evaluate("t => window.__seen[t]", text)) - committed)
        result.append(delays)
    return result


def cpu_seconds(pid: int) -> float:
    """The process's CPU time so far (user + system), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int) -> float:
    """The process's resident memory (MB), from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for {pid}")
