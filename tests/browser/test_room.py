"""A real room: the facilitator's and the makker's laptops and a paired projector, in three browser contexts.

With both laptops open the curtain and the projector's screen never change by themselves (they used to
flip for 20 s: each sidebar's toggle wrote its own older value back); each click changes them exactly
once; a reload keeps every device's roles, page and meeting; bookmarks open without "Page not found".
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from facilitation import services
from facilitation.domain.access import MemberRole
from facilitation.services import accounts, members, pairing, sessions
from facilitation.storage import Database, open_database
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, demo_meeting, screenshot, signed_in_cookie
from ui.auth_routes import SESSION_COOKIE

pytestmark = pytest.mark.browser

MAKKER_EMAIL = "makker@moedetavlen.invalid"
QUIET_SECONDS = 60
SETTLE_SECONDS = 8  # after a click: long enough for every device to redraw several times
POLL = 0.2
WAIT = 90_000  # ms: the machine may be busy; a wait is not a timed assertion
EDIT_EVERY = 2.0  # another device saves a note this often, so both laptops keep redrawing

# Every 200 ms: what the projector shows ("curtain", or the screen's name); each change is kept with its time.
RECORD_PROJECTOR = """() => {
  window.mtChanges = [];
  let last = null;
  const look = () => {
    const curtain = document.querySelector('[data-testid=mt-curtain]');
    const screen = document.querySelector('[data-testid=mt-screen]');
    const state = curtain ? 'curtain' : (screen ? screen.getAttribute('data-screen') : null);
    if (state !== null && state !== last) { window.mtChanges.push([Date.now(), state]); last = state; }
  };
  look();
  window.setInterval(look, 200);
}"""


@dataclass
class Room:
    """The three devices and the server's database, with every change of the meeting's row seen so far."""

    db: Database
    url: str
    meeting_id: int
    facilitator: Page
    makker: Page
    projector: Page
    stored: list[tuple[bool, str]] = field(default_factory=list)
    note: int = 0

    def watch(self, seconds: float) -> None:
        """Poll the meeting row every 200 ms for `seconds`, another device saving a note now and then."""
        end = time.monotonic() + seconds
        next_edit = time.monotonic()
        while time.monotonic() < end:
            meeting = services.get_meeting(self.db, self.meeting_id, viewer="operator")
            state = (meeting.curtain, meeting.screen)
            if not self.stored or self.stored[-1] != state:
                self.stored.append(state)
            if time.monotonic() >= next_edit:
                self.note += 1
                first = services.load_meeting(self.db, self.meeting_id, viewer="operator").agenda[0]
                services.save_note(self.db, "tredje enhed", self.meeting_id, first.id, f"Note nummer {self.note}")
                next_edit = time.monotonic() + EDIT_EVERY
            time.sleep(POLL)

    def shown(self) -> list[str]:
        """Every state the projector has shown since recording began, in order."""
        return [state for _at, state in self.projector.evaluate("() => window.mtChanges")]


@pytest.fixture
def server_db(server_data_dir: Path) -> Iterator[Database]:
    """The app server's database, with the demo case in it."""
    database = open_database(f"sqlite:///{server_data_dir / 'moedetavlen.sqlite3'}")
    demo_meeting(database)
    yield database
    database.dispose()


def makker_cookie(db: Database, url: str, meeting_id: int) -> dict[str, str]:
    """The demo case's makker (an account, added to the case), signed in with the purpose 'meeting'."""
    found = accounts.find_account(db, MAKKER_EMAIL)
    worker = found or accounts.create_account(db, "Nadia Ebbesen", MAKKER_EMAIL, None)
    case_id = services.get_meeting(db, meeting_id, viewer="operator").case_id
    members.add_member(db, "operator", case_id, worker.id, MemberRole.MAKKER.value)
    token = sessions.start_session(db, worker.id, "local")
    sessions.set_purpose(db, token, "meeting")
    return {"name": SESSION_COOKIE, "value": token, "url": url}


