"""In the browser: another device's edit reaches the projector by push (the safety poll is set to an hour, so
nothing else could bring it), also after the live channel's socket was dropped, and the channel is refused
to a browser that is neither signed in nor paired, and to a projector asking for another meeting."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, WebSocketRoute, expect
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect
from websockets.typing import Origin

from facilitation import services
from facilitation.services import pairing
from facilitation.storage import Database, open_database
from tests.browser.conftest import demo_meeting, running_app, screenshot, signed_in_cookie
from ui.auth_routes import DEVICE_COOKIE, SESSION_COOKIE
from ui.live_stream import PATH

pytestmark = pytest.mark.browser

ACTOR = "browser test"
NO_POLL = "3600"  # seconds: longer than any test, so only the push can bring a change


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Database, Path]]:
    """The app with its safety poll switched off in effect; its URL, its database and its data folder."""
    data = tmp_path_factory.mktemp("push-data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MOEDETAVLEN_SAFETY_POLL_SECONDS", NO_POLL)
        with running_app(data) as url:
            db = open_database(f"sqlite:///{data / 'moedetavlen.sqlite3'}")
            try:
                yield url, db, data
            finally:
                db.dispose()


def paired_wall(browser: Browser, url: str, db: Database, meeting_id: int) -> tuple[BrowserContext, Page]:
    """A projector device paired to the meeting by a one-time link, showing it."""
    context = browser.new_context(viewport={"width": 1600, "height": 900}, locale="da-DK")
    wall = context.new_page()
    wall.set_default_timeout(45_000)
    wall.goto(f"{url}/pair/{pairing.create_pairing_link(db, ACTOR, meeting_id)}")
    expect(wall.locator("[data-testid='mt-screen']")).to_be_attached(timeout=60_000)
    expect(wall.get_by_test_id("mt-live").first).to_have_attribute("data-state", "open")
    return context, wall


def new_meeting(db: Database, family: str, child: str) -> int:
    """A start meeting of a new case, with the default agenda."""
    case_id = services.create_case(db, ACTOR, family, child, "assessment")
    return services.create_meeting(db, ACTOR, case_id, "start", date(2026, 3, 2))


def test_another_devices_edit_reaches_the_projector_by_push(browser: Browser,
                                                           server: tuple[str, Database, Path]) -> None:
    url, db, _ = server
    meeting_id = new_meeting(db, "Familien Dahl", "Dagmar")
    context, wall = paired_wall(browser, url, db, meeting_id)
    try:
        services.add_agenda_item(db, ACTOR, meeting_id, "Skubbet punkt", 5)  # another device's saved edit
        expect(wall.get_by_text("Skubbet punkt")).to_be_visible()
        services.set_curtain(db, ACTOR, meeting_id, True)
        expect(wall.get_by_text("Skubbet punkt")).to_have_count(0)  # the curtain hides the meeting
        screenshot(wall, "push-curtain-closed")
    finally:
        context.close()


def test_a_change_made_while_the_socket_is_down_arrives_when_it_reconnects(
    browser: Browser, server: tuple[str, Database, Path],
) -> None:
    url, db, _ = server
    meeting_id = new_meeting(db, "Familien Eriksen", "Ellen")
    context, wall = paired_wall(browser, url, db, meeting_id)
    down = True

    def socket_route(socket: WebSocketRoute) -> None:
        if down:
            socket.close()  # the network is away: no new socket reaches the server
        else:
            socket.connect_to_server()

    try:
        wall.route_web_socket(f"**{PATH}*", socket_route)
        wall.evaluate("() => { for (const channel of globalThis.__mtLive.values()) channel.socket.close(); }")
        expect(wall.get_by_test_id("mt-live").first).to_have_attribute("data-state", "closed")
        services.add_agenda_item(db, ACTOR, meeting_id, "Mens forbindelsen var nede", 5)  # nobody can hear it
        down = False
        expect(wall.get_by_text("Mens forbindelsen var nede")).to_be_visible()  # told at the reconnect
        expect(wall.get_by_test_id("mt-live").first).to_have_attribute("data-state", "open")
        services.add_agenda_item(db, ACTOR, meeting_id, "Efter genforbindelsen", 5)
        expect(wall.get_by_text("Efter genforbindelsen")).to_be_visible()  # and the push goes on
        screenshot(wall, "push-after-reconnect")
    finally:
        context.close()


def _status(url: str, meeting_id: int, cookies: dict[str, str], origin: str | None = None) -> int:
    """The HTTP status the live channel answers a WebSocket handshake with (101: opened)."""
    header = "; ".join(f"{name}={value}" for name, value in cookies.items())
    address = url.replace("http://", "ws://") + f"{PATH}?m={meeting_id}&v=0"
    try:
        with connect(address, origin=Origin(origin or url), open_timeout=30,
                     additional_headers={"Cookie": header} if header else None):
            return 101
    except InvalidStatus as refused:
        return int(refused.response.status_code)


def test_the_channel_opens_only_for_a_member_or_the_projector_paired_to_that_meeting(
    browser: Browser, server: tuple[str, Database, Path],
) -> None:
    url, db, data = server
    member = signed_in_cookie(data, url)["value"]  # the demo caseworker, a member of this one meeting's case:
    demo = demo_meeting(db)
    other = new_meeting(db, "Familien Falk", "Frode")  # a new case, of which they are not a member
    context, _wall = paired_wall(browser, url, db, other)
    try:
        device = next(c["value"] for c in context.cookies() if c["name"] == DEVICE_COOKIE)

        def status(meeting_id: int, cookies: dict[str, str], origin: str | None = None) -> int:
            return _status(url, meeting_id, cookies, origin)

        assert status(demo, {}) == 401  # neither signed in nor paired
        assert status(demo, {SESSION_COOKIE: "not-a-session"}) == 401
        assert status(demo, {DEVICE_COOKIE: "not-a-device"}) == 401
        assert status(demo, {DEVICE_COOKIE: device}) == 404  # a projector of another meeting
        assert status(other, {DEVICE_COOKIE: device}) == 101  # its own meeting
        assert status(demo, {SESSION_COOKIE: member}) == 101  # a member of the demo case
        assert status(other, {SESSION_COOKIE: member}) == 404  # not a member of that case
        assert status(10**9, {SESSION_COOKIE: member}) == 404  # no such meeting: the same answer
        assert status(demo, {SESSION_COOKIE: member}, origin="http://elsewhere.example") == 403
        pairing.unpair(db, "operator", other)
        assert status(other, {DEVICE_COOKIE: device}) == 401  # unpaired: nothing any more
    finally:
        context.close()
