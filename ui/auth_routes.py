"""The sign-in door: plain HTTP routes beside the Streamlit app (st.App), which set HttpOnly cookies.

Streamlit has no API to set a cookie, so signing in, signing out and pairing a projector happen here:
- GET/POST /signin: a plain form (CSRF token in a cookie and the form, Origin checked); a right password
  starts a server-side session and sets the `mt_session` cookie (only its hash is stored).
- GET /signout: ends the session in the database (every tab loses access at its next check) and clears
  the cookie.
- GET /tilslut: a browser that has not signed in becomes a projector device (`mt_device` cookie) that
  shows a short pairing code.
- GET /pair/{token}: a one-time projector link; the token leaves the address bar at once.
The app reads the cookies through st.context.cookies on every run (ui/identity.py).
"""

from __future__ import annotations

import html
import secrets
from functools import cache
from urllib.parse import urlparse

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from facilitation.domain.sessions import ProjectorStatus
from facilitation.domain.words import text
from facilitation.services import accounts, pairing, sessions
from facilitation.storage import Database, default_url, open_database

SESSION_COOKIE = "mt_session"
DEVICE_COOKIE = "mt_device"
CSRF_COOKIE = "mt_csrf"
COOKIE_SECONDS = 60 * 60 * 24 * 30  # the cookie may live long; the session's idle limit is checked server-side
_STYLE = (
    "body{font-family:system-ui,sans-serif;background:#f6f4ef;color:#1d2a33;display:grid;place-items:center;"
    "min-height:100vh;margin:0}main{background:#fff;padding:2.5rem 3rem;border-radius:12px;max-width:26rem;"
    "box-shadow:0 2px 12px #0001}h1{font-size:1.6rem;margin:0 0 1.2rem}label{display:block;margin:.9rem 0 .3rem;"
    "font-weight:600}input{width:100%;padding:.6rem;font-size:1rem;border:1px solid #8a959c;border-radius:6px;"
    "box-sizing:border-box}button{margin-top:1.4rem;padding:.7rem 1.4rem;font-size:1rem;background:#1f4e6b;"
    "color:#fff;border:0;border-radius:6px;cursor:pointer}p[role=alert]{color:#8a1c1c;font-weight:600}"
    "a{color:#1f4e6b}"
)


@cache
def _database() -> Database:
    """The configured database for these routes (one engine per process)."""
    return open_database(default_url())


def _page(title: str, body: str, status: int = 200) -> HTMLResponse:
    page = (f'<!doctype html><html lang="da"><meta charset="utf-8"><meta name="viewport" '
            f'content="width=device-width"><title>{html.escape(title)}</title><style>{_STYLE}</style>'
            f"<main>{body}</main></html>")
    response = HTMLResponse(page, status_code=status)
    response.headers["Cache-Control"] = "no-store"
    # same-origin, not no-referrer: with no-referrer the browser posts the form with "Origin: null"
    response.headers["Referrer-Policy"] = "same-origin"
    return response


def _set_cookie(response: Response, request: Request, name: str, value: str, seconds: int) -> None:
    response.set_cookie(name, value, max_age=seconds, httponly=True, samesite="strict", path="/",
                        secure=request.url.scheme == "https")


def _same_origin(request: Request) -> bool:
    """A form post from this site (the Origin header, when sent, names this host)."""
    origin = request.headers.get("origin")
    return origin is None or urlparse(origin).netloc == request.headers.get("host", "")