def ready(page: Page) -> None:
    """Wait until a laptop shows its page: a heading and the sidebar's role buttons.

    (Not conftest's wait_for_app: it waits for an idle status, which a laptop running its live parts seldom
    shows on a loaded machine, so its set-up timed out; what a person sees is what the test waits for.)
    """
    expect(page.locator("h1").first).to_be_visible(timeout=WAIT)
    expect(sidebar(page).get_by_role("button", name=re.compile("Mødeleder")).first).to_be_visible(timeout=WAIT)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stSkeleton\"]')", timeout=WAIT)


def laptop(browser: Browser, cookie: dict[str, str], address: str) -> Page:
    """A caseworker's laptop at 1280×800, signed in, opened at `address`."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="da-DK")
    context.add_cookies([cookie])  # type: ignore[list-item]  # a Cookie
    page = context.new_page()
    page.set_default_timeout(WAIT)
    page.goto(address, wait_until="commit")
    ready(page)
    return page


def sidebar(page: Page) -> Locator:
    """The sidebar's own content (not the page menu)."""
    return page.get_by_test_id("stSidebarUserContent")


def button(page: Page, name: str) -> Locator:
    """A sidebar button by its text (a held role or the shown screen also carries a check mark)."""
    return sidebar(page).get_by_role("button", name=re.compile(rf"{re.escape(name)}$"))


def held(page: Page, name: str) -> bool:
    """Whether a sidebar button is highlighted (a role held, the screen shown)."""
    return button(page, name).get_attribute("data-testid") == "stBaseButton-primary"


def no_page_not_found(page: Page) -> None:
    """Streamlit's English dialog for an unknown address is not there."""
    page.wait_for_timeout(500)  # the dialog comes with the run's first messages: give it time to appear
    expect(page.get_by_text("Page not found")).to_have_count(0)
    expect(page.get_by_text("not found", exact=False)).to_have_count(0)


def open_bookmark(page: Page, address: str) -> None:
    """Open a bookmarked address as a person would (a new session), and wait for the page."""
    page.goto(address, wait_until="commit")
    ready(page)
    no_page_not_found(page)


@pytest.fixture
def machines(browser: Browser) -> Iterator[tuple[Browser, Browser, Browser]]:
    """Three browsers, one per device, as in the room (a third context of one Chromium loaded no page here)."""
    others = [browser.browser_type.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS) for _ in range(2)]
    yield browser, others[0], others[1]
    for other in others:
        other.close()


@pytest.fixture
def room(machines: tuple[Browser, Browser, Browser], app_server: str, server_data_dir: Path, server_db: Database
         ) -> Iterator[Room]:
    """A paired projector, then both laptops on the demo meeting (the facilitator from a bookmark of the board)."""
    meeting_id = demo_meeting(server_db)
    services.set_curtain(server_db, "operator", meeting_id, False)
    services.set_screen(server_db, "operator", meeting_id, "agenda")
    context = machines[2].new_context(viewport={"width": 1920, "height": 1080}, locale="da-DK")
    projector = context.new_page()
    projector.set_default_timeout(WAIT)
    projector.goto(f"{app_server}/pair/{pairing.create_pairing_link(server_db, 'operator', meeting_id)}",
                   wait_until="commit")
    try:
        expect(projector.locator("[data-testid='mt-screen']")).to_have_attribute("data-screen", "agenda", timeout=WAIT)
    except AssertionError:
        screenshot(projector, "room-projector-failed")
        raise
    facilitator = laptop(machines[0], signed_in_cookie(server_data_dir, app_server),
                         f"{app_server}/tavlen?m={meeting_id}")
    makker = laptop(machines[1], makker_cookie(server_db, app_server, meeting_id), f"{app_server}/?m={meeting_id}")
    yield Room(server_db, app_server, meeting_id, facilitator, makker, projector)
    for page in (facilitator, makker, projector):
        page.context.close()


