"""The countdown ticks in the browser from the stored deadline: it keeps time with the server silent, and
the facilitator's and the makker's laptops and the projector show the same second while another device saves
twenty edits a second. (The wall's clocks are drawn by the server with the stored deadline and counted by a
browser-side ticker, ui/projector_clock.py; the laptops' countdown is a component of its own, ui/countdown.py.)"""

from __future__ import annotations

import re
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, WebSocketRoute, expect

from facilitation import services
from facilitation.domain.clock import utcnow
from facilitation.domain.timer import meeting_clock
from facilitation.storage import Database
from tests.browser.conftest import demo_meeting, screenshot, signed_in_cookie
from ui.countdown import epoch

pytestmark = pytest.mark.browser

COUNTDOWN = "[data-testid='mt-countdown']"
EDITS_PER_SECOND = 20
READINGS = 12
WITHIN = 2.0
"""Whole-second digits within one second of each other at every moment: implied deadlines less than 2 s apart.
(Digits shown on time give deadlines in [D, D + 1); a redraw landing late on a loaded machine adds to that.)"""
READ = """el => ({shown: el.querySelector('.mt-countdown-clock, [data-mt-digits]').textContent,
                 at: Date.now() / 1000, state: el.dataset.state || (el.dataset.deadline ? 'running' : ''),
                 mark: el.__mtTestMark === true})"""
"""One reading of a countdown in its page: the digits shown, and the page's clock at that moment (the wall's
clock has no state attribute: it runs while it has a deadline)."""


@pytest.fixture
def meeting_id(server_db: Database) -> int:
    """The demo meeting (each test moves its timer on to the next item)."""
    return demo_meeting(server_db)


def seconds_of(text: str) -> int:
    """'12:05' → 725, '+0:04' → -4, '1:02:05' → 3725: the inverse of timer.clock_text."""
    sign = -1 if text.startswith("+") else 1
    total = 0
    for part in text.lstrip("+").split(":"):
        total = total * 60 + int(part)
    return sign * total


def implied_deadline(page: Page, *, marked: bool = True) -> float:
    """The deadline a page's countdown shows: its clock plus the seconds it shows (shown seconds are rounded
    up, so any page showing the true deadline gives a value within [deadline, deadline + 1)). The laptops'
    element is never replaced (`marked`); the wall's is redrawn by the server with each change."""
    reading = page.locator(COUNTDOWN).evaluate(READ)
    assert reading["state"] == "running", "still running"
    assert reading["mark"] or not marked, "the same element"
    return float(reading["at"]) + seconds_of(reading["shown"])


def device(browser: Browser, url: str, cookie: dict[str, str] | None, width: int, height: int
           ) -> tuple[BrowserContext, Page]:
    """A browser context of its own (another laptop, or the projector), optionally signed in."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="da-DK")
    if cookie is not None:
        context.add_cookies([cookie])  # type: ignore[list-item]  # a Cookie
    page = context.new_page()
    page.set_default_timeout(45_000)
    page.goto(url, wait_until="commit")  # the tests wait for what they need to see
    return context, page


def running_countdown(page: Page, deadline: float, *, mark: bool = True) -> None:
    """Wait until the page's countdown ticks towards the stored `deadline`; mark its element (never replaced)."""
    page.wait_for_function(
        """([selector, deadline]) => { const el = document.querySelector(selector);
             return el !== null && (el.dataset.state === "running" || !("state" in el.dataset))
                    && Math.abs(Number(el.dataset.deadline) - deadline) < 0.01; }""",
        arg=[COUNTDOWN, deadline], timeout=60_000)
    if mark:
        page.locator(COUNTDOWN).evaluate("el => { el.__mtTestMark = true; }")


def stored_deadline(db: Database, meeting_id: int) -> float:
    """The running item's deadline as stored, in seconds since 1970 (what every device must count down to)."""
    record = services.load_meeting(db, meeting_id, viewer="operator")
    clock = meeting_clock(record.agenda, utcnow(), record.meeting.warn_minutes)
    assert clock.current is not None and clock.current.deadline is not None
    return epoch(clock.current.deadline)