async def signin_form(request: Request, failed: bool = False) -> Response:
    """The sign-in form (a fresh CSRF token each time)."""
    token = secrets.token_urlsafe(16)
    alert = f'<p role="alert">{html.escape(text("signin.failed", "da"))}</p>' if failed else ""
    body = (
        f"<h1>{html.escape(text('signin.title', 'da'))}</h1>{alert}"
        f'<form method="post" action="/signin"><input type="hidden" name="csrf" value="{token}">'
        f'<label for="email">{html.escape(text("signin.email", "da"))}</label>'
        f'<input id="email" name="email" type="email" autocomplete="username" required autofocus>'
        f'<label for="password">{html.escape(text("signin.password", "da"))}</label>'
        f'<input id="password" name="password" type="password" autocomplete="current-password" required>'
        f'<button type="submit">{html.escape(text("signin.submit", "da"))}</button></form>'
    )
    response = _page(text("signin.title", "da"), body, 401 if failed else 200)
    _set_cookie(response, request, CSRF_COOKIE, token, 600)
    return response


async def signin(request: Request) -> Response:
    """Check the form; a right password starts a session and goes to the app, anything else asks again."""
    form = await request.form()
    sent = str(form.get("csrf", ""))
    if not _same_origin(request) or not secrets.compare_digest(sent, request.cookies.get(CSRF_COOKIE, "-")):
        return _page(text("signin.title", "da"), f"<p role=\"alert\">{html.escape(text('signin.stale', 'da'))}</p>"
                     f'<p><a href="/signin">{html.escape(text("signin.again", "da"))}</a></p>', 400)
    email, password = str(form.get("email", ""))[:320], str(form.get("password", ""))[:1000]
    db = _database()
    caseworker = await run_in_threadpool(accounts.authenticate, db, email, password)
    if caseworker is None:
        return await signin_form(request, failed=True)
    old = request.cookies.get(SESSION_COOKIE)
    if old:
        await run_in_threadpool(sessions.end_session, db, old)  # never carry a session id across a sign-in
    token = await run_in_threadpool(sessions.start_session, db, caseworker.id, "local")
    response = RedirectResponse("/", status_code=303)
    _set_cookie(response, request, SESSION_COOKIE, token, COOKIE_SECONDS)
    response.delete_cookie(CSRF_COOKIE, path="/")
    return response


async def signout(request: Request) -> Response:
    """End this browser's session everywhere at once, then show the sign-in page."""
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        await run_in_threadpool(sessions.end_session, _database(), token)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


async def become_projector(request: Request) -> Response:
    """Make this browser a projector device waiting to be paired (it then shows its code)."""
    response = RedirectResponse("/projektor", status_code=303)
    token = request.cookies.get(DEVICE_COOKIE)
    state = None if token is None else await run_in_threadpool(pairing.projector_state, _database(), token)
    if state is None or state.status not in (ProjectorStatus.WAITING, ProjectorStatus.PAIRED):
        device, _code = await run_in_threadpool(pairing.start_projector, _database())
        _set_cookie(response, request, DEVICE_COOKIE, device, COOKIE_SECONDS)
    return response


async def pair_link(request: Request) -> Response:
    """Redeem a one-time projector link: this browser becomes that meeting's projector."""
    device = await run_in_threadpool(pairing.redeem_pairing_link, _database(), request.path_params["token"])
    if device is None:
        return _page(text("pairing.link_used", "da"), f"<h1>{html.escape(text('pairing.link_used', 'da'))}</h1>"
                     f"<p>{html.escape(text('pairing.link_used_help', 'da'))}</p>", 410)
    response = RedirectResponse("/projektor", status_code=303)
    response.headers["Referrer-Policy"] = "no-referrer"  # the one-time token goes nowhere
    _set_cookie(response, request, DEVICE_COOKIE, device, COOKIE_SECONDS)
    return response


async def _signin_get(request: Request) -> Response:
    return await signin_form(request)


ROUTES = [
    Route("/signin", _signin_get, methods=["GET"]),
    Route("/signin", signin, methods=["POST"]),
    Route("/signout", signout, methods=["GET", "POST"]),
    Route("/tilslut", become_projector, methods=["GET"]),
    Route("/pair/{token}", pair_link, methods=["GET"]),
]
"""The sign-in door's routes, served by st.App beside the app (app.py)."""
