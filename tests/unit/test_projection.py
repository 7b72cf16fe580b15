"""The projection rule's pure parts: line estimates, pages, colours, the wall's rows and clocks."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from facilitation.domain.catalog_da import DA
from facilitation.domain.model import Action, ActionStatus, BoardItem, BoardKind, Coordinator
from facilitation.domain.timer import Alert, ItemTime, MeetingClock, Phase
from tests.unit.map_records import record_with
from ui import projection as p
from ui.projector_board import BOARD_INKS, board_screen, note_pieces
from ui.projector_clock import BACKGROUNDS, INKS, big_clock_html, corner_clock_html
from ui.projector_view import action_row, short_date
from ui.scale_chart import INK, MUTED, PAPER, TRACK, scores_svg

NOW = datetime(2026, 12, 1, 10, 0)


def label(page: int, pages: int) -> str:
    return f"Side {page} af {pages}"


def test_body_text_is_at_least_a_thirtieth_of_the_screen_and_headings_are_larger() -> None:
    assert p.BODY_VH >= 100 / 30
    assert p.HEADING_VH > p.BODY_VH and p.DIGITS_VH > p.HEADING_VH
    assert p.STAGE_VH + p.BAR_VH + 2 * p.PAD_VH + p.GAP_VH <= 100


def test_emoji_count_double_and_every_paragraph_starts_a_line() -> None:
    assert p.width("æøå") == 3
    assert p.width("😊") == 2
    assert p.lines_of("a\nb", 40) == 2
    assert p.lines_of("x" * 81, 40) == 3


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_the_quick_width_of_latin_text_is_the_width_letter_by_letter(text: str) -> None:
    letter_by_letter = sum(2 if unicodedata.east_asian_width(c) in "WF" or ord(c) > 0xFFFF else 1 for c in text)
    assert p.width(text) == letter_by_letter
    assert p.width("Mødet " + text) == letter_by_letter + 6


def test_a_long_text_is_split_into_pieces_that_each_fit_and_keep_every_word() -> None:
    text = ("Mormor siger, at hun gerne vil hjælpe 😊 med æøå. " * 200)[:10_000]
    pieces = p.split_text(text, 38, 9)
    assert len(pieces) > 1
    assert all(p.lines_of(piece, 38) <= 9 for piece in pieces)
    assert " ".join(pieces).split() == text.split()


def test_a_text_without_spaces_is_cut_anyway() -> None:
    pieces = p.split_text("x" * 1_000, 40, 2)
    assert all(len(piece) <= 80 for piece in pieces) and "".join(pieces) == "x" * 1_000


def test_blocks_are_packed_into_pages_in_order_and_a_too_tall_block_stands_alone() -> None:
    assert p.pack([10, 10, 10, 50, 10], 31, gap_vh=1) == [[0, 1], [2], [3], [4]]
    assert p.pack([], 10) == []


def test_one_page_does_not_turn_and_many_pages_turn_in_turn() -> None:
    single = p.paged(["<p>a</p>"], label)
    assert "data-turn" not in single and "Side" not in single
    many = p.paged(["a", "b", "c"], label, seconds=10)
    assert 'data-pages="3"' in many and "Side 3 af 3" in many
    assert 'data-at="0" data-turn="10"' in many  # the wall's ticker turns them every 10 s from the clock
    assert re.findall(r'data-page="(\d)" style="visibility:visible"', many) == ["1"]
    assert "animation" not in many  # an endless animation repainted the wall every frame


def test_the_page_shown_follows_the_clock_not_the_redraw() -> None:
    # 25 s into the cycle page 3 shows (20–30 s), drawn so; the ticker goes on from data-at
    later = p.paged(["a", "b", "c"], label, seconds=10, at=25)
    assert re.findall(r'data-page="(\d)" style="visibility:visible"', later) == ["3"]
    assert 'data-at="25"' in later
    assert re.findall(r'data-page="(\d)" style', p.paged(["a", "b", "c"], label, seconds=10, at=31)) == ["1"]


def notes(count: int, text: str = "Mormor henter Alma om fredagen") -> list[BoardItem]:
    return [BoardItem(i + 1, 1, BoardKind.WORRY, f"{text} {i}", position=i, said_by="Birthe") for i in range(count)]


def test_a_short_note_is_one_box_of_the_lines_it_needs_and_many_notes_are_paged() -> None:
    few = board_screen(replace(record_with([]), board=tuple(notes(3))), "da", "board", (), at=0)
    assert "mt-cont" not in few and "mt-paged" not in few and few.count("— Birthe") == 3
    many = board_screen(replace(record_with([]), board=tuple(notes(40))), "da", "board", (), at=0)
    assert "mt-paged" in many and "Side 1 af" in many and "mt-cont" not in many
    assert all(f"fredagen {i} <span" in many for i in range(40))  # every note on some page
    empty = board_screen(record_with([]), "da", "board", (), at=0)
    assert empty.count("mt-empty") == 3 and "mt-paged" not in empty


def test_a_long_note_goes_on_in_the_next_box_and_no_word_is_lost() -> None:
    words_said = [f"ord{i}" for i in range(400)]
    note = BoardItem(1, 1, BoardKind.WORRY, " ".join(words_said), position=0, said_by="Mormor")
    pieces = note_pieces(note, "Barnet", 40, 3)
    assert len(pieces) > 5 and pieces[0].first and pieces[-1].last
    assert " ".join(piece.text for piece in pieces).split() == words_said  # every word, in order, once
    assert all(p.lines_of(piece.text, 40) <= 3 for piece in pieces)
    record = replace(record_with([]), board=(note,))
    wall = board_screen(record, "da", "board", (), at=0)
    assert wall.count("mt-cont") >= 5 and "… ord" in wall and wall.count("— Mormor") == 1
    assert all(re.search(rf"\b{word}\b", wall) for word in words_said)


def test_every_colour_on_the_wall_has_a_contrast_of_at_least_7() -> None:
    pairs = [(p.INK, "#FFFFFF"), (p.MUTED, "#FFFFFF"), (p.MUTED, "#EFF0F2"), (p.OVERDUE_INK, "#FDF1EF"),
             (p.AMBER_INK, p.AMBER_BG), (INK, PAPER), (MUTED, PAPER), (MUTED, TRACK)]
    pairs += [(INKS[a], BACKGROUNDS[a]) for a in Alert]
    pairs += [(ink, background) for ink, background in BOARD_INKS]
    assert [(f, b) for f, b in pairs if p.contrast(f, b) < 7] == []


def action(**change: object) -> Action:
    fields: dict[str, object] = {"id": 1, "meeting_id": 1, "what": "Ring til skolen", "who": "Mormor",
                                 "due": date(2026, 12, 10), "coordinator": Coordinator.FAMILY,
                                 "status": ActionStatus.OPEN, "goal_id": None, "position": 1}
    return Action(**(fields | change))  # type: ignore[arg-type]


def test_an_action_without_owner_or_date_reads_not_agreed_yet_in_amber() -> None:
    row = action_row(action(who="", due=None), "da", date(2026, 12, 1))
    assert row.count(DA["projector.not_agreed"]) == 2 and row.count('class="mt-open"') == 2
    assert "None" not in row


def test_an_overdue_action_says_so_in_words_and_keeps_its_date() -> None:
    row = action_row(action(due=date(2026, 11, 20)), "da", date(2026, 12, 1))
    assert 'data-overdue="true"' in row and DA["projector.overdue"] in row and "20.11.2026" in row
    assert 'data-overdue="false"' in action_row(action(), "da", date(2026, 12, 1))
    assert short_date(date(2026, 1, 5), "en") == "5/1/2026"


def test_text_in_an_action_is_escaped() -> None:
    assert "<b>" not in action_row(action(what="<b>fed</b>"), "da", date(2026, 12, 1))


def clock(phase: Phase | None, remaining: int = 120) -> MeetingClock:
    deadline = NOW + timedelta(seconds=remaining) if phase == Phase.RUNNING else None
    item = ItemTime(1, "Velkommen", phase or Phase.NOT_STARTED, 300, 300 - remaining,
                    Alert.OVERRUN if remaining < 0 else Alert.CALM, deadline)
    return MeetingClock((item,), item if phase else None, None)


def test_the_corner_clock_shows_only_while_an_item_runs_with_its_deadline() -> None:
    assert corner_clock_html(clock(None), "da") == ""
    html = corner_clock_html(clock(Phase.RUNNING), "da")
    assert 'data-testid="mt-corner-clock"' in html and "2:00" in html and DA["timer.left"] in html
    assert f'data-deadline="{(NOW - datetime(1970, 1, 1)).total_seconds() + 120:.3f}"' in html
    assert DA["timer.over"] in corner_clock_html(clock(Phase.RUNNING, -30), "da")
    assert "data-mt-tick" in html and 'data-warn="120"' in html  # the browser's ticker counts it from here


def test_a_paused_clock_on_the_wall_has_no_deadline_so_it_stands_still() -> None:
    html = corner_clock_html(clock(Phase.PAUSED), "da")
    assert 'data-deadline=""' in html and "2:00" in html and DA["timer.paused"] in html


def test_the_big_clock_names_the_item_and_the_meetings_time_left() -> None:
    html = big_clock_html(clock(Phase.PAUSED), "da")
    assert "Velkommen" in html and "2:00" in html and DA["timer.paused"] in html
    assert DA["timer.not_started"] in big_clock_html(clock(None), "da")
    running = big_clock_html(clock(Phase.RUNNING), "da")
    assert 'data-mt-meeting data-deadline="' in running and "data-mt-digits" in running


def test_a_long_name_on_the_scale_chart_is_cut_at_its_end_and_reasons_are_dark() -> None:
    name = "Karoline Margrethe Østergaard-Bækgaard Sørensen"
    svg = scores_svg([(name, 7, "Fordi")], language="da", mean_label="Gennemsnit {mean}", title="Skala")
    shown = re.search(r'text-anchor="start">([^<]+)</text>', svg)
    assert shown is not None and shown.group(1).startswith("Karoline") and shown.group(1).endswith("…")
    assert "#5A6472" not in svg
