"""The live channel: a small browser element that reruns its fragment when the server says the meeting changed.

The only module that knows the mechanism (a WebSocket to ui/live_stream.py, opened by assets/live_push.js,
turned into a components-v2 trigger value), so it can be replaced without touching the pages. Mounted inside
an `st.fragment`, a trigger reruns only that fragment. Every live part of a page shares one socket per meeting.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui.live_stream import PATH

_ASSETS = Path(__file__).parent / "assets"
KEY_PREFIX = "mt-live-"

_COMPONENT = st.components.v2.component(
    "moedetavlen_live_push",
    html='<div data-testid="mt-live" data-state="connecting" hidden></div>',
    # It draws nothing and takes no room. (The line break keeps Streamlit from reading the CSS as a file glob.)
    css=f'[class*="st-key-{KEY_PREFIX}"] {{\n  display: none !important;\n}}\n',
    js=(_ASSETS / "live_push.js").read_text(encoding="utf-8"),
    isolate_styles=False,  # plain DOM: the tests read its state attributes
)


def _heard() -> None:
    """A change was heard: the trigger value itself reruns the fragment; nothing else to do."""


def listen(meeting_id: int, version: int, *, key: str, again: float | None = None) -> bool:
    """Follow the meeting from the `version` this run drew; whether this run was started by a change it heard.

    `again`: seconds after which the element reruns its fragment once by itself (a rerun held back now).
    """
    result = _COMPONENT(
        key=f"{KEY_PREFIX}{key}",
        data={"path": PATH, "meeting": meeting_id, "version": version, "again": again},
        on_changed_change=_heard,
    )
    return bool(getattr(result, "changed", None))
