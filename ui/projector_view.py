"""What the projector draws for each screen: large, calm, escaped, never an input, never scrolling.

Every screen is one wall (ui/projection.py: the projection rule): a title bar with the small countdown in
its corner while an item runs, and a stage that holds the screen, paged when it is long.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

import streamlit as st

from facilitation import services
from facilitation.domain import words
from facilitation.domain.clock import utcnow
from facilitation.domain.dates import long_date
from facilitation.domain.model import Action, ActionStatus, MeetingRecord
from facilitation.domain.outcomes import overdue
from facilitation.domain.roles import Screen
from facilitation.domain.scaling import ScoreRound
from facilitation.domain.timer import MeetingClock, Phase, meeting_clock
from facilitation.domain.validation import PEOPLE_MAX
from facilitation.storage import Database
from ui import live_sync, map_view, session, wall_element
from ui import projection as p
from ui.drawing_view import picture_at
from ui.projector_board import CSS as BOARD_CSS
from ui.projector_board import board_screen
from ui.projector_clock import CLOCK_CSS, big_clock_html, corner_clock_html, ticker
from ui.projector_network import CSS as NETWORK_CSS
from ui.projector_network import network_screen
from ui.projector_story import CSS as STORY_CSS
from ui.projector_story import story_screen
from ui.text import h

EPOCH = datetime(1970, 1, 1)
BOARD_PARTS = {Screen.BOARD: "board", Screen.SAFETY: "safety", Screen.SCALE: "scale", Screen.HOUSES: "houses"}
ACTION_ROW_VH = 2 * p.LINE_VH + 1.6
# The map and the drawing are pictures under the title bar, as large as the rest of the wall allows.
PICTURE_CSS = f"""<style>
[data-testid="stMain"] [data-testid="stElementContainer"]:has(img), [data-testid="stMain"] [data-testid="stImage"],
.st-key-mt-drawing, .st-key-mt-drawing [data-testid="stFullScreenFrame"] {{ width: 100% !important; display: flex;
  flex-direction: column; align-items: center; }}
[data-testid="stMain"] [data-testid="stImage"] img, .st-key-mt-drawing img {{
  max-height: {p.STAGE_VH + p.PAD_VH - 1:.1f}vh !important; width: auto !important; max-width: 95vw !important;
  height: auto; object-fit: contain; display: block; margin: 0 auto; }}