def test_the_curtain_and_screen_change_only_by_a_click_and_every_device_keeps_its_roles_page_and_meeting(
    room: Room,
) -> None:
    mid = f"m={room.meeting_id}"
    facilitator, makker, projector = room.facilitator, room.makker, room.projector
    expect(facilitator.locator("h1").first).to_contain_text("Tavlen", timeout=WAIT)
    expect(makker.locator("h1").first).to_have_text("Referat og aftaler", timeout=WAIT)  # '/' : the makker's main page
    assert re.search(r"/referat\?", makker.url) and mid in makker.url, makker.url
    assert held(facilitator, "Mødeleder") and not held(facilitator, "Referent")
    assert all(held(makker, role) for role in ("Tidtager", "Referent", "Ordstyrer")) and not held(makker, "Mødeleder")
    expect(button(makker, "Træk gardinet for")).to_be_visible(timeout=WAIT)  # the minute-taker may draw the curtain ...
    expect(button(makker, "Tavlen")).to_have_count(0)  # ... but does not choose the screen
    screenshot(facilitator, "room-facilitator-sidebar")
    screenshot(makker, "room-makker-sidebar")

    # Both laptops open for a minute, redrawing for another device's notes: nothing changes by itself.
    projector.evaluate(RECORD_PROJECTOR)
    room.watch(QUIET_SECONDS)
    assert room.shown() == ["agenda"], room.shown()
    assert room.stored == [(False, "agenda")], room.stored

    # Then each click changes it exactly once, on the projector and in the database.
    clicks = [
        (facilitator, "Træk gardinet for", "curtain", (True, "agenda")),
        (makker, "Træk gardinet fra", "agenda", (False, "agenda")),  # the makker's button followed the change
        (facilitator, "Tavlen", "board", (False, "board")),
        (facilitator, "Aftaler", "actions", (False, "actions")),
    ]
    for done, (device, name, shows, _stored) in enumerate(clicks, start=1):
        button(device, name).click()
        if shows == "curtain":
            expect(projector.locator("[data-testid='mt-curtain']")).to_be_attached(timeout=WAIT)
        else:
            expect(projector.locator("[data-testid='mt-screen']")).to_have_attribute("data-screen", shows, timeout=WAIT)
        room.watch(SETTLE_SECONDS)
        assert room.shown() == ["agenda", *(c[2] for c in clicks[:done])], (name, room.shown())
        assert room.stored == [(False, "agenda"), *(c[3] for c in clicks[:done])], (name, room.stored)
    expect(button(facilitator, "Aftaler")).to_have_attribute("data-testid", "stBaseButton-primary", timeout=WAIT)
    expect(button(facilitator, "Træk gardinet for")).to_be_visible(timeout=WAIT)
    screenshot(facilitator, "room-facilitator-after-clicks")

    # The makker gives up chairing; a reload of each device keeps its roles, its page and its meeting.
    button(makker, "Ordstyrer").click()
    expect(button(makker, "Ordstyrer")).to_have_attribute("data-testid", "stBaseButton-secondary", timeout=WAIT)
    for device in (facilitator, makker):
        before = device.url
        device.reload(wait_until="commit")
        ready(device)
        no_page_not_found(device)
        assert device.url == before, (before, device.url)
    expect(facilitator.locator("h1").first).to_contain_text("Tavlen", timeout=WAIT)
    expect(makker.locator("h1").first).to_have_text("Referat og aftaler", timeout=WAIT)
    assert held(facilitator, "Mødeleder")
    assert held(makker, "Tidtager") and held(makker, "Referent") and not held(makker, "Ordstyrer")
    projector.reload()
    expect(projector.locator("[data-testid='mt-screen']")).to_have_attribute("data-screen", "actions", timeout=WAIT)
    assert "/projektor" in projector.url
    no_page_not_found(projector)
    screenshot(makker, "room-makker-after-reload")


@pytest.mark.parametrize(("path", "heading"), [  # (the room test opens /tavlen, '/' and /referat)
    ("dagsorden", "Dagsorden"), ("moede", "Familien Juhl"), ("netvaerk", "Netværk"),
])
def test_a_bookmark_opens_its_page_and_meeting_for_either_caseworker(
    browser: Browser, app_server: str, server_data_dir: Path, server_db: Database, path: str, heading: str
) -> None:
    meeting_id = demo_meeting(server_db)
    cookies = [signed_in_cookie(server_data_dir, app_server), makker_cookie(server_db, app_server, meeting_id)]
    for cookie in cookies:  # the makker's roles do not list "Mødet": the page opens all the same
        device = laptop(browser, cookie, f"{app_server}/{path}?m={meeting_id}")
        no_page_not_found(device)
        expect(device.locator("h1").first).to_contain_text(heading, timeout=WAIT)
        assert device.url.endswith(f"/{path}?m={meeting_id}"), device.url
        device.context.close()
