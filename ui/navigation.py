"""The pages of the app: every page answers at its own address; the menu lists the device's roles' pages.

A page outside the device's roles is registered too (hidden from the menu), so a bookmark of it opens it
rather than Streamlit's "Page not found"; the pages check what the roles may do themselves. The root
address ('/') is a hidden page of its own that moves on to the roles' main page, so no page is served
only at '/' (a bookmark of `/moede` then finds it).
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any, Literal

import streamlit as st

from facilitation.domain.roles import pages_for
from ui import session
from ui.i18n import t

ROOT = Path(__file__).resolve().parent.parent
MY_CASES = "my_cases"  # every caseworker's own start page after signing in (not a role's page)

# name: (title key, icon, url path)
PAGES: dict[str, tuple[str, str, str]] = {
    "my_cases": ("page.my_cases", ":material/inbox:", "mine-sager"),
    "meeting": ("page.meeting", ":material/event:", "moede"),
    "network": ("page.network", ":material/hub:", "netvaerk"),
    "agenda": ("page.agenda", ":material/timer:", "dagsorden"),
    "board": ("page.board", ":material/dashboard:", "tavlen"),
    "minutes": ("page.minutes", ":material/edit_note:", "referat"),
    "drawing": ("page.drawing", ":material/draw:", "tegning"),
    "export": ("page.export", ":material/description:", "eksport"),
    "case_story": ("page.case_story", ":material/timeline:", "forloeb"),
    "projector": ("page.projector", ":material/present_to_all:", "projektor"),
    "access_log": ("page.access_log", ":material/history:", "adgang"),
}


def pages_for_device(roles: Collection[str] | None = None) -> list[Any]:
    """st.Page objects: a hidden start page at '/', the roles' pages in the menu (main page first), the rest hidden."""
    shown = [name for name in pages_for(session.device_roles() if roles is None else roles) if _exists(name)]
    mine = [MY_CASES] if session.caseworker() is not None and _exists(MY_CASES) else []
    others = [name for name in PAGES if name not in shown and name not in mine and _exists(name)]
    pages = ({name: _page(name, "visible") for name in mine} | {name: _page(name, "visible") for name in shown}
             | {name: _page(name, "hidden") for name in others})

    def start() -> None:
        """The root address: on to the main page, with the meeting (a reload then stays on that page)."""
        if mine and session.take_just_signed_in():  # just signed in: their cases first
            st.switch_page(pages[MY_CASES])
        meeting_id = session.current_meeting_id()
        if meeting_id is None and session.url_error():  # stay: the router has said that ?m= names no meeting of theirs
            return
        st.switch_page(pages[shown[0]], query_params={"m": str(meeting_id)} if meeting_id is not None else {})

    home = st.Page(start, title=t(PAGES[shown[0]][0]), icon=PAGES[shown[0]][1], url_path="start", default=True,
                   visibility="hidden")
    return [home, *pages.values()]


def _page(name: str, visibility: Literal["visible", "hidden"]) -> Any:
    title, icon, path = PAGES[name]
    return st.Page(f"pages/{name}.py", title=t(title), icon=icon, url_path=path, visibility=visibility)


def _exists(name: str) -> bool:
    return (ROOT / "pages" / f"{name}.py").exists()
