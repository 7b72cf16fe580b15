"""Exports in the reader's language: the Danish minute reads as before, the English one has no Danish words of ours."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path
from typing import Any

import pytest
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from export.__main__ import main
from export.follow_up_ics import render_follow_up_ics
from export.map_html import render_map_html
from export.map_png import render_map_png
from export.minute_cli import minute_for_meeting
from facilitation import services as s
from facilitation.demo import create_demo_case
from facilitation.domain.catalog_da import DA
from facilitation.domain.catalog_en import EN
from facilitation.domain.model import MeetingRecord, Sector
from facilitation.domain.words import label
from facilitation.storage import Database
from tests.conftest import ACTOR
from tests.integration.test_minute import DAY, NOW, full_meeting  # noqa: F401  (the fixture: a fully recorded meeting)
from tests.support.docx_reading import all_texts, blocks, heading_level, open_docx

FIXTURES = Path(__file__).parent / "fixtures"
pytestmark = pytest.mark.integration  # every test renders whole exports (docx, map pictures, calendar files)
DANISH_LETTERS = re.compile("[æøåÆØÅ]")
DANISH_ONLY = {text for key, text in DA.items() if text != EN[key]}


def _fixture_text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def _minute_text(content: bytes) -> str:
    return "\n".join(all_texts(open_docx(content))) + "\n"


def _data_strings(value: object) -> set[str]:
    """Every string the meeting's record holds (names, titles, notes): the family's words, not ours."""
    if isinstance(value, str):
        return {value}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return set().union(*(_data_strings(getattr(value, f.name)) for f in dataclasses.fields(value)))
    if isinstance(value, list | tuple | set):
        return set().union(set(), *(_data_strings(item) for item in value))
    if isinstance(value, dict):
        return set().union(set(), *(_data_strings(item) for item in value.values()))
    return set()


def _headings(content: bytes, record: MeetingRecord) -> list[str]:
    """The title and every heading, except the agenda items' own titles ('1. Velkommen': the meeting's words)."""
    items = {f"{n}. {item.title}" for n, item in enumerate(record.agenda, 1)}
    found = [b.text for b in blocks(open_docx(content)) if heading_level(b) is not None]
    return [text for text in found if text not in items]


def _table_headers(content: bytes) -> list[str]:
    document = open_docx(content)
    return [cell.text for table in document.tables for cell in table.rows[0].cells]


def test_the_danish_minute_reads_word_for_word_as_before(db: Database, full_meeting: int) -> None:  # noqa: F811
    assert _minute_text(minute_for_meeting(db, full_meeting, now=NOW, viewer=ACTOR)) == _fixture_text("minute_da.txt")
    anonymised = minute_for_meeting(db, full_meeting, anonymised=True, now=NOW, viewer=ACTOR)
    assert _minute_text(anonymised) == _fixture_text("minute_da_anonymised.txt")


def test_the_danish_calendar_file_is_unchanged(db: Database, full_meeting: int) -> None:  # noqa: F811
    record = s.load_meeting(db, full_meeting, viewer=ACTOR)
    assert render_follow_up_ics(record, now=NOW) == (FIXTURES / "follow_up_da.ics").read_bytes()


def test_the_command_line_writes_an_english_minute_with_no_danish_heading(db: Database, tmp_path: Path) -> None:
    meeting_id = create_demo_case(db, DAY)
    out = tmp_path / "minutes.docx"
    assert main(["minute", str(meeting_id), "--out", str(out), "--language", "en"]) == 0
    content = out.read_bytes()
    record = s.load_meeting(db, meeting_id, viewer=ACTOR)
    headings = _headings(content, record)
    assert headings[0] == "Minutes and actions"
    assert {"Who took part", "What we agreed", "Scaling", "The network map", "Alma's Three Houses"} <= set(headings)
    danish = [h for h in headings if DANISH_LETTERS.search(h) or h in DANISH_ONLY]
    assert danish == []
    assert open_docx(content).core_properties.language == "en-GB"


def test_every_word_of_ours_in_the_english_minute_is_english(db: Database, full_meeting: int) -> None:  # noqa: F811
    s.set_follow_up_date(db, ACTOR, full_meeting, None)  # the cadence's wording ('no later than'), not the agreed time
    record = s.load_meeting(db, full_meeting, viewer=ACTOR)
    content = minute_for_meeting(db, full_meeting, language="en", now=NOW, viewer=ACTOR)
    data = _data_strings(record)
    texts = all_texts(open_docx(content))
    assert [t for t in texts if t in DANISH_ONLY and t not in data] == []
    headers = [h for h in _table_headers(content) if h not in data]
    assert [h for h in headers if DANISH_LETTERS.search(h) or h in DANISH_ONLY] == []
    assert [h for h in _headings(content, record) if DANISH_LETTERS.search(h)] == []
    text = "\n".join(texts)
    for english in ("Page", "CONFIDENTIAL", "Next meeting:", "From the municipality:",
                    "Sent apologies:", "25 November 2026", "We meet again for a follow-up no later than",
                    "On average: heard", "House of good things", "How to reach us"):
        assert english in text, english
    assert "25. november" not in text and "Fortroligt" not in text


def test_the_english_minute_anonymised_is_english_too(db: Database, full_meeting: int) -> None:  # noqa: F811
    text = _minute_text(minute_for_meeting(db, full_meeting, anonymised=True, language="en", now=NOW, viewer=ACTOR))
    assert "Anonymised version for use outside the family" in text
    assert "Anonymiseret" not in text


def test_the_good_things_house_has_the_apps_name_in_the_minute(db: Database, full_meeting: int) -> None:  # noqa: F811
    text = _minute_text(minute_for_meeting(db, full_meeting, now=NOW, viewer=ACTOR))
    assert DA["board.house_good"] in text and "Det gode hus" not in text


def test_an_english_map_page_names_the_sectors_in_english(db: Database, full_meeting: int) -> None:  # noqa: F811
    record = s.load_meeting(db, full_meeting, viewer=ACTOR)
    english = render_map_html(record, language="en")
    danish = render_map_html(record)
    for sector in Sector:
        assert f'"{label("sector", sector, "en")}"' in english
        assert f'"{label("sector", sector, "da")}"' in danish
    assert "Venner og naboer" not in english and "Skole, dagtilbud og arbejde" not in english
    assert "<title>Network map</title>" in english and "Zoom in" in english and "Full screen" in english
    assert "taking part in the meeting" in english and "deltager i mødet" not in english
    assert "Netværkskort" not in english and "Zoom ind" not in english


def _drawn_words(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every text the map picture draws, and every label of its legend."""
    drawn: list[str] = []
    original_text, original_legend = Axes.text, Figure.legend

    def text(self: Axes, x: float, y: float, s: str, *args: Any, **kwargs: Any) -> Any:
        drawn.append(str(s))
        return original_text(self, x, y, s, *args, **kwargs)

    def legend(self: Figure, *args: Any, **kwargs: Any) -> Any:
        drawn.extend(handle.get_label() for handle in kwargs.get("handles", ()))
        return original_legend(self, *args, **kwargs)

    monkeypatch.setattr(Axes, "text", text)
    monkeypatch.setattr(Figure, "legend", legend)
    return drawn


