"""The projector's wall as one browser element that changes only what differs between two redraws.

st.html replaced the whole wall on every redraw and ran a sanitiser over all of it first: with twenty
projectors on one 2-core machine that was most of a redraw's cost in the browsers. This element
(assets/wall_morph.js) parses the new HTML once and changes only the nodes that differ. Every user text in
the HTML is escaped by the server (ui/text.h); the element also drops anything that could run or load.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

_ASSETS = Path(__file__).parent / "assets"
NAME = "moedetavlen_wall"

_COMPONENT = st.components.v2.component(
    NAME,
    html='<div data-testid="mt-wall-host"></div>',
    js=(_ASSETS / "wall_morph.js").read_text(encoding="utf-8"),
    isolate_styles=False,  # the wall's style sheet (ui/projection.py) reaches it, as it reached st.html
)


def show(html: str, *, key: str = "mt-wall") -> None:
    """Put `html` (escaped by the caller) on the wall, changing only what differs from the wall shown."""
    _COMPONENT(key=key, data={"html": html})
