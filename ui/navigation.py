"""The pages of the app, and which of them a device sees in its role (facilitation.domain.roles.pages_for)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import streamlit as st

from facilitation.domain.roles import pages_for
from ui import session
from ui.i18n import t

ROOT = Path(__file__).resolve().parent.parent

# name: (title key, icon, url path)
PAGES: dict[str, tuple[str, str, str]] = {
    "meeting": ("page.meeting", ":material/event:", "moede"),
    "network": ("page.network", ":material/hub:", "netvaerk"),
    "agenda": ("page.agenda", ":material/timer:", "dagsorden"),
    "board": ("page.board", ":material/dashboard:", "tavlen"),
    "minutes": ("page.minutes", ":material/edit_note:", "referat"),
    "drawing": ("page.drawing", ":material/draw:", "tegning"),
    "export": ("page.export", ":material/description:", "eksport"),
    "projector": ("page.projector", ":material/present_to_all:", "projektor"),
    "access_log": ("page.access_log", ":material/history:", "adgang"),
}


def pages_for_device() -> list[Any]:
    """st.Page objects for this device's role, its main page first (the default at '/')."""
    names = [name for name in pages_for(session.device_role()) if (ROOT / "pages" / f"{name}.py").exists()]
    return [
        st.Page(f"pages/{name}.py", title=t(PAGES[name][0]), icon=PAGES[name][1], url_path=PAGES[name][2],
                default=index == 0)
        for index, name in enumerate(names)
    ]
