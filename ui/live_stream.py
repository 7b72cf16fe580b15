"""The live channel's server end: a WebSocket at /_mt/live?m=<meeting>&v=<version> that says "changed", no more.

Served by st.App beside the app (app.py). The browser of a signed-in member of the meeting's case, or the
projector paired to THAT meeting, may open it; anyone else is refused before the upgrade with a bare HTTP
status (401: nobody signed in or paired; 404: a meeting this browser may not see, or none; 403: another site),
the same for every reason inside a status, so the refusal tells nothing about the meeting.

Once open, it sends "changed" at once if the meeting's version is no longer `v` (the version the page
drew: a change made while the page loaded or the socket was down is never lost), then "changed" after every
committed change of the meeting (the change signal, facilitation/storage/change_signal.py), a keep-alive "."
every KEEPALIVE_SECONDS, and ends when the browser goes, or when the browser may no longer see the meeting
(checked again after each change and keep-alive: signed out, unpaired, meeting ended or deleted).
A WebSocket rather than server-sent events: a browser holds at most six HTTP/1.1 connections per host, and
every open event stream takes one of them for good (a caseworker with a few tabs open would stall the app),
and any proxy in front of Streamlit already passes its WebSocket.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from functools import cache
from http import HTTPStatus
from typing import Any
from urllib.parse import urlparse

from starlette.concurrency import run_in_threadpool
from starlette.responses import Response
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from facilitation import services
from facilitation.domain.sessions import ProjectorStatus
from facilitation.services import pairing, sessions
from facilitation.storage import Database, default_url, open_database
from ui.auth_routes import DEVICE_COOKIE, SESSION_COOKIE

PATH = "/_mt/live"
KEEPALIVE_SECONDS = 15.0
CHANGED = "changed"


@cache
def _database() -> Database:
    """The configured database for this route (one engine per process; its change signal is the pages')."""
    return open_database(default_url())


def refusal(db: Database, cookies: Mapping[str, str], meeting_id: int | None) -> HTTPStatus | None:
    """Why this browser may not follow the meeting (an HTTP status), or None when it may.

    The same identities as the pages (ui/identity.py), in the same order: a live caseworker session that has
    said why it opens cases, else a projector device; the meeting must be one the caseworker is a member of,
    or the very meeting the projector is paired to.
    """
    token = cookies.get(SESSION_COOKIE)
    if token:
        caseworker = sessions.session_caseworker(db, token)
        if caseworker is not None:
            if not caseworker.purpose:
                return HTTPStatus.UNAUTHORIZED  # the pages show nothing of a case before the purpose is given
            if meeting_id is None or not services.meeting_exists(db, meeting_id, viewer=caseworker):
                return HTTPStatus.NOT_FOUND
            return None
    device = cookies.get(DEVICE_COOKIE)
    if device:
        state = pairing.projector_state(db, device)
        if state.status != ProjectorStatus.PAIRED:
            return HTTPStatus.UNAUTHORIZED
        return None if meeting_id is not None and state.meeting_id == meeting_id else HTTPStatus.NOT_FOUND
    return HTTPStatus.UNAUTHORIZED


def _meeting_id(raw: str | None) -> int | None:
    return int(raw) if raw is not None and raw.isdigit() and len(raw) < 19 else None


def _same_site(websocket: WebSocket) -> bool:
    """The page that opens the socket is this app's (browsers always send Origin with a WebSocket)."""
    origin = websocket.headers.get("origin")
    return origin is not None and urlparse(origin).netloc == websocket.headers.get("host", "")


async def live(websocket: WebSocket) -> None:
    """Follow one meeting: "changed" after each of its changes, until the browser goes or loses access."""
    db = await run_in_threadpool(_database)
    meeting_id = _meeting_id(websocket.query_params.get("m"))
    cookies = dict(websocket.cookies)
    status = HTTPStatus.FORBIDDEN if not _same_site(websocket) else await run_in_threadpool(
        refusal, db, cookies, meeting_id)
    if status is not None or meeting_id is None:
        await websocket.send_denial_response(Response(status_code=status or HTTPStatus.NOT_FOUND))
        return
    loop = asyncio.get_running_loop()
    changed = asyncio.Event()
    stop = db.changes.subscribe(meeting_id, lambda: loop.call_soon_threadsafe(changed.set))
    try:
        now = await run_in_threadpool(db.version, meeting_id)  # read after subscribing: no change falls between
        db.changes.seen(meeting_id, now)
        await websocket.accept()
        if now != _meeting_id(websocket.query_params.get("v")):
            await websocket.send_text(CHANGED)  # changed since the page was drawn (or while reconnecting)
        gone = asyncio.ensure_future(_until_gone(websocket))
        try:
            while await _next(websocket, changed, gone):
                if await run_in_threadpool(refusal, db, cookies, meeting_id) is not None:
                    await websocket.close()  # signed out, unpaired, ended or deleted since
                    break
        finally:
            gone.cancel()
    except (WebSocketDisconnect, RuntimeError, OSError):
        pass  # the browser went away mid-send
    finally:
        stop()


async def _next(websocket: WebSocket, changed: asyncio.Event, gone: asyncio.Future[None]) -> bool:
    """Wait for a change (send "changed"), a quiet KEEPALIVE_SECONDS (send "."), or the browser leaving (False)."""
    waiter = asyncio.ensure_future(changed.wait())
    futures: set[asyncio.Future[Any]] = {waiter, gone}
    try:
        await asyncio.wait(futures, timeout=KEEPALIVE_SECONDS, return_when=asyncio.FIRST_COMPLETED)
    finally:
        waiter.cancel()
    if gone.done():
        return False
    if changed.is_set():
        changed.clear()  # a burst of changes while sending is one "changed": the page reads the newest state
        await websocket.send_text(CHANGED)
    else:
        await websocket.send_text(".")
    return True


async def _until_gone(websocket: WebSocket) -> None:
    """Read (and ignore) what the browser sends until it closes the socket."""
    try:
        while True:
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                return
    except (WebSocketDisconnect, RuntimeError):
        return


ROUTES = [WebSocketRoute(PATH, live)]
"""The live channel's route, served by st.App beside the app (app.py)."""
