"""What the projector draws for each screen: large, calm, escaped, never an input."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from facilitation.domain.clock import utcnow
from facilitation.domain.dates import long_date
from facilitation.domain.model import ActionStatus, MeetingRecord
from facilitation.domain.roles import Screen
from facilitation.domain.scaling import ScoreRound
from facilitation.domain.timer import meeting_clock
from facilitation.storage import Database
from ui import map_view, session, timer_view
from ui.board_present import render_board_presentation
from ui.i18n import label, t
from ui.text import h

BOARD_PARTS = {Screen.BOARD: "columns", Screen.SAFETY: "safety", Screen.SCALE: "scale", Screen.HOUSES: "houses"}

CHROME_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"] { display: none !important; }
.block-container, [data-testid="stMainBlockContainer"] { padding: 1.2rem 2rem !important; max-width: 100% !important; }
</style>"""


def hide_chrome() -> None:
    """No sidebar, header or toolbar on the wall."""
    st.html(CHROME_CSS)


def show(db: Database, record: MeetingRecord, history: Sequence[ScoreRound]) -> None:
    """Draw the screen the facilitator chose, or the curtain."""
    meeting = record.meeting
    if meeting.curtain:
        st.html('<div data-testid="mt-curtain" style="position:fixed;inset:0;background:#101418;z-index:1000"></div>')
        return
    screen = Screen(meeting.screen) if meeting.screen in set(Screen) else Screen.AGENDA
    st.html(f'<div data-testid="mt-screen" data-screen="{h(screen)}" style="display:none"></div>')
    if screen in BOARD_PARTS:
        st.html(render_board_presentation(record, history, language=session.language(), part=BOARD_PARTS[screen]))
    elif screen == Screen.MAP:
        st.image(map_view.map_picture(db, meeting.id, meeting.version), width="stretch")
    elif screen == Screen.ACTIONS:
        st.html(actions_html(record))
    elif screen == Screen.DRAWING:
        _drawing(db, record)
    else:
        _agenda_screen(record)


def _agenda_screen(record: MeetingRecord) -> None:
    meeting, now = record.meeting, utcnow()
    clock = meeting_clock(record.agenda, now, meeting.warn_minutes)
    st.html(f'<h1 style="font-size:2.6rem;margin:0 0 .6rem">{h(label("kind", meeting.kind))} · '
            f"{h(record.case.child_names)} · {h(long_date(meeting.date, session.language()))}</h1>")
    left, right = st.columns([3, 2], gap="large")
    with left:
        st.html(timer_view.countdown_html(clock, size_rem=7.5, now=now))
        shown = next((a for a in record.agenda if clock.current and a.id == clock.current.item_id), None)
        if shown is not None and (shown.notes or any(d.agenda_item_id == shown.id for d in record.decisions)):
            st.html(notes_html(record, shown.id))
    right.html(timer_view.agenda_html(record.agenda, clock, size_rem=1.6))


def notes_html(record: MeetingRecord, item_id: int) -> str:
    """The minute of the current item as the room reads it: notes, then decisions."""
    item = next(a for a in record.agenda if a.id == item_id)
    decisions = "".join(f"<li>{h(d.text)}</li>" for d in record.decisions if d.agenda_item_id == item_id)
    heading = f'<h3 style="margin:.8rem 0 .2rem">{h(t("minutes.decisions"))}</h3>'
    decided = f"{heading}<ul>{decisions}</ul>" if decisions else ""
    return (f'<div data-testid="mt-notes" style="font-size:1.5rem;line-height:1.45;margin-top:1rem;'
            f'overflow-wrap:anywhere;max-height:40vh;overflow:hidden">{h(item.notes)}{decided}</div>')


def actions_html(record: MeetingRecord) -> str:
    """The agreed actions as a large table: what, who, by when, who coordinates."""
    lang = session.language()
    rows = "".join(
        f"<tr><td>{h(a.what)}</td><td>{h(a.who)}</td>"
        f"<td>{h(long_date(a.due, lang)) if a.due else ''}</td><td>{h(label('coordinator', a.coordinator))}</td></tr>"
        for a in record.actions if a.status != ActionStatus.DROPPED
    )
    head = "".join(f"<th>{h(t(k))}</th>" for k in ("field.what", "field.who", "field.due", "field.coordinator"))
    return (
        '<style>.mt-actions{width:100%;border-collapse:collapse;font-size:1.7rem}'
        ".mt-actions th{text-align:left;background:#eef4f9;padding:.5rem .8rem}"
        ".mt-actions td{padding:.6rem .8rem;border-bottom:1px solid #d9dee4;vertical-align:top;overflow-wrap:anywhere}"
        f'</style><h2 style="font-size:2.4rem">{h(t("minutes.actions"))}</h2>'
        f'<table class="mt-actions"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>'
    )


def _drawing(db: Database, record: MeetingRecord) -> None:
    try:
        from ui.drawing_view import show_latest_drawing
    except ImportError:  # the drawing feature is not installed in this build
        st.html(f'<p style="font-size:2rem">{h(t("projector.no_drawing"))}</p>')
        return
    show_latest_drawing(db, record.meeting.id)
