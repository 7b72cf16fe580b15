"""The measures on the intervention ladder over time: a PNG of a fixed size, whatever the measures."""

from __future__ import annotations

import struct
from datetime import date

import pytest

from export.ladder_chart import render_ladder_chart
from facilitation.domain.model import LegalBasis, Measure


def size(png: bytes) -> tuple[int, int]:
    """Width and height from the PNG's IHDR chunk."""
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and png[12:16] == b"IHDR"
    return struct.unpack(">II", png[16:24])


def measure(step: str, start: date, end: date | None = None) -> Measure:
    """A measure on a step of the default ladder."""
    return Measure(1, 1, "Indsats", LegalBasis.SEL_52, "Kommunen", start, end, None, step)


def test_a_move_down_the_ladder_is_drawn_and_the_picture_has_its_size() -> None:
    days = [date(2026, 9, 9), date(2026, 10, 21), date(2026, 12, 2)]
    png = render_ladder_chart([measure("foster_family", date(2026, 8, 1), date(2026, 10, 21)),
                               measure("intensive_home", date(2026, 10, 21))], days)
    assert size(png) == (1500, 620)
    assert png != render_ladder_chart([measure("foster_family", date(2026, 8, 1))], days), "the bars are drawn"


def test_no_measures_one_day_or_a_step_off_the_ladder_still_draw() -> None:
    assert size(render_ladder_chart([], [])) == (1500, 620)
    assert size(render_ladder_chart([measure("kommunens_eget_trin", date(2026, 9, 9))], [date(2026, 9, 9)],
                                    language="en")) == (1500, 620)


def test_a_configured_ladder_and_a_step_stored_under_an_earlier_one_both_draw(monkeypatch: pytest.MonkeyPatch) -> None:
    days = [date(2026, 9, 9), date(2026, 12, 2)]
    measures = [measure("Forebyggende", date(2026, 9, 9)), measure("foster_family", date(2026, 8, 1))]
    given = render_ladder_chart(measures, days, ladder=("Almene tilbud", "Forebyggende", "Anbringelse"))
    assert size(given) == (1500, 620)
    monkeypatch.setenv("MOEDETAVLEN_LADDER", "Almene tilbud;Forebyggende;Anbringelse")
    assert render_ladder_chart(measures, days) == given, "the setting is the ladder when none is given"
    monkeypatch.delenv("MOEDETAVLEN_LADDER")
    assert render_ladder_chart(measures, days) != given
