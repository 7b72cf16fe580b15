"""Typed accessors for the little UI state a session keeps (ids and flags, never meeting data).

Keys are "<area>.<field>"; nothing else in the app touches st.session_state directly,
except widget keys, which Streamlit itself stores there.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date
from datetime import time as clock_time
from typing import Any, TypeVar

import streamlit as st

from facilitation.domain.access import Actor, Caseworker
from facilitation.domain.roles import PRIMARY_DEFAULT, Role
from facilitation.domain.validation import NotFoundError
from facilitation.services.meeting_roles import my_roles
from ui.db import database

MEETING = "session.meeting_id"
CASE = "session.case_id"
LANGUAGE = "session.language"
CASEWORKER = "auth.caseworker"
SESSION_TOKEN = "auth.token"
OPENED = "auth.opened"
FLASH = "session.flash"
URL_ERROR = "session.url_error"

LANGUAGES = ("da", "en")

T = TypeVar("T")

# What one full run of the app has read already (app.main opens it): the device's roles are asked for by the
# navigation, the sidebar and the page. A callback (it runs before the script) and a fragment's own run read
# afresh. Keyed by (caseworker, meeting), so a meeting chosen during the run is read for itself.
_RUN_MEMO: ContextVar[dict[object, object] | None] = ContextVar("moedetavlen_run_memo", default=None)


@contextmanager
def one_run() -> Iterator[None]:
    """Within this block (one app run) the device's roles are read from the database once per meeting."""
    token = _RUN_MEMO.set({})
    try:
        yield
    finally:
        _RUN_MEMO.reset(token)


def current_meeting_id() -> int | None:
    """The meeting this device is working on, if chosen."""
    return st.session_state.get(MEETING)


def set_current_meeting(meeting_id: int | None, case_id: int | None = None) -> None:
    """Choose the meeting (and its case) this device works on; mirrored into the URL as ?m=ID."""
    st.session_state[MEETING] = meeting_id
    if case_id is not None:
        st.session_state[CASE] = case_id
    if meeting_id is None:
        st.query_params.pop("m", None)
    else:
        st.query_params["m"] = str(meeting_id)


def current_case_id() -> int | None:
    """The case chosen in the sidebar."""
    return st.session_state.get(CASE)


def language() -> str:
    """'da' (default) or 'en'."""
    value = st.session_state.get(LANGUAGE, "da")
    return value if value in LANGUAGES else "da"


def set_language(code: object) -> None:
    """Switch the UI language of this session."""
    if code in LANGUAGES:
        st.session_state[LANGUAGE] = code


def device_roles() -> frozenset[Role]:
    """The roles this device plays in its meeting: the signed-in caseworker's, stored server-side per meeting.

    Read from the database (never kept in the session), so a reload, a new tab or a second laptop of the
    same caseworker agree. Before they choose: their membership's default. No caseworker (a projector): none.
    """
    worker = caseworker()
    if worker is None:
        return frozenset()
    meeting_id = current_meeting_id()
    if meeting_id is None:
        return PRIMARY_DEFAULT
    memo = _RUN_MEMO.get()
    key = ("roles", worker.id, meeting_id)
    if memo is not None and key in memo:
        return memo[key]  # type: ignore[return-value]
    try:
        roles = my_roles(database(), worker, meeting_id)
    except NotFoundError:  # a meeting gone or not theirs: the page says so
        roles = PRIMARY_DEFAULT
    if memo is not None:
        memo[key] = roles
    return roles


def flash(message: str) -> None:
    """Remember a success message to show once after the next rerun."""
    st.session_state[FLASH] = message


def pop_flash() -> str | None:
    """The pending success message, shown once."""
    message = st.session_state.pop(FLASH, None)
    return message if isinstance(message, str) else None


def url_meeting_param() -> str | None:
    """The raw ?m= value of the URL, if any."""
    return st.query_params.get("m")


def widget_value(key: str, default: object = None) -> object:
    """The current value of a widget, read inside its callback (prefer the typed readers below)."""
    return st.session_state.get(key, default)


def text_value(key: str, default: str = "") -> str:
    """A widget's value as text (a text input, or a choice of StrEnum values); `default` when it has none."""
    value = st.session_state.get(key)
    return str(default if value is None else value)


def int_value(key: str, default: int) -> int:
    """A whole-number widget's value (a number input, a choice of ids); `default` when it has none."""
    value = st.session_state.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def optional_int_value(key: str) -> int | None:
    """A whole-number widget's value, or None when nothing is chosen."""
    value = st.session_state.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def list_value(key: str) -> list[str]:
    """A multiselect's chosen values as text (StrEnum members become their values); [] when none."""
    value = st.session_state.get(key)
    return [str(item) for item in value] if isinstance(value, list | tuple) else []


