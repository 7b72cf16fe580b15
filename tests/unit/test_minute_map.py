"""The minute's network map: drawn once per content, left out in plain words for a meeting too big to draw."""

from __future__ import annotations

import io
from dataclasses import replace

import docx
import pytest

from export import minute_pictures
from export.minute import render_minute
from facilitation.domain import model as m
from facilitation.domain.validation import PEOPLE_MAX
from tests.unit.map_records import crowd, record_with, with_person


def _pictures(content: bytes) -> int:
    return len(docx.Document(io.BytesIO(content)).inline_shapes)


def _text(content: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(content)).paragraphs)


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the maps actually drawn (the number of people in each), through an empty cache."""
    calls: list[int] = []
    draw = minute_pictures.render_map_png

    def counting(record: m.MeetingRecord, **options: object) -> bytes:
        calls.append(len(record.participants))
        return draw(record, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(minute_pictures, "render_map_png", counting)
    monkeypatch.setattr(minute_pictures, "_MAPS", type(minute_pictures._MAPS)())
    return calls


def test_a_meeting_above_the_limit_of_people_gets_a_sentence_instead_of_a_map(drawn: list[int]) -> None:
    record = record_with(crowd(PEOPLE_MAX + 1, m.Sector.FAMILY, 2))
    content = render_minute(record)
    assert drawn == []
    assert _pictures(content) == 0
    assert f"{PEOPLE_MAX + 1} personer" in _text(content) and str(PEOPLE_MAX) in _text(content)


def test_a_meeting_within_the_limit_gets_its_map(drawn: list[int]) -> None:
    record = record_with(crowd(3, m.Sector.FAMILY, 2))
    assert _pictures(render_minute(record)) == 1
    assert drawn == [3]


def test_the_same_map_is_drawn_once_when_the_minute_is_made_again(drawn: list[int]) -> None:
    record = record_with(crowd(5, m.Sector.FAMILY, 2))
    first = render_minute(record)
    board = (m.BoardItem(1, 1, m.BoardKind.WORRY, "Ny bekymring", 1),)
    second = render_minute(replace(record, board=board))
    assert drawn == [5]
    assert _pictures(first) == _pictures(second) == 1


def test_the_map_is_drawn_again_when_a_person_or_the_language_changes(drawn: list[int]) -> None:
    record = record_with(crowd(5, m.Sector.FAMILY, 2))
    render_minute(record)
    render_minute(with_person(record, "Person 2", ring=3))
    render_minute(record, language="en")
    render_minute(record, anonymised=True)
    assert drawn == [5, 5, 5, 5]
