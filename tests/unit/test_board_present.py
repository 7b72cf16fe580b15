"""The presentation layout as HTML: every part escaped, sized by how full the columns are, Danish by default."""

from __future__ import annotations

import base64
import re

import pytest

from facilitation import services as s
from facilitation.domain.model import MeetingRecord
from facilitation.storage import Database
from tests.conftest import ACTOR
from ui.board_present import PARTS, available_parts, density, render_board_presentation

SCRIPT = "<script>alert(1)</script>"


def awkward_record(db: Database, meeting_id: int) -> MeetingRecord:
    """A meeting where every piece of participant text tries to be HTML."""
    person = s.add_participant(db, ACTOR, meeting_id, f"Mor {SCRIPT}")
    s.record_score(db, ACTOR, meeting_id, person, 4, f"Fordi {SCRIPT} & <b>")
    s.set_scale_question(db, ACTOR, meeting_id, f"Spørgsmål {SCRIPT}")
    for kind in ("worry", "working_well", "next_step", "danger_statement", "grey_area", "house_worry",
                 "house_good", "house_dream"):
        s.add_board_item(db, ACTOR, meeting_id, kind, f"{kind} {SCRIPT}", said_by=f"<i>{SCRIPT}</i>")
    danger = s.load_meeting(db, meeting_id, viewer=ACTOR).board[3].id
    safety = s.add_board_item(db, ACTOR, meeting_id, "safety_goal", f"Mål {SCRIPT}", answers_id=danger)
    s.add_goal(db, ACTOR, meeting_id, "short", f"Kort {SCRIPT}", f"Ejer {SCRIPT}", safety_goal_id=safety)
    s.set_show_three_houses(db, ACTOR, meeting_id, True)
    return s.load_meeting(db, meeting_id, viewer=ACTOR)


def pictures(html: str) -> list[str]:
    """The SVG pictures embedded in the HTML, decoded."""
    return [base64.b64decode(d).decode() for d in re.findall(r"data:image/svg\+xml;base64,([^\"]+)", html)]


@pytest.mark.parametrize("part", PARTS)
def test_every_part_shows_participant_text_escaped_and_never_as_markup(
    db: Database, meeting_id: int, part: str
) -> None:
    record = awkward_record(db, meeting_id)
    html = render_board_presentation(record, s.score_history(db, record.case.id, viewer=ACTOR), part=part)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    for text in [html, *pictures(html)]:
        assert "<script" not in text and "<i>" not in text and "<b>" not in text


def test_the_scale_part_draws_each_number_and_says_it_in_words(db: Database, meeting_id: int) -> None:
    record = awkward_record(db, meeting_id)
    html = render_board_presentation(record, s.score_history(db, record.case.id, viewer=ACTOR), part="scale")
    scores, trend = pictures(html)
    assert 'data-score="4"' in scores and "Gennemsnit 4,0" in scores
    assert 'alt="Mor &lt;script&gt;alert(1)&lt;/script&gt;: 4; Gennemsnit 4,0"' in html
    assert trend.count('class="mt-round"') == 1
    assert "Udviklingen vises fra næste møde." in html


def test_a_meeting_without_scores_says_so_instead_of_drawing_an_empty_chart(db: Database, meeting_id: int) -> None:
    html = render_board_presentation(s.load_meeting(db, meeting_id, viewer=ACTOR), part="scale")
    assert "Ingen har givet et tal endnu." in html and "data:image" not in html
    assert "Hvor er vi i dag på en skala fra 0 til 10?" in html


def test_the_fuller_the_columns_the_smaller_the_type_but_never_below_what_reads_at_five_metres() -> None:
    sizes = [density(n) for n in (1, 3, 4, 6, 8, 9, 40)]
    assert [size for size, _, _ in sizes] == sorted((size for size, _, _ in sizes), reverse=True)
    assert density(8)[0] >= 26 and density(8)[1] == 2
    assert density(3) == (34, 5, 400)


def test_the_three_houses_are_offered_only_when_the_facilitator_chose_to_show_them(
    db: Database, meeting_id: int
) -> None:
    assert "houses" not in available_parts(s.load_meeting(db, meeting_id, viewer=ACTOR))
    s.set_show_three_houses(db, ACTOR, meeting_id, True)
    assert available_parts(s.load_meeting(db, meeting_id, viewer=ACTOR)) == list(PARTS)


def test_an_unknown_part_shows_the_three_columns_and_english_is_available(db: Database, meeting_id: int) -> None:
    record = s.load_meeting(db, meeting_id, viewer=ACTOR)
    html = render_board_presentation(record, part="<nope>", language="en")
    assert 'class="mt-board mt-part-columns" lang="en"' in html
    assert "What are we worried about?" in html and "Nothing yet." in html