def test_an_english_map_picture_and_its_legend_use_english_sector_names(
    db: Database, full_meeting: int, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    record = s.load_meeting(db, full_meeting, viewer=ACTOR)
    drawn = _drawn_words(monkeypatch)
    render_map_png(record, language="en", width_px=400, height_px=425, dpi=50)
    sectors = [label("sector", sector, "en") for sector in Sector]
    assert all(drawn.count(name) == 2 for name in sectors), drawn  # in its quarter and in the legend
    assert {"Taking part in the meeting", "Not invited", "Strained relationship"} <= set(drawn)
    assert [w for w in drawn if w in DANISH_ONLY or w.lower() in {v.lower() for v in DANISH_ONLY}] == []


def test_the_command_line_writes_an_english_map_and_calendar_file(db: Database, tmp_path: Path) -> None:
    meeting_id = create_demo_case(db, DAY)
    page, calendar = tmp_path / "map.html", tmp_path / "follow-up.ics"
    assert main(["map", str(meeting_id), "--html", str(page), "--language", "en"]) == 0
    assert main(["ics", str(meeting_id), "--out", str(calendar), "--language", "en"]) == 0
    assert "Friends and neighbours" in page.read_text(encoding="utf-8")
    ics = calendar.read_text(encoding="utf-8")
    assert "SUMMARY:Follow-up meeting about Alma" in ics
    assert "Remember to invite the network" in ics and "Opfølgning på" not in ics


def test_an_unknown_language_is_refused_by_the_command_line(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["minute", "1", "--out", "x.docx", "--language", "fr"])
    assert stop.value.code == 2
    assert "--language" in capsys.readouterr().err