.st-key-mt-drawing img {{ border: .3vh solid #9AA3AE; border-radius: .6vh; }}  /* white paper on a white wall */
</style>"""


def hide_chrome() -> None:
    """No sidebar, header, toolbar or margins on the wall; the ticker that keeps its clocks counting."""
    st.html(f"<style>{p.WALL_CSS}{CLOCK_CSS}{BOARD_CSS}{ACTIONS_CSS}{NETWORK_CSS}{STORY_CSS}</style>")
    ticker()  # before any polled part: mounted once per page, never redrawn by a tick


def show(db: Database, record: MeetingRecord, history: Sequence[ScoreRound]) -> None:
    """Draw the screen the facilitator chose, or the curtain."""
    meeting = record.meeting
    if meeting.curtain:
        st.html('<div data-testid="mt-curtain" style="position:fixed;inset:0;background:#101418;z-index:1000"></div>')
        return
    screen = Screen(meeting.screen) if meeting.screen in set(Screen) else Screen.AGENDA
    language, now = session.language(), utcnow()
    clock = meeting_clock(record.agenda, now, meeting.warn_minutes)
    corner = "" if screen == Screen.AGENDA else corner_clock_html(clock, language)
    bar = _bar(record, screen, language, corner)
    stage = _text_stage(db, record, screen, history, clock, now)
    if stage is not None:
        wall_element.show(_wall(screen, bar, stage))
    elif screen == Screen.MAP:
        st.html(_wall(screen, bar, "", top=True) + PICTURE_CSS)
        # PNG said outright: the picture has no alpha channel, and st.image would re-encode it as JPEG every run
        st.image(map_view.projector_picture(db, meeting.id, meeting.version, language=language), width="content",
                 output_format="PNG", alt=f"{words.text('screen.map', language)} · {record.case.child_names}")
    else:
        _drawing(db, record, language, corner)


def _text_stage(db: Database, record: MeetingRecord, screen: Screen, history: Sequence[ScoreRound],
                clock: MeetingClock, now: datetime) -> str | None:
    """The stage of a screen of text (escaped HTML for the wall element); None for the map's and drawing's picture."""
    language, at = session.language(), int((now - EPOCH).total_seconds())
    if screen in BOARD_PARTS:
        return board_screen(record, language, BOARD_PARTS[screen], history, at)
    if screen == Screen.ACTIONS:
        return actions_html(record, language, now.date(), at)
    if screen == Screen.AGENDA:
        return agenda_html(record, clock, now, language)
    if screen == Screen.NETWORK:
        return network_screen(record, language, at)
    if screen == Screen.STORY:
        return story_screen(live_sync.case_so_far(db, record), language, at)
    if screen == Screen.MAP and map_view.too_big_to_draw(record):  # a meeting from before the limit
        count, limit = len(record.participants), PEOPLE_MAX
        return f"<p>{h(words.text('network.too_many_to_draw', language, count=count, limit=limit))}</p>"
    return None


def meeting_gone() -> None:
    """The wall once its meeting was deleted: one calm line and nothing else (no name, no item of any case)."""
    st.html(meeting_gone_html(session.language()))


def meeting_gone_html(language: str) -> str:
    """The deleted meeting's wall: the message in the middle of an otherwise empty wall."""
    return (f'<div class="mt-wall" lang="{h(language)}"><main class="mt-stage" data-testid="mt-gone" '
            'style="display:flex;align-items:center;justify-content:center;text-align:center">'
            f'<p>{h(words.text("projector.meeting_gone", language))}</p></main></div>')


def _wall(screen: Screen, bar: str, stage: str, *, top: bool = False) -> str:
    marker = f'<div data-testid="mt-screen" data-screen="{h(screen)}" hidden></div>'
    if top:
        return f'<div class="mt-wall mt-top" lang="{h(session.language())}">{marker}{bar}</div>'
    return (f'<div class="mt-wall" lang="{h(session.language())}">{marker}{bar}'
            f'<main class="mt-stage">{stage}</main></div>')


def _bar(record: MeetingRecord, screen: Screen, language: str, corner: str) -> str:
    meeting = record.meeting
    if screen == Screen.AGENDA:
        title = (f"{words.label('kind', meeting.kind, language)} · {record.case.child_names} · "
                 f"{long_date(meeting.date, language)}")
    else:
        title = f"{words.text(f'screen.{screen.value}', language)} · {record.case.child_names}"
    return f'<header class="mt-bar"><h1>{h(title)}</h1>{corner}</header>'


def _page_label(language: str) -> p.PageLabel:
    return lambda page, pages: h(words.text("projector.page", language, page=page, pages=pages))


def agenda_html(record: MeetingRecord, clock: MeetingClock, now: datetime, language: str) -> str:
    """The big countdown and the current item's minute (notes, then decisions) beside the agenda."""
    at = int((now - EPOCH).total_seconds())
    shown = next((a for a in record.agenda if clock.current and a.id == clock.current.item_id), None)
    notes = notes_pages(record, shown.id, language) if shown is not None else []
    left = big_clock_html(clock, language) + (
        f'<div class="mt-notes-box" data-testid="mt-notes">{p.paged(notes, _page_label(language), at=at)}</div>'
        if notes else "")
    return (f'<div class="mt-agenda"><div class="mt-agenda-left">{left}</div>'
            f'<div class="mt-agenda-right">{agenda_list_html(record, clock, language, at)}</div></div>')


NOTES_SHARE = 0.58  # of the wall's width
NOTES_BUDGET_VH = p.STAGE_VH - 34.0  # below the big countdown (its title, digits and line)


def notes_pages(record: MeetingRecord, item_id: int, language: str) -> list[str]:
    """The item's notes, then its decisions (as large as the notes), in pages that fit below the countdown."""
    item = next(a for a in record.agenda if a.id == item_id)
    per_line = p.chars_per_line(NOTES_SHARE)
    lines = int((NOTES_BUDGET_VH - (p.LINE_VH + 1.0)) // p.LINE_VH) - 1
    blocks: list[tuple[str, float]] = [
        (f'<p class="mt-note">{h(piece)}</p>', p.lines_of(piece, per_line) * p.LINE_VH)
        for piece in p.split_text(item.notes, per_line, lines)
    ]
    decisions = [d.text for d in record.decisions if d.agenda_item_id == item_id]
    if decisions:
        blocks.append((f'<h2 class="mt-decisions">{h(words.text("minutes.decisions", language))}</h2>',
                       p.HEADING_VH * p.LINE))
    for text in decisions:
        blocks += [(f'<p class="mt-decision">{h(piece)}</p>', p.lines_of(piece, per_line - 2) * p.LINE_VH)
                   for piece in p.split_text(text, per_line - 2, lines)]
    pages = p.pack([height for _, height in blocks], NOTES_BUDGET_VH - (p.LINE_VH + 1.0), gap_vh=1.0)
    return ["".join(blocks[i][0] for i in page) for page in pages]


def agenda_list_html(record: MeetingRecord, clock: MeetingClock, language: str, at: int = 0) -> str:
    """The agenda with planned and actual minutes, the current item marked, paged when long."""
    times = {time.item_id: time for time in clock.items}
    minutes = h(words.text("timer.min", language))
    rows = []
    for item in sorted(record.agenda, key=lambda a: a.position):
        time = times[item.id]
        mark = {Phase.RUNNING: "▶", Phase.PAUSED: "⏸", Phase.FINISHED: "✓"}.get(time.phase, "")
        actual = f" · {time.actual_minutes} {minutes}" if time.phase != Phase.NOT_STARTED else ""
        now = " mt-now" if time.phase in (Phase.RUNNING, Phase.PAUSED) else ""
        rows.append(f'<li class="mt-agenda-item{now}"><span class="mt-mark">{mark}</span>'
                    f'<span class="mt-clamp" style="--lines:2">{h(item.title)} '
                    f'<span class="mt-muted">({time.planned_seconds // 60} {minutes}{actual})</span></span></li>')
    size = p.per_page(2 * p.LINE_VH, p.STAGE_VH - p.LINE_VH - 1.0, gap_vh=0.6)
    pages = [f'<ol class="mt-agenda-list">{"".join(rows[r.start:r.stop])}</ol>'
             for r in p.chunks(len(rows), size)]
    return p.paged(pages, _page_label(language), at=at)


ACTIONS_CSS = f"""
.mt-agenda{{display:grid;grid-template-columns:minmax(0,{NOTES_SHARE}fr) minmax(0,{1 - NOTES_SHARE:.2f}fr);gap:2.5vw;
 height:100%}}
.mt-agenda-left{{display:flex;flex-direction:column;gap:1.5vh;min-height:0}}
.mt-agenda-right{{min-height:0;position:relative}}
.mt-notes-box{{flex:1;min-height:0;position:relative}}
.mt-agenda-list{{list-style:none;display:flex;flex-direction:column;gap:.6vh}}
.mt-agenda-item{{display:flex;gap:.4em}}.mt-agenda-item.mt-now{{font-weight:700}}
.mt-mark{{flex:0 0 1.3em}}
.mt-decisions{{font-size:{p.HEADING_VH}vh;font-weight:700}}
.mt-decision{{border-left:.6vh solid #2B5A87;padding-left:.8vw}}
.mt-actions{{display:flex;flex-direction:column;gap:1vh}}
.mt-action{{display:grid;grid-template-columns:minmax(0,2.3fr) minmax(0,1.2fr) minmax(0,1.2fr) minmax(0,1fr);
 gap:1.2vw;padding:.8vh .8vw;border-bottom:.2vh solid #9AA3AE;flex:none}}
.mt-action.mt-head{{font-weight:700;background:#EEF4F9;border-bottom:0}}
.mt-action.mt-late{{border-left:1vh solid {p.OVERDUE_INK};background:#FDF1EF}}
.mt-late-tag{{color:{p.OVERDUE_INK};font-weight:700}}
.mt-open{{background:{p.AMBER_BG};color:{p.AMBER_INK};font-weight:700;border-radius:.6vh;padding:0 .3em}}
"""


def actions_html(record: MeetingRecord, language: str, today: date, at: int = 0) -> str:
    """The agreed actions: what, who, by when, who coordinates; overdue marked in words, open ones in amber."""
    actions = [a for a in record.actions if a.status != ActionStatus.DROPPED]
    head = "".join(f"<span>{h(words.text(k, language))}</span>"
                   for k in ("field.what", "field.who", "field.due", "field.coordinator"))
    head_html = f'<div class="mt-action mt-head">{head}</div>'
    if not actions:
        return p.paged([f'<p class="mt-empty">{h(words.text("actions.none", language))}</p>'], _page_label(language))
    size = p.per_page(ACTION_ROW_VH, p.STAGE_VH - ACTION_ROW_VH - (p.LINE_VH + 1.0) - 1.0)
    pages = [f'<div class="mt-actions">{head_html}{"".join(action_row(actions[i], language, today) for i in r)}</div>'
             for r in p.chunks(len(actions), size)]
    return p.paged(pages, _page_label(language), at=at)


def action_row(action: Action, language: str, today: date) -> str:
    """One action as a row; a missing owner or date reads 'ikke aftalt endnu', an overdue date says so."""
    not_agreed = f'<span class="mt-open">{h(words.text("projector.not_agreed", language))}</span>'
    late = overdue(action, today)
    due = h(short_date(action.due, language)) if action.due else not_agreed
    if late:
        due += f'<br><span class="mt-late-tag">⚠ {h(words.text("projector.overdue", language))}</span>'
    who = h(action.who) if (action.who or "").strip() else not_agreed
    return (f'<div class="mt-action{" mt-late" if late else ""}" data-overdue="{str(late).lower()}">'
            f'<span class="mt-clamp" style="--lines:2">{h(action.what)}</span>'
            f'<span class="mt-clamp" style="--lines:2">{who}</span>'
            f'<span class="mt-clamp" style="--lines:2">{due}</span>'
            f'<span class="mt-clamp" style="--lines:2">{h(words.label("coordinator", action.coordinator, language))}'
            "</span></div>")


def short_date(day: date, language: str) -> str:
    """'5.12.2026' in Danish, '5/12/2026' in English: a date that fits a table cell on one line."""
    return f"{day.day}/{day.month}/{day.year}" if language == "en" else f"{day.day}.{day.month}.{day.year}"


def _drawing(db: Database, record: MeetingRecord, language: str, corner: str) -> None:
    """The drawing being drawn now, its name in the title bar; a calm line if there is none."""
    drawing = services.latest_drawing(db, record.meeting.id, viewer=session.viewer())
    picture = None if drawing is None else picture_at(db.url, record.meeting.id, drawing.id, drawing.revision)
    if drawing is None or picture is None:
        bar = _bar(record, Screen.DRAWING, language, corner)
        key = "projector.no_drawing" if drawing is None else "drawing.picture_corrupt"
        wall_element.show(_wall(Screen.DRAWING, bar, f"<p>{h(words.text(key, language))}</p>"))
        return
    bar = f'<header class="mt-bar"><h1>{h(drawing.name)} · {h(record.case.child_names)}</h1>{corner}</header>'
    st.html(_wall(Screen.DRAWING, bar, "", top=True) + PICTURE_CSS)
    with st.container(key="mt-drawing"):
        st.image(picture, width="content", alt=drawing.name)
