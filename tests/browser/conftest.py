"""Browser tests: the real app under `streamlit run` on a free port, driven by Debian's Chromium."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from facilitation.demo import DEMO_EMAIL, create_demo_account, first_meeting_or_demo
from facilitation.services import accounts, sessions
from facilitation.storage import Database, open_database
from ui.auth_routes import SESSION_COOKIE

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
ARTIFACTS = ROOT / "test-artifacts"

expect.set_options(timeout=15_000)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_healthy(url: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited early with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"streamlit did not become healthy at {url}")


@pytest.fixture(scope="module")
def server_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The data folder of this module's app server (a test may add data to its database through services)."""
    return tmp_path_factory.mktemp("browser-data")


@pytest.fixture(scope="module")
def app_server(server_data_dir: Path) -> Iterator[str]:
    """`streamlit run app.py` on a free port with its own empty data folder; yields its URL."""
    with running_app(server_data_dir) as url:
        yield url


@pytest.fixture(scope="module")
def server_db(server_data_dir: Path, app_server: str) -> Iterator[Database]:
    """The running app server's database: tests set meetings up in it and check what the browser stored."""
    database = open_database(f"sqlite:///{server_data_dir / 'moedetavlen.sqlite3'}")
    yield database
    database.dispose()


@contextmanager
def running_app(data: Path, *options: str, port: int | None = None,
                environment: Mapping[str, str] | None = None) -> Iterator[str]:
    """`streamlit run app.py` (on `port`, else a free one) with `data` as its data folder, any further
    command-line `options` and `environment` variables (e.g. DATABASE_URL), until it answers; its URL, and
    the server stopped afterwards."""
    port = port or _free_port()
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["MOEDETAVLEN_DATA_DIR"] = str(data)
    env.update(environment or {})
    with (data / "streamlit.log").open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
             "--server.address", "127.0.0.1", *options],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_until_healthy(url, process)
            yield url
        finally:
            stop(process)


def stop(process: subprocess.Popen[bytes]) -> None:
    """End a server the tests started (killed if it does not stop within 10 s)."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Headless Debian Chromium (Playwright cannot download its own browser here)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make test`, which installs Debian's chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def demo_meeting(database: Database) -> int:
    """The demo case and its caseworker, as `make run` makes them on a fresh database; the demo meeting's id."""
    meeting_id = first_meeting_or_demo(database, viewer="operator")
    assert meeting_id is not None
    create_demo_account(database, meeting_id)
    return meeting_id


def signed_in_cookie(data_dir: Path, url: str) -> dict[str, str]:
    """A sign-in session of the demo caseworker in the server's database (purpose: the meeting), as a cookie.

    The sign-in form itself is tested in test_sign_in.py; the other tests start signed in.
    """
    database = open_database(f"sqlite:///{data_dir / 'moedetavlen.sqlite3'}")
    try:
        demo_meeting(database)
        account = accounts.find_account(database, DEMO_EMAIL)
        assert account is not None
        token = sessions.start_session(database, account.id, "local")
        sessions.set_purpose(database, token, "meeting")
    finally:
        database.dispose()
    return {"name": SESSION_COOKIE, "value": token, "url": url}


@pytest.fixture
def page(browser: Browser, app_server: str, server_data_dir: Path) -> Iterator[Page]:
    """A fresh browser context and page at projector size, signed in as the demo caseworker."""
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, locale="da-DK")
    context.add_cookies([signed_in_cookie(server_data_dir, app_server)])  # type: ignore[list-item]  # a Cookie
    page = context.new_page()
    page.set_default_timeout(45_000)  # generous: CI shares two cores with the server and the browser
    yield page
    context.close()


def wait_for_app(page: Page) -> None:
    """Wait until Streamlit has finished running the page script."""
    page.wait_for_selector("[data-testid='stApp']")
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " || document.querySelector('[data-testid=\"stStatusWidget\"]').innerText.trim() === ''",
    )
    page.wait_for_selector("h1")
    page.wait_for_load_state("networkidle")  # widget bundles are loaded lazily
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stSkeleton\"]')")


def screenshot(page: Page, name: str) -> Path:
    """Keep a screenshot of what a person sees as a test artifact."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
