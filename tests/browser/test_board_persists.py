"""A caseworker opens the app, sees the demo meeting, adds a board item, reloads: it is still there."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot, wait_for_app

pytestmark = pytest.mark.browser


def test_a_board_item_added_in_the_browser_survives_a_reload(app_server: str, page: Page) -> None:
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto(app_server)
    wait_for_app(page)
    expect(page.locator("h1")).to_contain_text("Familien Juhl")
    screenshot(page, "meeting-page")

    page.get_by_role("link", name="Tavlen").click()
    expect(page.locator("h1")).to_have_text("Tavlen")
    expect(page.get_by_text("Alma går glad i skole de fleste dage")).to_be_visible()
    note = "Farmor vil gerne have Alma en weekend 🧡 (æøå)"
    worry_form = page.locator("[data-testid='stForm']").filter(has_text="Ny note").nth(1)
    worry_form.get_by_role("textbox").first.fill(note)
    worry_form.get_by_role("button", name="Tilføj").click()
    card = page.get_by_role("paragraph").filter(has_text=note)
    expect(card).to_be_visible()
    expect(worry_form.get_by_role("textbox").first).to_have_value("")
    screenshot(page, "board-page")

    page.reload()
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"[?&]m=\d+"))
    expect(page.get_by_role("paragraph").filter(has_text=note)).to_be_visible()
    assert not [url for url in failed if not url.startswith(app_server)], failed


def test_a_reload_after_following_a_page_link_stays_on_the_same_meeting(app_server: str, page: Page) -> None:
    page.goto(app_server)
    wait_for_app(page)
    first_url = page.url
    meeting = re.search(r"m=(\d+)", first_url)
    assert meeting, first_url
    page.get_by_role("link", name="Dagsorden").click()
    expect(page).to_have_url(re.compile(rf"[?&]m={meeting.group(1)}\b"))
    page.reload()
    wait_for_app(page)
    expect(page).to_have_url(re.compile(rf"[?&]m={meeting.group(1)}\b"))
