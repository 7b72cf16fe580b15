"""In the browser: a projector whose meeting is deleted says so and never turns into the next family's meeting,
and an address with Markdown in it shows that text as text (no picture is fetched from another host)."""

from __future__ import annotations

from datetime import date
from urllib.parse import quote, urlparse

import pytest
from playwright.sync_api import Browser, Page, expect

from facilitation import services
from facilitation.domain.catalog_da import DA
from facilitation.services import pairing
from facilitation.storage import Database
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

ACTOR = "browser test"
TRACKER = "![x](http://tracker.example/track.png)"


def test_a_paired_projector_of_a_deleted_meeting_says_so_and_never_shows_the_next_meeting(
    browser: Browser, app_server: str, server_db: Database,
) -> None:
    family_a = services.create_case(server_db, ACTOR, "Familien Abel", "Asta", "assessment")
    meeting_a = services.create_meeting(server_db, ACTOR, family_a, "start", date(2026, 3, 2))
    context = browser.new_context(viewport={"width": 1600, "height": 900}, locale="da-DK")
    try:
        wall = context.new_page()
        wall.set_default_timeout(45_000)
        wall.goto(f"{app_server}/pair/{pairing.create_pairing_link(server_db, ACTOR, meeting_a)}")
        expect(wall.locator("[data-testid='mt-screen']")).to_be_attached(timeout=60_000)
        expect(wall.locator(".mt-bar")).to_contain_text("Asta")

        services.delete_meeting(server_db, ACTOR, meeting_a)
        family_b = services.create_case(server_db, ACTOR, "Familien Berg", "Bertil", "assessment")
        meeting_b = services.create_meeting(server_db, ACTOR, family_b, "start", date(2026, 3, 3))
        assert meeting_b > meeting_a

        expect(wall.get_by_test_id("mt-gone")).to_have_text(DA["projector.meeting_gone"], timeout=60_000)
        screenshot(wall, "projector-meeting-deleted")
        services.set_screen(server_db, ACTOR, meeting_b, "board")  # family B's meeting changes: still not shown
        expect(wall.get_by_test_id("mt-gone")).to_be_visible()
        assert wall.locator("[data-testid='mt-screen']").count() == 0
        text = wall.locator("body").inner_text()
        assert "Asta" not in text and "Bertil" not in text and "Berg" not in text
    finally:
        context.close()


def test_an_address_with_a_markdown_image_shows_the_text_and_fetches_nothing(page: Page, app_server: str) -> None:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(f"{app_server}/?m={quote(TRACKER)}")
    alert = page.locator("[data-testid='stAlert']").filter(has_text="findes ikke")
    expect(alert).to_contain_text(f"»{TRACKER}«", timeout=60_000)
    screenshot(page, "address-with-markdown")
    assert alert.locator("img").count() == 0 and alert.locator("a").count() == 0
    assert page.locator("img[src*='tracker.example'], a[href*='tracker.example']").count() == 0
    assert not [url for url in fetched if urlparse(url).hostname == "tracker.example"]
