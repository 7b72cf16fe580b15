"""The drawing canvas (streamlit-drawable-canvas 0.13): tools, background, and saving on every change.

The canvas is loaded once from the stored JSON (`initial_drawing`) and then left alone: passing newer
JSON on every rerun would make the component reload itself and forget its undo history. It is
reloaded (a new widget key) only when the drawing changed in another way: another device, the
background, clearing. Saving happens in the component's on_change callback, inside a fragment, so a
stroke reruns only the canvas, not the page.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import streamlit as st
from streamlit_drawable_canvas import st_canvas

from export.drawing_backgrounds import board_template_png, map_background_png
from facilitation import services
from facilitation.domain.access import Actor
from facilitation.domain.drawing import CANVAS_HEIGHT, CANVAS_WIDTH, png_from_data_url
from facilitation.domain.model import Drawing, DrawingBackground, MeetingRecord
from facilitation.domain.validation import NotFoundError, ValidationError
from facilitation.pictures import checked_png
from facilitation.storage import Database
from ui import forms, session
from ui.db import database_at
from ui.i18n import formatter, t
from ui.text import md

TOOLS = {  # drawing mode of the component: icon
    "freedraw": ":material/gesture:", "line": ":material/horizontal_rule:", "rect": ":material/crop_square:",
    "circle": ":material/circle:", "text": ":material/title:", "labeled_rect": ":material/label:",
}
ERROR_KEY = "drawing_canvas"
TRANSPARENT = "rgba(0, 0, 0, 0)"


@dataclass(frozen=True)
class Tools:
    """What the next stroke looks like: the component's drawing mode, colour, width, text size and label."""

    mode: str = "freedraw"
    colour: str = "#1F3A93"
    width: int = 4
    font_size: int = 28
    label: str = ""


def tool_bar() -> Tools:
    """The tool, colour and size controls above the canvas (the text size is greyed out unless it matters)."""
    # The last column stays empty: the component's own toolbar (undo, redo, edit) floats there, above the canvas.
    tool, colour, size, text_size, _ = st.columns([7.5, 1, 1.5, 1.5, 1.5], vertical_alignment="bottom")
    name = formatter("drawing.tool")
    mode = tool.segmented_control(
        t("drawing.tool"), list(TOOLS), default="freedraw", required=True, key=session.lang_key("drawing.tool"),
        format_func=lambda m: f"{TOOLS[m]} {name(m)}",
    ) or "freedraw"
    chosen = colour.color_picker(t("drawing.colour"), Tools.colour, key="drawing.colour")
    width = size.slider(t("drawing.width"), 1, 30, Tools.width, key="drawing.width")
    font_size = text_size.slider(t("drawing.text_size"), 14, 72, Tools.font_size, key="drawing.text_size",
                                 disabled=mode not in ("text", "labeled_rect"))
    label = ""
    if mode == "labeled_rect":
        label = st.text_input(t("drawing.label"), key="drawing.label", max_chars=60,
                              placeholder=t("drawing.label_placeholder"))
    return Tools(mode, chosen, width, font_size, " ".join(label.split()))


def background_picture(kind: str, record: MeetingRecord) -> bytes | None:
    """The picture for a background kind (None: white paper); board titles in the UI language."""
    if kind == DrawingBackground.BOARD:
        return board_template_png([t(f"board.{k}") for k in ("worry", "working_well", "next_step")])
    if kind == DrawingBackground.MAP:
        return map_background_png(record, language=session.language())
    return None


def background_choice(db: Database, actor: Actor, record: MeetingRecord, drawing: Drawing) -> None:
    """Choose what the drawing is drawn on; the strokes stay where they are."""
    key = session.fresh_key("drawing.background", drawing.id, drawing.background)
    kinds = list(DrawingBackground)
    st.selectbox(
        t("field.background"), kinds, index=kinds.index(drawing.background), key=key,
        format_func=formatter("drawing.background"), help=t("drawing.background_help"),
        on_change=forms.on_field_change,
        args=(forms.PAGE, key, drawing.background, lambda: services.set_drawing_background(
            db, actor, record.meeting.id, drawing.id, session.text_value(key),
            background_picture(session.text_value(key), record))),
    )


@st.cache_resource(max_entries=32, ttl=3600, show_spinner=False)
def _canvas_text(url: str, meeting_id: int, drawing_id: int, revision: int) -> tuple[int, str]:
    """The canvas JSON text as of a revision (checked once; text, not parsed, to keep the cache small)."""
    return services.drawing_canvas(database_at(url), meeting_id, drawing_id, viewer=session.CHECKED_READER)


@st.cache_resource(max_entries=32, ttl=3600, show_spinner=False)
def _background(url: str, meeting_id: int, drawing_id: int, revision: int) -> bytes:
    return services.drawing_background_png(database_at(url), meeting_id, drawing_id,
                                           viewer=session.CHECKED_READER)[1]


