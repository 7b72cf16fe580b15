"""The minute-taker's console in a browser: after an add the tab stays, the form empties, the focus is in 'what'."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from facilitation import services
from facilitation.storage import Database
from tests.browser.conftest import screenshot, wait_for_app

pytestmark = pytest.mark.browser


def focused_field(page: Page) -> str:
    """The accessible name of the element holding the keyboard focus."""
    return str(page.evaluate("() => document.activeElement.getAttribute('aria-label') || ''"))


def test_an_added_action_keeps_the_tab_empties_the_form_and_puts_the_focus_back_in_what(
    page: Page, app_server: str, server_db: Database
) -> None:
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(app_server)
    wait_for_app(page)
    page.get_by_role("link", name="Referat og aftaler").click()
    wait_for_app(page)
    page.get_by_role("tab", name="Aftaler").click()
    wait_for_app(page)
    what, who = page.get_by_label("Hvad skal der ske?").first, page.get_by_label("Hvem gør det?").first
    due = page.locator(".st-key-action-due input[type=date]")
    what.fill("Ringe til PPR om en samtale")
    who.fill("Birthe")
    day = page.locator(".st-key-action-due [data-type=day]")
    who.press("Tab")  # from "who" the keyboard goes on to the date's day field, as a minute-taker types
    if not day.evaluate("field => field === document.activeElement"):
        day.focus()  # a click or Tab can land while the field is being redrawn; the typing below is the point
    expect(day).to_be_focused()
    page.keyboard.type("24122026", delay=50)
    expect(due).to_have_value("2026-12-24")
    page.get_by_role("button", name="Tilføj aftale").click()
    wait_for_app(page)
    expect(what).to_have_value("")
    expect(who).to_have_value("")
    expect(due).to_have_value("")
    page.wait_for_function("() => document.activeElement.getAttribute('aria-label') === 'Hvad skal der ske?'")
    assert focused_field(page) == "Hvad skal der ske?"
    expect(page.get_by_role("tab", name="Aftaler")).to_have_attribute("aria-selected", "true")
    screenshot(page, "minutes-console-after-add")

    meeting_id = int(page.url.split("m=")[1].split("&")[0])
    record = services.load_meeting(server_db, meeting_id, viewer="operator")
    services.save_note(server_db, "operator", meeting_id, record.agenda[0].id, "Skrevet på den anden computer")
    page.get_by_role("tab", name="Noter").click()  # proves the page has drawn the other laptop's note…
    expect(page.get_by_text("Skrevet på den anden computer")).to_be_visible(timeout=45_000)
    page.get_by_role("tab", name="Aftaler").click()
    wait_for_app(page)

    what.fill("Finde en, der kan hente Alma om tirsdagen")
    page.get_by_role("button", name="Tilføj aftale").click()  # no owner, no date: saved all the same
    expect(what).to_have_value("")
    assert not page.get_by_text("skal udfyldes").count()
    expect(page.get_by_role("tab", name="Aftaler")).to_have_attribute("aria-selected", "true")
    last = services.load_meeting(server_db, meeting_id, viewer="operator").actions[-1]
    assert (last.what, last.who, last.due) == ("Finde en, der kan hente Alma om tirsdagen", "", None)


def test_a_second_edit_from_another_laptop_reaches_the_open_actions_tab(
    page: Page, app_server: str, server_db: Database
) -> None:
    page.set_viewport_size({"width": 1440, "height": 900})
    page.goto(app_server)
    wait_for_app(page)
    page.get_by_role("link", name="Referat og aftaler").click()
    wait_for_app(page)
    meeting_id = int(page.url.split("m=")[1].split("&")[0])
    record = services.load_meeting(server_db, meeting_id, viewer="operator")
    services.save_note(server_db, "operator", meeting_id, record.agenda[0].id, "Skrevet på den anden computer")
    page.get_by_role("tab", name="Noter").click()
    expect(page.get_by_text("Skrevet på den anden computer")).to_be_visible(timeout=45_000)
    page.get_by_role("tab", name="Aftaler").click()
    wait_for_app(page)
    services.add_action(server_db, "operator", meeting_id, "Og en aftale til", "Sanne", None)
    page.wait_for_function(  # the table's cells are in the page for screen readers (the grid itself is a canvas)
        "() => [...document.querySelectorAll('[role=gridcell]')].some(c => c.textContent.includes('Og en aftale til'))",
        timeout=90_000)  # the other laptop's edit reaches this page within the watcher's rerun gap; generous on 2 cores
    expect(page.get_by_role("tab", name="Aftaler")).to_have_attribute("aria-selected", "true")  # …and kept the tab
