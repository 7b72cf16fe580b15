"""Mine sager in Chromium: signing in opens it, the overdue Berg case first, and planning its follow-up."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from facilitation import services as s
from facilitation.storage import Database, open_database
from tests.browser.conftest import demo_meeting, screenshot, wait_for_app
from tests.browser.test_sign_in import PASSWORD, account, fresh
from tests.conftest import ACTOR

pytestmark = pytest.mark.browser


@pytest.fixture
def server_db(server_data_dir: Path) -> Iterator[Database]:
    """The app server's database, with the demo cases in it."""
    database = open_database(f"sqlite:///{server_data_dir / 'moedetavlen.sqlite3'}")
    demo_meeting(database)
    yield database
    database.dispose()


def test_signing_in_opens_mine_sager_with_the_overdue_case_first_and_its_follow_up_can_be_planned(
    browser: Browser, app_server: str, server_db: Database,
) -> None:
    account(server_db, "Demo Rådgiver", "demo@moedetavlen.invalid")
    context, page = fresh(browser)
    try:
        page.goto(f"{app_server}/signin")  # the sign-in form, then the purpose, as test_sign_in.sign_in does
        page.get_by_label("E-mail").fill("demo@moedetavlen.invalid")
        page.get_by_label("Adgangskode").fill(PASSWORD)
        page.get_by_role("button", name="Log ind").click()
        page.wait_for_url(f"{app_server}/*")
        page.get_by_text("Møde", exact=True).click()
        page.get_by_role("button", name="Fortsæt").click()
        expect(page.get_by_role("heading", name="Mine sager")).to_be_visible()
        wait_for_app(page)
        cards = page.locator("[class*='st-key-my_cases_case_']")
        expect(cards.first).to_contain_text("Familien Berg (demo)")
        expect(cards.first).to_contain_text("Opfølgningen er overskredet")
        expect(cards.nth(1)).to_contain_text("Familien Juhl (demo)")
        screenshot(page, "my_cases")
        cards.first.get_by_role("link", name="Sagens forløb").click()
        expect(page.get_by_role("heading", name="Sagens forløb")).to_be_visible()
        expect(page.get_by_text("Sammenfatning af 1 møder")).to_be_visible()
        page.goto(f"{app_server}/mine-sager")
        wait_for_app(page)
        cards = page.locator("[class*='st-key-my_cases_case_']")
        cards.first.get_by_role("button", name="Planlæg opfølgningsmødet").click()
        expect(cards.first).to_contain_text("Opfølgningsmøde planlagt")
        expect(page.get_by_text("Opfølgningen er overskredet")).to_have_count(0)
        berg = next(c for c in s.list_cases(server_db, viewer=ACTOR) if c.family_name == "Familien Berg (demo)")
        held, planned = sorted(s.list_meetings(server_db, berg.id, viewer=ACTOR), key=lambda m: m.date)
        carried = s.load_meeting(server_db, planned.id, viewer=ACTOR).actions
        assert [a.what for a in carried] == ["Søge om merudgifter til diabetesudstyr"], "the open action is carried"
        assert carried[0].carried_from_id == s.load_meeting(server_db, held.id, viewer=ACTOR).actions[0].id
    finally:
        context.close()
