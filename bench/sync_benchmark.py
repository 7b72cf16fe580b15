"""Edit-to-projector delay: a real `streamlit run`, a projector page in Chromium, N saved edits.

Run: .venv/bin/python -m bench.sync_benchmark [EDITS]   (prints p50 / p95 / max in ms)
Each edit is committed by another "device" (a service call), and timed until its text is on the
projector. Run it on a quiet machine: the figure depends on CPU load.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

from facilitation import services
from facilitation.services import pairing
from facilitation.storage import Database, open_database

ROOT = Path(__file__).resolve().parent.parent
# A MutationObserver stamps (Date.now) the first moment each "Benchmark-aftale N" is in the page.
WATCH_JS = """() => { window.__seen = {};
  new MutationObserver(() => {
    for (const cell of document.querySelectorAll('.mt-action > span')) {
      const text = cell.textContent;
      if (text.startsWith('Benchmark-aftale') && !(text in window.__seen)) window.__seen[text] = Date.now();
    }
  }).observe(document.body, {childList: true, subtree: true, characterData: true}); }"""
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def main(edits: int = 50, port: int = 8691) -> None:
    """Start the app on a fresh database, open the projector, time `edits` edits."""
    data = Path(tempfile.mkdtemp())
    env = dict(os.environ, MOEDETAVLEN_DATA_DIR=str(data))
    env.pop("DATABASE_URL", None)
    db: Database = open_database(f"sqlite:///{data / 'moedetavlen.sqlite3'}")
    from facilitation.demo import create_demo_case

    meeting_id = create_demo_case(db)
    services.set_screen(db, "bench", meeting_id, "actions")
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1920, "height": 1080})
            # A paired projector device (a one-time link), as in the room: /projektor needs a sign-in.
            link = pairing.create_pairing_link(db, "bench", meeting_id)
            page.goto(f"http://127.0.0.1:{port}/pair/{link}")
            page.wait_for_selector("[data-testid='mt-screen']", state="attached", timeout=60_000)
            page.evaluate(WATCH_JS)
            delays = []
            for number in range(edits):
                text = f"Benchmark-aftale {number}"
                committed = time.time() * 1000  # the page stamps the moment it shows the text (same clock)
                services.add_action(db, "bench", meeting_id, text, "Sanne")
                committed = (committed + time.time() * 1000) / 2
                page.wait_for_function("t => window.__seen && window.__seen[t]", arg=text, timeout=10_000)
                delays.append(page.evaluate("t => window.__seen[t]", text) - committed)
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
        db.dispose()
    p95 = statistics.quantiles(delays, n=20)[-1]
    print(f"edit-to-projector over {edits} edits: p50 {statistics.median(delays):.0f} ms, "
          f"p95 {p95:.0f} ms, max {max(delays):.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