def bool_value(key: str, default: bool = False) -> bool:
    """A checkbox's or toggle's value."""
    return bool(st.session_state.get(key, default))


def date_value(key: str) -> date | None:
    """A date input's value, or None when it is empty."""
    value = st.session_state.get(key)
    return value if isinstance(value, date) else None


def time_value(key: str) -> clock_time | None:
    """A time input's value, or None when it is empty."""
    value = st.session_state.get(key)
    return value if isinstance(value, clock_time) else None


def choice_value(key: str, options: Collection[T], default: T) -> T:
    """The option a choice widget holds; `default` when it holds none of `options`."""
    value = st.session_state.get(key)
    return next((option for option in options if option == value), default)


def mapping_value(key: str) -> Mapping[str, Any]:
    """The JSON-like value of a data editor or custom component ({} before its first change)."""
    value = st.session_state.get(key)
    return value if isinstance(value, Mapping) else {}


def reset_widgets(*keys: str) -> None:
    """Empty text widgets after a successful save (allowed inside callbacks only).

    Setting "" rather than deleting the key: a deleted key lets the browser send its old value back.
    """
    for key in keys:
        if isinstance(st.session_state.get(key), str):
            st.session_state[key] = ""
        else:
            st.session_state.pop(key, None)


def set_error(key: str, message: str | None) -> None:
    """Remember (or clear) an error message shown beside a form."""
    if message is None:
        st.session_state.pop(f"{key}.error", None)
    else:
        st.session_state[f"{key}.error"] = message


def error(key: str) -> str | None:
    """The error message beside a form, kept until the form is tried again (set_error)."""
    message = st.session_state.get(f"{key}.error")
    return message if isinstance(message, str) else None


def url_error() -> str | None:
    """The ?m= value that named no meeting, when the URL was wrong."""
    return st.session_state.get(URL_ERROR)


def set_url_error(value: str | None) -> None:
    """Remember (or clear) a wrong ?m= value to explain on the page."""
    st.session_state[URL_ERROR] = value


def prime_widget(key: str, value: object) -> None:
    """Set a widget's value before it is drawn (e.g. the sidebar follows the URL)."""
    st.session_state[key] = value


def fresh_key(base: str, *values: object) -> str:
    """A widget key that changes when the stored value (or the language) changes.

    The widget then shows fresh data; the language is part of it because the browser keeps a
    choice widget's old *translated* label otherwise.
    """
    return f"{base}.{zlib.crc32(repr((language(), *values)).encode('utf-8')):08x}"


def start_widget_at(key: str, value: object) -> None:
    """Give the widget drawn next under `key` this starting value, unless it already has one."""
    if key not in st.session_state:
        st.session_state[key] = value


def lang_key(base: str) -> str:
    """A key for a choice widget whose labels are translated (see fresh_key)."""
    return f"{base}.{language()}"


def shown_version(meeting_id: int) -> int | None:
    """The meeting version the page on this device was last drawn from."""
    return st.session_state.get(f"live.shown.{meeting_id}")


def set_shown_version(meeting_id: int, version: int) -> None:
    """Remember which meeting version the page was drawn from."""
    st.session_state[f"live.shown.{meeting_id}"] = version


def canvas_mount(drawing_id: int) -> tuple[int, int, int] | None:
    """How this device's canvas holds a drawing: (revision loaded, revision last saved, remount count)."""
    return st.session_state.get(f"drawing.mount.{drawing_id}")


def set_canvas_mount(drawing_id: int, mount: tuple[int, int, int]) -> None:
    """Remember how this device's canvas holds a drawing."""
    st.session_state[f"drawing.mount.{drawing_id}"] = mount


def last_rerun() -> float:
    """When (time.monotonic) the page last asked for a rerun because of another device's edit."""
    return float(st.session_state.get("live.last_rerun", 0.0))


def set_last_rerun(moment: float) -> None:
    """Remember when the page asked for a rerun."""
    st.session_state["live.last_rerun"] = moment


def caseworker() -> Caseworker | None:
    """The caseworker this run acts for (set by the router from the sign-in cookie on every run)."""
    value = st.session_state.get(CASEWORKER)
    return value if isinstance(value, Caseworker) else None


def set_caseworker(value: Caseworker | None) -> None:
    """Remember for this run who is signed in (re-read from the database at the start of every run)."""
    st.session_state[CASEWORKER] = value