def silenceable(page: Page) -> threading.Event:
    """Relay the page's socket to the app; once the returned event is set, the page hears nothing more."""
    silent = threading.Event()

    def relay(route: WebSocketRoute) -> None:
        server = route.connect_to_server()
        server.on_message(lambda message: None if silent.is_set() else route.send(message))
        route.on_message(server.send)

    page.route_web_socket(re.compile(r".*/_stcore/stream$"), relay)
    return silent


def digits(page: Page) -> str:
    """The countdown's digits as shown."""
    return page.locator(COUNTDOWN).locator(".mt-countdown-clock").inner_text()


def test_the_countdown_ticks_in_the_browser_while_the_server_sends_nothing(
    browser: Browser, app_server: str, server_data_dir: Path, server_db: Database, meeting_id: int
) -> None:
    context, page = device(browser, "about:blank", signed_in_cookie(server_data_dir, app_server), 1280, 800)
    try:
        silent = silenceable(page)
        page.goto(f"{app_server}/dagsorden?m={meeting_id}", wait_until="commit")
        expect(page.locator(COUNTDOWN)).to_be_attached(timeout=90_000)
        services.next_agenda_item(server_db, "anden enhed", meeting_id)
        running_countdown(page, stored_deadline(server_db, meeting_id))
        silent.set()  # from here on the browser hears nothing from the server
        first = seconds_of(digits(page))
        page.wait_for_timeout(3_000)
        later = seconds_of(digits(page))
        assert first - later >= 2, f"the digits went from {first} to {later} in 3 s"
        assert page.locator(COUNTDOWN).evaluate("el => el.__mtTestMark === true")
        screenshot(page, "countdown-ticking")
    finally:
        context.close()


def test_the_projectors_corner_clock_ticks_while_the_server_sends_nothing(
    browser: Browser, app_server: str, server_data_dir: Path, server_db: Database, meeting_id: int
) -> None:
    services.set_screen(server_db, "mødeleder", meeting_id, "actions")
    context, page = device(browser, "about:blank", signed_in_cookie(server_data_dir, app_server), 1280, 720)
    try:
        silent = silenceable(page)
        page.goto(f"{app_server}/projektor?m={meeting_id}", wait_until="commit")
        corner = page.locator("[data-testid='mt-corner-clock']")
        services.next_agenda_item(server_db, "anden enhed", meeting_id)
        deadline = stored_deadline(server_db, meeting_id)
        expect(corner).to_have_attribute("data-deadline", f"{deadline:.3f}", timeout=90_000)
        silent.set()  # the wall hears nothing more; its ticker counts on
        first = seconds_of(corner.locator("[data-mt-digits]").inner_text())
        page.wait_for_timeout(3_000)
        later = seconds_of(corner.locator("[data-mt-digits]").inner_text())
        assert first - later >= 2, f"the corner clock went from {first} to {later} in 3 s"
        assert abs(float(page.evaluate("Date.now() / 1000")) + later - deadline) < WITHIN
        screenshot(page, "projector-corner-clock-ticking")
    finally:
        context.close()


def test_the_countdown_turns_amber_then_red_by_itself_and_a_paused_one_stands_still(
    browser: Browser, app_server: str, server_data_dir: Path, server_db: Database, meeting_id: int
) -> None:
    short = services.add_agenda_item(server_db, "anden enhed", meeting_id, "Et kort punkt", 1)
    context, page = device(browser, "about:blank", signed_in_cookie(server_data_dir, app_server), 1280, 800)
    try:
        silent = silenceable(page)
        page.goto(f"{app_server}/dagsorden?m={meeting_id}", wait_until="commit")
        expect(page.locator(COUNTDOWN)).to_be_attached(timeout=90_000)
        # Started 35 s ago: 25 s left, inside the warning minutes (amber); the server then falls silent.
        services.start_agenda_item(server_db, "anden enhed", meeting_id, short, now=utcnow() - timedelta(seconds=35))
        running_countdown(page, stored_deadline(server_db, meeting_id))
        silent.set()
        countdown = page.locator(COUNTDOWN)
        expect(countdown).to_have_attribute("data-alert", "near_end")
        assert not digits(page).startswith("+")
        screenshot(page, "countdown-amber")
        expect(countdown).to_have_attribute("data-alert", "overrun", timeout=45_000)  # at the deadline, by itself
        expect(countdown.locator(".mt-countdown-clock")).to_have_text(re.compile(r"^\+\d+:\d\d$"))  # counts up
        expect(countdown).to_contain_text("over tiden")
        screenshot(page, "countdown-red")
    finally:
        context.close()

    context, page = device(browser, f"{app_server}/dagsorden?m={meeting_id}",
                           signed_in_cookie(server_data_dir, app_server), 1280, 800)
    try:
        services.pause_timer(server_db, "anden enhed", meeting_id)
        countdown = page.locator(COUNTDOWN)
        expect(countdown).to_have_attribute("data-state", "paused", timeout=90_000)
        expect(countdown).to_contain_text("⏸ pause")
        frozen = digits(page)
        page.wait_for_timeout(2_500)
        assert digits(page) == frozen and frozen.startswith("+")
        screenshot(page, "countdown-paused")
    finally:
        context.close()


