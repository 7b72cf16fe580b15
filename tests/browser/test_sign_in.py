"""Sign-in in Chromium: nobody sees a family before signing in; a session survives a reload and ends at
sign-out in every tab; another caseworker cannot open the case by its address; a projector pairs by code
or by a one-time link and shows nothing once unpaired.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from facilitation.domain.access import Caseworker
from facilitation.services import accounts, pairing
from facilitation.storage import Database, open_database
from tests.browser.conftest import demo_meeting, screenshot, wait_for_app

pytestmark = pytest.mark.browser

PASSWORD = "korrekt hest batteri hæfteklamme"


@pytest.fixture
def server_db(server_data_dir: Path) -> Iterator[Database]:
    """The app server's database, with the demo case in it."""
    database = open_database(f"sqlite:///{server_data_dir / 'moedetavlen.sqlite3'}")
    demo_meeting(database)
    yield database
    database.dispose()


def account(db: Database, name: str, email: str) -> Caseworker:
    """An account with PASSWORD (made once per server; the demo account's one-time password is replaced)."""
    found = accounts.find_account(db, email)
    if found is None:
        accounts.create_account(db, name, email, PASSWORD)
        found = accounts.find_account(db, email)
    else:
        accounts.set_password(db, found.id, PASSWORD)
    assert found is not None
    return found


