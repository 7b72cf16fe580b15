"""In Chromium: the meeting's time of day is entered on 'Mødet', the phone under 'Min profil', and the child
listed as a participant stays the map's one centre."""

from __future__ import annotations

from datetime import time

import pytest
from playwright.sync_api import Page, expect

from facilitation import services
from facilitation.demo import DEMO_EMAIL
from facilitation.services import accounts
from facilitation.storage import Database
from tests.browser.conftest import demo_meeting, screenshot, wait_for_app

pytestmark = pytest.mark.browser


def _open_meeting_page(page: Page, app_server: str, mid: int) -> None:
    """'Mødet' of the meeting, run to its end (the server's first run, under load, may take a while)."""
    page.set_default_timeout(90_000)
    page.goto(f"{app_server}/moede?m={mid}")
    wait_for_app(page)
    expect(page.locator("[data-testid='stMain'] h1")).to_contain_text("Familien Juhl", timeout=90_000)


def test_the_meeting_page_shows_and_stores_the_time_of_day(app_server: str, page: Page, server_db: Database) -> None:
    mid = demo_meeting(server_db)
    services.edit_meeting(server_db, "operator", mid, start_time="09:30", end_time="11:30")
    _open_meeting_page(page, app_server, mid)
    expect(page.locator("[data-testid='stMain']").get_by_text("kl. 9.30–11.30").first).to_be_visible()
    hour = page.get_by_role("spinbutton", name="time, Fra kl.")  # the time field's hour and minute segments
    expect(hour).to_have_attribute("aria-valuenow", "9")
    expect(page.get_by_role("spinbutton", name="minut, Fra kl.")).to_have_attribute("aria-valuenow", "30")
    hour.click()
    hour.press_sequentially("13")
    expect(hour).to_have_attribute("aria-valuenow", "13")
    form = page.locator("[data-testid='stForm']").filter(has=hour)
    form.get_by_role("button", name="Gem").click()
    wait_for_app(page)
    expect(page.get_by_text("kl. 13.00–11.30").first).to_be_hidden()  # refused: the end is before the start
    expect(page.get_by_text("skal ligge efter starttidspunktet").first).to_be_visible()
    screenshot(page, "meeting-times-refused")
    assert services.get_meeting(server_db, mid, viewer="operator").start_time == time(9, 30)


def test_min_profil_stores_the_phone_the_minute_gives(app_server: str, page: Page, server_db: Database) -> None:
    mid = demo_meeting(server_db)
    _open_meeting_page(page, app_server, mid)
    page.get_by_role("button", name="Min profil").click()
    phone = page.get_by_label("Telefon")
    expect(phone).to_be_visible()
    phone.fill("+45 12 34 56 78")
    screenshot(page, "min-profil")
    page.locator("[data-testid='stPopoverBody']").get_by_role("button", name="Gem").click()
    wait_for_app(page)
    worker = accounts.find_account(server_db, DEMO_EMAIL)
    assert worker is not None
    expect(page.get_by_text("Din profil er gemt.").first).to_be_visible()
    assert accounts.get_account(server_db, worker.id).phone == "+45 12 34 56 78"
