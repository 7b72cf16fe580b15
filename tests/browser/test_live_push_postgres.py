"""In the browser: two app processes on one private PostgreSQL stay in sync by LISTEN/NOTIFY. A laptop on
process A changes the screen and a service call adds an action; the projector on process B shows both, with
the safety poll set to an hour (so only the push can bring them)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, expect

from facilitation import services
from facilitation.demo import DEMO_EMAIL, create_demo_account, first_meeting_or_demo
from facilitation.services import accounts, sessions
from facilitation.storage import Database, open_database
from tests.browser.conftest import running_app, screenshot, wait_for_app
from tests.integration.postgres.conftest import postgres_url, reset
from ui.auth_routes import SESSION_COOKIE

pytestmark = pytest.mark.browser
__all__ = ["postgres_url"]  # the throwaway PostgreSQL server fixture, used here too


@pytest.fixture(scope="module")
def two_servers(postgres_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, Database]]:
    """Processes A and B of the app on one fresh PostgreSQL database; their URLs and the database."""
    reset(postgres_url)
    db = open_database(postgres_url)
    environment = {"DATABASE_URL": postgres_url, "MOEDETAVLEN_SAFETY_POLL_SECONDS": "3600"}
    try:
        with (running_app(tmp_path_factory.mktemp("process-a"), environment=environment) as a,
              running_app(tmp_path_factory.mktemp("process-b"), environment=environment) as b):
            yield a, b, db
    finally:
        db.dispose()


def demo_session(db: Database) -> tuple[int, str]:
    """The demo meeting and a signed-in session of its caseworker (purpose given)."""
    meeting_id = first_meeting_or_demo(db, viewer="operator")
    assert meeting_id is not None
    create_demo_account(db, meeting_id)
    account = accounts.find_account(db, DEMO_EMAIL)
    assert account is not None
    token = sessions.start_session(db, account.id, "local")
    sessions.set_purpose(db, token, "meeting")
    return meeting_id, token


def test_a_laptop_on_one_process_moves_the_projector_on_the_other(
    browser: Browser, two_servers: tuple[str, str, Database],
) -> None:
    url_a, url_b, db = two_servers
    meeting_id, token = demo_session(db)
    contexts = []
    try:
        pages = []
        for url, path, size in ((url_a, f"/?m={meeting_id}", (1600, 1000)),
                                (url_b, f"/projektor?m={meeting_id}", (1920, 1080))):
            context = browser.new_context(viewport={"width": size[0], "height": size[1]}, locale="da-DK")
            context.add_cookies([{"name": SESSION_COOKIE, "value": token, "url": url}])
            contexts.append(context)
            page = context.new_page()
            page.set_default_timeout(45_000)
            page.goto(url + path)
            pages.append(page)
        laptop, projector = pages
        wait_for_app(laptop)
        screen = projector.locator("[data-testid='mt-screen']")
        expect(screen).to_have_attribute("data-screen", "agenda", timeout=60_000)
        expect(projector.get_by_test_id("mt-live").first).to_have_attribute("data-state", "open")

        laptop.get_by_test_id("stSidebarUserContent").get_by_text("Aftaler", exact=True).click()  # on process A
        expect(screen).to_have_attribute("data-screen", "actions")  # on process B

        services.add_action(db, "anden enhed", meeting_id, "Farmor kommer til næste møde", "Sanne")
        expect(projector.get_by_text("Farmor kommer til næste møde", exact=True)).to_be_attached()
        screenshot(projector, "push-two-processes-projector")
    finally:
        for context in contexts:
            context.close()
