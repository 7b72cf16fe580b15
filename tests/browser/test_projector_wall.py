"""The projector's wall element (ui/wall_element.py): an edit changes only what differs, hostile text stays text,
and the pages of a long list keep turning by the clock after a redraw."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from facilitation import services
from facilitation.storage import Database
from tests.browser.conftest import demo_meeting
from tests.browser.test_projector_screens import projector

pytestmark = pytest.mark.browser

ACTOR = "browser test"
HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> **fed** æøå 😊'
TURN_MS = 12_000  # ui/projection.PAGE_SECONDS


@pytest.fixture(scope="module")
def long_actions(server_db: Database) -> tuple[int, int]:
    """The demo meeting on the actions screen with enough actions for several pages; its id and its first action."""
    meeting_id = demo_meeting(server_db)
    for number in range(24):
        services.add_action(server_db, ACTOR, meeting_id, f"Aftale {number + 1}: Mormor henter om tirsdagen", "Birthe")
    services.set_screen(server_db, ACTOR, meeting_id, "actions")
    return meeting_id, services.load_meeting(server_db, meeting_id, viewer=ACTOR).actions[0].id


def shown_page(wall: Page) -> dict[str, int]:
    """The actions' paged box: how many pages, which one is visible, and the page due by this browser's clock."""
    return wall.evaluate(f"""() => {{
        const box = document.querySelector(".mt-paged");
        const shown = [...box.children].filter(p => getComputedStyle(p).visibility === "visible");
        const count = Number(box.dataset.pages);
        const due = t => Math.floor(t / {TURN_MS}) % count + 1;
        return {{count, shown: shown.length === 1 ? Number(shown[0].dataset.page) : -shown.length,
                 due: due(Date.now()), dueBefore: due(Date.now() - 2000)}};
    }}""")


@pytest.fixture
def wall(browser: Browser, app_server: str, server_db: Database, long_actions: tuple[int, int]) -> Iterator[Page]:
    """A projector paired to the meeting with the long actions list, closed after the test."""
    page = projector(browser, app_server, server_db, long_actions[0])
    yield page
    page.context.close()


def test_an_edit_changes_only_its_row_and_hostile_text_stays_text(
    wall: Page, server_db: Database, long_actions: tuple[int, int],
) -> None:
    meeting_id, first = long_actions
    expect(wall.get_by_text("Aftale 24: Mormor henter om tirsdagen")).to_be_attached()
    wall.evaluate("""() => {
        const rows = document.querySelectorAll(".mt-action:not(.mt-head)");
        window.__kept = [rows[rows.length - 1], document.querySelector(".mt-bar h1")];
    }""")
    services.edit_action(server_db, ACTOR, meeting_id, first, what=HOSTILE)
    expect(wall.locator(".mt-action").filter(has_text="**fed** æøå 😊")).to_have_count(1)
    row = wall.locator(".mt-action").filter(has_text="**fed**").first
    assert row.inner_text().startswith('<img src=x onerror="window.__pwned=1"><script>'), "shown as typed"
    assert wall.evaluate("() => window.__kept.every(node => node.isConnected)"), "the other nodes were kept"
    assert wall.evaluate("() => window.__pwned") is None
    assert wall.locator(".mt-wall img, .mt-wall script").count() == 0


def test_after_a_redraw_the_pages_still_turn_by_the_clock(
    wall: Page, server_db: Database, long_actions: tuple[int, int],
) -> None:
    meeting_id, first = long_actions
    assert shown_page(wall)["count"] >= 3
    wall.wait_for_timeout(15_000)  # more than a turn: a redraw timed from the first drawing would be a page ahead
    services.edit_action(server_db, ACTOR, meeting_id, first, what="Mormor henter om onsdagen")
    expect(wall.get_by_text("Mormor henter om onsdagen")).to_be_attached()
    wall.wait_for_timeout(wall.evaluate(f"() => {TURN_MS} - Date.now() % {TURN_MS}") + 1_500)  # past a turn
    page = shown_page(wall)
    assert page["shown"] in (page["due"], page["dueBefore"]), page