def fresh(browser: Browser, width: int = 1440, height: int = 900) -> tuple[BrowserContext, Page]:
    """A browser that has never signed in."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="da-DK")
    page = context.new_page()
    page.set_default_timeout(45_000)
    return context, page


def sign_in(page: Page, url: str, email: str, password: str = PASSWORD) -> None:
    """Through the sign-in form, then choose the purpose 'Møde'."""
    page.goto(f"{url}/signin")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Adgangskode").fill(password)
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(f"{url}/*")
    page.get_by_text("Møde", exact=True).click()
    page.get_by_role("button", name="Fortsæt").click()
    expect(page.get_by_test_id("stSidebarUserContent").get_by_text("Logget ind som")).to_be_visible()


def all_text(page: Page) -> str:
    """Everything the page and its frames show."""
    return "\n".join(frame.locator("body").inner_text() for frame in page.frames if frame.url != "about:blank")


def test_a_browser_that_has_not_signed_in_sees_no_family_on_any_page(
    browser: Browser, app_server: str, server_db: Database
) -> None:
    record_names = ["Juhl", "Alma"]
    context, page = fresh(browser)
    try:
        for path in ("/", "/projektor", "/moede?m=1", "/tavlen?m=1", "/netvaerk?m=1", "/projektor?m=1"):
            page.goto(f"{app_server}{path}")
            wait_for_app(page)
            page.wait_for_timeout(500)
            text = all_text(page)
            assert "Log ind" in text, path
            assert not [name for name in record_names if name in text], (path, text[:300])
        screenshot(page, "signin-page")
    finally:
        context.close()


def test_a_session_survives_a_reload_and_a_new_tab_and_sign_out_ends_it_in_every_tab(
    browser: Browser, app_server: str, server_db: Database
) -> None:
    account(server_db, "Demo Rådgiver", "demo@moedetavlen.invalid")
    context, page = fresh(browser)
    try:
        sign_in(page, app_server, "demo@moedetavlen.invalid")
        expect(page.get_by_text("Juhl").first).to_be_visible()
        page.reload()
        expect(page.get_by_test_id("stSidebarUserContent").get_by_text("Logget ind som")).to_be_visible()
        other = context.new_page()
        other.goto(app_server)
        expect(other.get_by_test_id("stSidebarUserContent").get_by_text("Logget ind som")).to_be_visible()
        page.get_by_role("link", name="Log ud").click()
        expect(page.get_by_role("heading", name="Log ind på Mødetavlen")).to_be_visible()
        expect(other.get_by_role("heading", name="Log ind på Mødetavlen")).to_be_visible(timeout=20_000)
        assert "Juhl" not in all_text(other)
    finally:
        context.close()


def test_a_wrong_password_is_refused_without_saying_which_part_was_wrong(
    browser: Browser, app_server: str, server_db: Database
) -> None:
    account(server_db, "Kim Holm", "kim@kommune.test")
    context, page = fresh(browser)
    try:
        page.goto(f"{app_server}/signin")
        page.get_by_label("E-mail").fill("kim@kommune.test")
        page.get_by_label("Adgangskode").fill("forkert")
        page.get_by_role("button", name="Log ind").click()
        expect(page.get_by_role("alert")).to_contain_text("E-mail eller adgangskode er forkert")
    finally:
        context.close()


def test_another_caseworker_cannot_open_the_case_by_typing_its_address(
    browser: Browser, app_server: str, server_db: Database
) -> None:
    account(server_db, "Mads Fremmed", "mads@kommune.test")
    meeting_id = demo_meeting(server_db)
    context, page = fresh(browser)
    try:
        sign_in(page, app_server, "mads@kommune.test")
        for path in (f"/moede?m={meeting_id}", f"/tavlen?m={meeting_id}", f"/projektor?m={meeting_id}"):
            page.goto(f"{app_server}{path}")
            expect(page.get_by_text("findes ikke").first).to_be_visible()  # as for a meeting that does not exist
            page.wait_for_timeout(500)
            assert "Juhl" not in all_text(page) and "Alma" not in all_text(page), path
    finally:
        context.close()


def test_a_projector_pairs_by_its_code_shows_the_meeting_and_shows_nothing_once_unpaired(
    browser: Browser, app_server: str, server_db: Database
) -> None:
    demo = account(server_db, "Demo Rådgiver", "demo@moedetavlen.invalid")
    meeting_id = demo_meeting(server_db)
    wall_context, wall = fresh(browser, 1280, 720)
    laptop_context, laptop = fresh(browser)
    try:
        wall.goto(f"{app_server}/tilslut")
        expect(wall.get_by_text("Skriv denne kode")).to_be_visible(timeout=30_000)
        code = wall.get_by_role("heading", level=1).first.inner_text().strip()
        assert len(code) == 6
        sign_in(laptop, app_server, "demo@moedetavlen.invalid")
        laptop.goto(f"{app_server}/?m={meeting_id}")  # the meeting page is the default one, served at /
        wait_for_app(laptop)
        laptop.get_by_text("Projektor", exact=True).last.click()
        laptop.get_by_label("Koden på projektoren").fill(code.lower())
        laptop.get_by_role("button", name="Forbind projektoren").click()
        expect(wall.get_by_text("Alma").first).to_be_visible(timeout=30_000)
        screenshot(wall, "projector-paired")
        pairing.unpair(server_db, demo, meeting_id)
        expect(wall.get_by_text("Skærmen viser ikke noget møde")).to_be_visible(timeout=30_000)
        assert "Alma" not in all_text(wall)
    finally:
        wall_context.close()
        laptop_context.close()


def test_a_one_time_projector_link_works_once(browser: Browser, app_server: str, server_db: Database) -> None:
    demo = account(server_db, "Demo Rådgiver", "demo@moedetavlen.invalid")
    meeting_id = demo_meeting(server_db)
    token = pairing.create_pairing_link(server_db, demo, meeting_id)
    first_context, first = fresh(browser, 1280, 720)
    second_context, second = fresh(browser, 1280, 720)
    try:
        first.goto(f"{app_server}/pair/{token}")
        expect(first.get_by_text("Alma").first).to_be_visible(timeout=30_000)
        assert "/pair/" not in first.url, "the token leaves the address bar at once"
        response = second.goto(f"{app_server}/pair/{token}")
        assert response is not None and response.status == 410
        assert "Alma" not in all_text(second)
    finally:
        first_context.close()
        second_context.close()
