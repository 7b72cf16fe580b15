"""The board's presentation layout on a 1920×1080 projector: three full columns on one screen, no scrollbar."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from facilitation import services
from facilitation.domain.model import BoardKind
from facilitation.storage import Database
from tests.browser.conftest import screenshot, signed_in_cookie, wait_for_app

pytestmark = pytest.mark.browser

WORRIES = [
    "Alma har sagt til læreren, at hun ikke kan sove, når mor græder om natten",
    "<b>fed</b> <script>alert('hej')</script> — skrevet af en forælder i et kommentarfelt",
    "Meget lang note: " + " ".join(["Mor fortæller om en svær periode med mange aflyste aftaler"] * 80),
    "Uafbrudt-" + "x" * 4_990,
    "Alma kommer ofte for sent i skole om mandagen",
]
WORKING_WELL = [
    "Morbror Mads tager Alma med til fodbold hver lørdag",
    "Naboen Henny har altid en nøgle, og Alma ved det",
    "Alma og mor laver mad sammen om søndagen",
    "Skolen har lavet en fast voksen, Alma kan gå til",
]
NEXT_STEPS = [
    "Mormor og Sanne laver en ugeplan inden fredag",
    "Alma får en telefonliste med tre voksne",
    "Rådgiveren ringer til skolen om frokostordningen",
    "Kasper og Sanne aftaler afleveringssted hos mormor",
    "Ida fra PPR tilbyder Alma tre samtaler",
    "Netværket mødes igen om seks uger",
]


@pytest.fixture
def projector(browser: Browser, app_server: str, server_data_dir: Path) -> Iterator[Page]:
    """A page the size of a 1920×1080 projector, signed in."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="da-DK")
    context.add_cookies([signed_in_cookie(server_data_dir, app_server)])  # type: ignore[list-item]  # a Cookie
    page = context.new_page()
    page.set_default_timeout(45_000)
    yield page
    context.close()


def fill_to_eight_per_column(data_dir: Path, meeting_id: int) -> None:
    """Add notes through the services until the demo meeting has eight in each of the three columns."""
    db = Database(f"sqlite:///{data_dir / 'moedetavlen.sqlite3'}")
    try:
        for kind, texts in ((BoardKind.WORRY, WORRIES), (BoardKind.WORKING_WELL, WORKING_WELL),
                            (BoardKind.NEXT_STEP, NEXT_STEPS)):
            for text in texts:
                services.add_board_item(db, "browser test", meeting_id, kind, text, said_by="Birthe Juhl")
        record = services.load_meeting(db, meeting_id, viewer="browser test")
        assert [len(record.board_column(k)) for k in (BoardKind.WORRY, BoardKind.WORKING_WELL, BoardKind.NEXT_STEP)] \
            == [8, 8, 8]
    finally:
        db.dispose()


def scrolling_elements(page: Page) -> list[str]:
    """Elements outside the sidebar (the page included) whose content overflows them, and that may scroll."""
    return page.evaluate(
        """() => [document.scrollingElement, ...document.querySelectorAll('*')].filter(e => {
            if (e.closest && e.closest('[data-testid="stSidebar"]')) return false;
            const style = getComputedStyle(e);
            const scrolls = e === document.scrollingElement || /(auto|scroll)/.test(style.overflowY + style.overflowX);
            return scrolls && (e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1);
        }).map(e => (e.dataset && e.dataset.testid) || e.className || e.tagName)"""
    )


def test_eight_notes_per_column_fit_one_projector_screen_calm_large_and_escaped(
    app_server: str, server_data_dir: Path, projector: Page
) -> None:
    page = projector
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("dialog", lambda dialog: failed.append(f"dialog: {dialog.message}"))
    page.goto(app_server)
    wait_for_app(page)
    meeting_id = int(re.search(r"[?&]m=(\d+)", page.url).group(1))  # type: ignore[union-attr]
    fill_to_eight_per_column(server_data_dir, meeting_id)

    page.get_by_role("link", name="Tavlen").click()
    expect(page.locator("h1")).to_have_text("Tavlen")
    page.locator("[data-testid='stMain']").get_by_text("Præsentation", exact=True).click()
    board = page.locator(".mt-board")
    expect(board).to_be_visible()
    columns = board.locator(".mt-col")
    expect(columns).to_have_count(3)
    expect(columns.nth(0).locator("h2")).to_have_text("Hvad er vi bekymrede for?")
    expect(columns.nth(1).locator("h2")).to_have_text("Hvad går godt?")
    expect(columns.nth(2).locator("h2")).to_have_text("Hvad skal der ske?")
    wait_for_app(page)

    for index in range(3):
        expect(columns.nth(index).locator(".mt-item")).to_have_count(8)
        box = columns.nth(index).bounding_box()
        assert box is not None
        assert box["y"] >= 0 and box["y"] + box["height"] <= 1080, (index, box)
        assert box["x"] >= 0 and box["x"] + box["width"] <= 1920, (index, box)
        assert box["width"] > 400, "three columns side by side, each wide enough to read"
    assert scrolling_elements(page) == [], "nothing on the page needs a scrollbar"

    # Large enough to read at five metres; the long notes are clamped with a visible '…'.
    first_note = columns.nth(0).locator(".mt-item").first
    assert float(first_note.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 24
    long_notes = columns.nth(0).locator(".mt-item").filter(has_text="…")
    expect(long_notes).to_have_count(2)
    for note in (long_notes.nth(0), long_notes.nth(1)):
        height = note.bounding_box()["height"]  # type: ignore[index]
        assert height < 110, f"a long note is clamped to two lines, not {height}px tall"

    # HTML typed into a note is shown as text, never run or rendered.
    html_note = columns.nth(0).locator(".mt-item").filter(has_text="<b>fed</b>")
    expect(html_note).to_have_count(1)
    assert board.locator("b, script").count() == 0
    screenshot(page, "board-presentation")
    assert not [url for url in failed if not url.startswith(app_server)], failed


def test_a_name_typed_into_said_by_is_kept_with_the_note(app_server: str, page: Page) -> None:
    page.goto(app_server)
    wait_for_app(page)
    page.get_by_role("link", name="Tavlen").click()
    expect(page.locator("h1")).to_have_text("Tavlen")
    form = page.locator("[data-testid='stForm']").filter(has_text="Ny note").first
    form.get_by_role("textbox").first.fill("Alma vil ikke tale om weekenderne")
    said_by = form.locator("[data-testid='stSelectbox']").first
    said_by.click()
    page.keyboard.type("Almas fodboldtræner")
    page.keyboard.press("Enter")
    form.get_by_role("button", name="Tilføj").click()
    card = page.locator("[class*='st-key-board_card_']").filter(has_text="Alma vil ikke tale om weekenderne")
    expect(card).to_be_visible()
    expect(card).to_contain_text("Sagt af Almas fodboldtræner")