def test_two_laptops_and_the_projector_show_the_same_second_while_another_device_edits(
    browser: Browser, app_server: str, server_data_dir: Path, server_db: Database, meeting_id: int
) -> None:
    agenda = f"{app_server}/dagsorden?m={meeting_id}"
    contexts: list[BrowserContext] = []
    try:
        for size in ((1280, 800), (1440, 900)):  # the facilitator's and the makker's laptops
            contexts.append(device(browser, agenda, signed_in_cookie(server_data_dir, app_server), *size)[0])
        services.set_screen(server_db, "mødeleder", meeting_id, "agenda")
        contexts.append(device(browser, f"{app_server}/projektor?m={meeting_id}",
                               signed_in_cookie(server_data_dir, app_server), 1920, 1080)[0])
        pages = [context.pages[0] for context in contexts]
        laptops, projector = pages[:2], pages[2]
        for page in pages:  # generous: the machine is shared, and the first mount loads the component's code
            expect(page.locator(COUNTDOWN)).to_be_attached(timeout=90_000)

        # Another device moves the timer on; both laptops' agenda lists follow, every countdown runs.
        current = services.next_agenda_item(server_db, "anden enhed", meeting_id)
        assert current is not None
        deadline = stored_deadline(server_db, meeting_id)
        for page in pages:
            running_countdown(page, deadline, mark=page is not projector)
        for laptop in laptops:
            expect(laptop.get_by_text("▶ I gang")).to_be_visible(timeout=30_000)

        # Twenty edits a second from another device, while the three screens are read side by side.
        stop, saved = threading.Event(), [0]

        def edit() -> None:
            begun = time.monotonic()
            while not stop.is_set():
                services.save_note(server_db, "anden enhed", meeting_id, current, f"Note nummer {saved[0]}")
                saved[0] += 1
                time.sleep(max(0.0, begun + saved[0] / EDITS_PER_SECOND - time.monotonic()))

        editor = threading.Thread(target=edit, daemon=True)
        editor.start()
        spreads = []
        try:
            started = time.monotonic()
            while len(spreads) < READINGS or time.monotonic() - started < 5:
                deadlines = [implied_deadline(page, marked=page is not projector) for page in pages]
                # Each shows the stored deadline to within a second (whole seconds, rounded up).
                assert all(deadline - 0.01 <= d < deadline + WITHIN for d in deadlines), (deadline, deadlines)
                spreads.append(max(deadlines) - min(deadlines))
                time.sleep(0.2)
        finally:
            stop.set()
            editor.join(timeout=10)
        elapsed = time.monotonic() - started
        print(f"\n{saved[0]} edits in {elapsed:.1f} s; countdown spread max {max(spreads):.2f} s "
              f"over {len(spreads)} readings")
        assert saved[0] >= EDITS_PER_SECOND * 2, "the other device really was editing"
        assert max(spreads) < WITHIN, spreads  # the two screens agree within a second
        for page, name in zip(pages, ("laptop-1280", "laptop-1440", "projector-1920"), strict=True):
            screenshot(page, f"countdown-{name}")
    finally:
        for context in contexts:
            context.close()