def _key(drawing_id: int, count: int) -> str:
    return f"drawing.canvas.{drawing_id}.{count}"


def _mount(drawing_id: int, revision: int) -> tuple[int, int, int]:
    """(revision loaded, revision last saved, remount count); a change made elsewhere means a reload.

    A canvas that was not on the page in the last run starts afresh from the newest revision.
    """
    mount = session.canvas_mount(drawing_id)
    if mount is None or session.widget_value(_key(drawing_id, mount[2])) is None:
        mount = (revision, revision, mount[2] + 1 if mount else 0)
    elif mount[1] != revision:
        mount = (revision, revision, mount[2] + 1)
    session.set_canvas_mount(drawing_id, mount)
    return mount


def _save(db: Database, actor: Actor, meeting_id: int, drawing_id: int, key: str) -> None:
    """The component's on_change: store what it sent, unless it changed elsewhere meanwhile or is too big."""
    sent: dict[str, Any] = session.mapping_value(key).get("drawing") or {}
    loaded, saved, count = session.canvas_mount(drawing_id) or (-1, -1, 0)
    try:
        revision = services.save_drawing(
            db, actor, meeting_id, drawing_id, sent.get("raw"), png_from_data_url(sent.get("data")),
            expected_revision=saved,
        )
    except (ValidationError, NotFoundError) as error:
        if isinstance(error, ValidationError) and error.code == "drawing_changed_elsewhere":
            session.set_canvas_mount(drawing_id, (loaded, -1, count))  # reload the newest on this run
        session.set_error(ERROR_KEY, forms.error_text(error))
        return
    session.set_error(ERROR_KEY, None)
    session.set_canvas_mount(drawing_id, (loaded, revision, count))


@st.fragment
def canvas(db: Database, actor: Actor, meeting_id: int, drawing: Drawing) -> None:
    """The tool bar and the canvas of one drawing, saved on every change; a damaged drawing gets a message.

    The tool bar lives in the canvas's fragment: a tool change reruns only the fragment, like a stroke
    does, so a click on a tool while the canvas reports a stroke is never overtaken by the stroke's rerun.
    """
    revision = services.drawing_revision(db, meeting_id, drawing.id, viewer=session.viewer())
    if revision is None:
        st.info(t("drawing.gone"))
        return
    tools = tool_bar()
    loaded, _, count = _mount(drawing.id, revision)
    try:
        stored_at, text = _canvas_text(db.url, meeting_id, drawing.id, loaded)
    except ValidationError:
        damaged(db, actor, meeting_id, drawing)
        return
    if stored_at != loaded:  # changed between the two reads: load what was read
        loaded, _, count = _mount(drawing.id, stored_at)
    forms.show_error(ERROR_KEY)
    key = _key(drawing.id, count)
    st_canvas(
        fill_color=tools.colour if tools.mode == "text" else TRANSPARENT, stroke_width=tools.width,
        stroke_color=tools.colour, background_image=_background(db.url, meeting_id, drawing.id, loaded),
        update_streamlit=True, height=CANVAS_HEIGHT, width=CANVAS_WIDTH, drawing_mode=tools.mode,
        initial_drawing=json.loads(text), return_image_data=True, key=key, font_size=tools.font_size,
        label=tools.label if tools.mode == "labeled_rect" else "",
        on_change=lambda: _save(db, actor, meeting_id, drawing.id, key),
    )
    st.caption(t("drawing.help"))


def damaged(db: Database, actor: Actor, meeting_id: int, drawing: Drawing) -> None:
    """A drawing whose stored canvas cannot be read: say so, show its last picture, offer to go on or clear."""
    st.error(t("error.drawing_corrupt", name=md(drawing.name)), icon=":material/broken_image:")
    forms.show_error(ERROR_KEY)
    try:
        picture = checked_png(services.drawing_png(db, meeting_id, drawing.id, viewer=session.viewer())[1])
    except (ValidationError, NotFoundError):
        picture = None
    if picture is not None:
        st.caption(t("drawing.corrupt_picture"))
        st.image(picture, width=CANVAS_WIDTH // 2)
        _button("drawing.keep_picture", t("drawing.keep_picture"),
                lambda: services.keep_picture_as_background(db, actor, meeting_id, drawing.id))
    else:
        st.caption(t("drawing.corrupt_no_picture"))


def _button(key: str, label: str, action: Any) -> None:
    """A button inside the canvas fragment: errors shown beside the canvas (no toast: the router does not rerun)."""
    def run() -> None:
        try:
            action()
        except (ValidationError, NotFoundError) as error:
            session.set_error(ERROR_KEY, forms.error_text(error))

    st.button(label, key=key, on_click=run)