def session_token() -> str | None:
    """The sign-in session's token of this run (to set its purpose or end it)."""
    value = st.session_state.get(SESSION_TOKEN)
    return value if isinstance(value, str) else None


def set_session_token(value: str | None) -> None:
    """Remember this run's sign-in session token."""
    st.session_state[SESSION_TOKEN] = value


def opened_meetings() -> frozenset[int]:
    """The meetings whose opening this browser session has logged already (one log line per opening)."""
    value = st.session_state.get(OPENED)
    return value if isinstance(value, frozenset) else frozenset()


def mark_opened(meeting_id: int) -> None:
    """Note that opening this meeting is logged for this browser session."""
    st.session_state[OPENED] = opened_meetings() | {meeting_id}


MY_CASES_LOGGED = "my_cases.logged"  # this browser session has logged its view of Mine sager once
JUST_SIGNED_IN = "navigation.after_sign_in"  # set when the purpose is chosen: the next '/' opens Mine sager


def first_view_of_my_cases() -> bool:
    """Whether this is the browser session's first look at Mine sager (then its view is logged); marks it seen."""
    first = not st.session_state.get(MY_CASES_LOGGED)
    st.session_state[MY_CASES_LOGGED] = True
    return first


def mark_just_signed_in() -> None:
    """Note that the caseworker has just signed in (the next start page is Mine sager)."""
    st.session_state[JUST_SIGNED_IN] = True


def take_just_signed_in() -> bool:
    """Whether the caseworker has just signed in (asked once: the mark is taken away)."""
    return bool(st.session_state.pop(JUST_SIGNED_IN, False))


PROJECTOR_VIEWER = "projector"
"""Who reads for a paired projector device: the gate has checked its pairing, and it shows that meeting only."""
CHECKED_READER = "app, access checked on this run"
"""Who reads inside caches shared by all sessions: each run checks the caseworker's access before using them."""


def viewer() -> Actor:
    """Who reads on this run: the signed-in caseworker, else (the gate admitted a paired projector) the projector."""
    return caseworker() or PROJECTOR_VIEWER


def cpr_confirmed(form_key: str) -> str | None:
    """The fingerprint of texts with a CPR-like number this form has warned about (sent again: saved)."""
    value = st.session_state.get(f"{form_key}.cpr")
    return value if isinstance(value, str) else None


def set_cpr_confirmed(form_key: str, fingerprint: str | None) -> None:
    """Remember (or forget) the texts this form warned about."""
    if fingerprint is None:
        st.session_state.pop(f"{form_key}.cpr", None)
    else:
        st.session_state[f"{form_key}.cpr"] = fingerprint


MINUTES_TAB = "minutes.tab"


def minutes_tab(default: str) -> str:
    """The tab of the minute-taker's console this device shows (a language-free id; kept over reruns)."""
    value = st.session_state.get(MINUTES_TAB)
    return value if isinstance(value, str) else default


def set_minutes_tab(tab: str) -> None:
    """Remember the console tab this device shows."""
    st.session_state[MINUTES_TAB] = tab


FOCUS_SECONDS = 10.0  # a focus request outlives a run another device's edit interrupted, then lapses


def request_focus(key: str) -> None:
    """Ask the next runs to put the keyboard focus in the widget `key` (the browser does it once per request)."""
    number = int(st.session_state.get("focus.count", 0)) + 1
    st.session_state["focus.count"] = number
    st.session_state["focus.request"] = (key, number, time.monotonic())


def focus_request() -> tuple[str, int] | None:
    """The widget key to focus and the request's running number, while the request is fresh."""
    value = st.session_state.get("focus.request")
    if not isinstance(value, tuple):
        return None
    key, number, asked = value
    if time.monotonic() - asked > FOCUS_SECONDS:
        st.session_state.pop("focus.request", None)
        return None
    return key, number


BOARD_EDITING = "board.editing"


def board_editing() -> int | None:
    """The board note this device has open in the editor, if any."""
    value = st.session_state.get(BOARD_EDITING)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def set_board_editing(item_id: int | None) -> None:
    """Open the editor on a board note, or close it (None)."""
    if item_id is None:
        st.session_state.pop(BOARD_EDITING, None)
    else:
        st.session_state[BOARD_EDITING] = item_id


def list_page(key: str) -> int:
    """Which page (from 0) of a long list this device shows; `key` names the list."""
    value = st.session_state.get(f"paging.{key}")
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def set_list_page(key: str, page: int) -> None:
    """Show page `page` (from 0) of the list `key`."""
    st.session_state[f"paging.{key}"] = max(0, page)
