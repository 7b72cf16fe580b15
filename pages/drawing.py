"""Tegning: graphic recording — named drawings of the meeting, drawn while the family talks, saved as drawn."""

import streamlit as st

from facilitation import services
from facilitation.domain.model import DrawingBackground
from ui import drawing_canvas, forms, session
from ui.current import actor, meeting_or_stop
from ui.db import database
from ui.i18n import formatter, t
from ui.text import md

db = database()
record = meeting_or_stop(db)
mid, me = record.meeting.id, actor(record)
value = session.text_value
drawings = {d.id: d for d in services.list_drawings(db, mid, viewer=session.viewer())}
CHOSEN = "drawing.chosen"


def create() -> None:
    """Make the new drawing and show it."""
    kind = value(session.lang_key("drawing.new.background"), DrawingBackground.BLANK)
    new_id = services.create_drawing(db, me, mid, value("drawing.new.name"), kind,
                                     drawing_canvas.background_picture(kind, record))
    session.prime_widget(CHOSEN, new_id)


def new_drawing_form() -> None:
    """Name and background of a new drawing."""
    with st.form("drawing_new", border=False):
        st.text_input(t("field.drawing_name"), key="drawing.new.name", placeholder=t("drawing.name_placeholder"))
        st.selectbox(t("field.background"), list(DrawingBackground), key=session.lang_key("drawing.new.background"),
                     format_func=formatter("drawing.background"), help=t("drawing.background_help"))
        forms.submit_button("drawing_new", t("drawing.create"), create, clear=("drawing.new.name",),
                            success=t("drawing.created"))
    forms.show_error("drawing_new")


st.title(t("page.drawing"))
if not drawings:
    st.info(t("drawing.none"), icon=":material/draw:")
    new_drawing_form()
    st.stop()

# Opening the page (or the chosen one was deleted): the one drawn on last.
if session.optional_int_value(CHOSEN) not in drawings:
    latest = services.latest_drawing(db, mid, viewer=session.viewer())
    session.prime_widget(CHOSEN, latest.id if latest else next(iter(drawings)))
choose, background, new, rename, clear, delete = st.columns([4, 3, 2, 2, 2, 2], vertical_alignment="bottom")
chosen = choose.selectbox(t("drawing.choose"), list(drawings), key=CHOSEN, format_func=lambda i: drawings[i].name)
drawing = drawings[chosen]
with background:
    drawing_canvas.background_choice(db, me, record, drawing)
with new.popover(t("drawing.new"), icon=":material/add:", width="stretch"):
    new_drawing_form()
with rename.popover(t("drawing.rename"), icon=":material/edit:", width="stretch"):
    name_key = session.fresh_key(f"drawing.name.{drawing.id}", drawing.name)
    with st.form(f"drawing_rename_{drawing.id}", border=False):
        st.text_input(t("field.drawing_name"), drawing.name, key=name_key)
        forms.submit_button(f"drawing_rename_{drawing.id}", t("save"), lambda: services.rename_drawing(
            db, me, mid, drawing.id, value(name_key)), success=t("drawing.renamed"))
    forms.show_error(f"drawing_rename_{drawing.id}")
with clear.popover(t("drawing.clear"), icon=":material/ink_eraser:", width="stretch"):
    st.warning(t("drawing.clear_confirm", name=md(drawing.name)))
    forms.button(f"drawing.clear.{drawing.id}", t("drawing.clear_yes"), lambda: services.clear_drawing(
        db, me, mid, drawing.id), success=t("drawing.cleared"), type="primary")
with delete.popover(t("drawing.delete"), icon=":material/delete:", width="stretch"):
    st.warning(t("drawing.delete_confirm", name=md(drawing.name)))
    forms.button(f"drawing.delete.{drawing.id}", t("drawing.delete_yes"), lambda: services.delete_drawing(
        db, me, mid, drawing.id), success=t("drawing.deleted"), type="primary")

drawing_canvas.canvas(db, me, mid, drawing)
