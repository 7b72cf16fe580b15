"""The drawing on the projector: the newest picture, read again whenever its revision moves.

Meant to be called inside the projector's polling fragment: each call costs one small indexed read
(the revision); the picture itself is fetched once per revision and shared by every session.
"""

from __future__ import annotations

import streamlit as st

from facilitation import services
from facilitation.domain.drawing import CANVAS_HEIGHT, CANVAS_WIDTH
from facilitation.domain.validation import NotFoundError, ValidationError
from facilitation.pictures import checked_png
from facilitation.storage import Database
from ui import session
from ui.db import database_at
from ui.i18n import t
from ui.text import h

# As large as the wall allows without scrolling (the projector hides the sidebar), centred, with the paper's edge
# drawn: white paper on a white wall.
FIT_CSS = f"""<style>
.st-key-mt-drawing [data-testid="stFullScreenFrame"] {{ display: flex; justify-content: center; }}
.st-key-mt-drawing img {{ width: min(calc(100vw - 4rem), calc((100vh - 9rem) * {CANVAS_WIDTH / CANVAS_HEIGHT:.4f}))
  !important; max-width: none !important; height: auto; border: 1px solid #d0d5db; border-radius: .4rem; }}
</style>"""


@st.cache_data(max_entries=64, show_spinner=False)
def picture_at(url: str, meeting_id: int, drawing_id: int, revision: int) -> bytes | None:
    """The drawing's picture as of a revision; None if it is gone or cannot be read."""
    try:
        return checked_png(services.drawing_png(database_at(url), meeting_id, drawing_id,
                                                 viewer=session.CHECKED_READER)[1])
    except (ValidationError, NotFoundError):
        return None


def show_drawing(
    db: Database, meeting_id: int, drawing_id: int, *, title: str | None = None, revision: int | None = None
) -> None:
    """Show one drawing as large as the screen allows, as it is now (with its name above, if given)."""
    if revision is None:
        revision = services.drawing_revision(db, meeting_id, drawing_id, viewer=session.viewer())
    if revision is None:
        st.html(f'<p style="font-size:2rem">{h(t("projector.no_drawing"))}</p>')
        return
    picture = picture_at(db.url, meeting_id, drawing_id, revision)
    if title:
        st.html(f'<h2 style="font-size:2.4rem;margin:0 0 .5rem">{h(title)}</h2>')
    if picture is None:
        st.html(f'<p style="font-size:2rem">{h(t("drawing.picture_corrupt"))}</p>')
        return
    st.html(FIT_CSS)
    with st.container(key="mt-drawing"):
        st.image(picture, width="stretch")


def show_latest_drawing(db: Database, meeting_id: int) -> None:
    """Show the drawing being drawn now (the one changed last), with its name; a calm note if there is none."""
    drawing = services.latest_drawing(db, meeting_id, viewer=session.viewer())
    if drawing is None:
        st.html(f'<p style="font-size:2rem">{h(t("projector.no_drawing"))}</p>')
        return
    show_drawing(db, meeting_id, drawing.id, title=drawing.name, revision=drawing.revision)
