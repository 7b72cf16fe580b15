"""The static map picture: a PNG of the asked size, the same every time, whatever the names hold."""

from __future__ import annotations

import struct

import pytest

from export.map_png import HEIGHT_PX, WIDTH_PX, name_boxes, overlapping, render_map_png
from facilitation import services as s
from facilitation.demo import create_demo_meeting
from facilitation.domain import model as m
from facilitation.storage import Database
from tests.conftest import ACTOR
from tests.unit.map_records import crowd, record_with

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _size(png: bytes) -> tuple[int, int]:
    """Width and height from the PNG's IHDR chunk."""
    assert png[12:16] == b"IHDR"
    return struct.unpack(">II", png[16:24])


@pytest.fixture
def demo(db: Database) -> m.MeetingRecord:
    return s.load_meeting(db, create_demo_meeting(db), viewer=ACTOR)


def test_the_picture_is_a_png_of_the_default_size(demo: m.MeetingRecord) -> None:
    png = render_map_png(demo)
    assert png.startswith(PNG_SIGNATURE)
    assert _size(png) == (WIDTH_PX, HEIGHT_PX)


def test_the_picture_has_the_size_asked_for(demo: m.MeetingRecord) -> None:
    assert _size(render_map_png(demo, width_px=800, height_px=600, dpi=100)) == (800, 600)


def test_the_same_meeting_gives_the_same_picture(demo: m.MeetingRecord) -> None:
    assert render_map_png(demo) == render_map_png(demo)


def test_the_anonymised_picture_differs_from_the_named_one(demo: m.MeetingRecord) -> None:
    anonymised = render_map_png(demo, anonymised=True)
    assert anonymised.startswith(PNG_SIGNATURE)
    assert anonymised != render_map_png(demo)


def test_names_that_look_like_maths_or_markup_are_drawn_as_they_are() -> None:
    record = record_with(
        [(r"$\frac{1}{0}$", m.Sector.FAMILY, 1), ("<script>alert(1)</script>", m.Sector.FAMILY, 2),
         ("Kr. 100$", m.Sector.PROFESSIONAL, 3)],
        [(0, 1, r"$\undefinedcommand$", True)],
    )
    assert render_map_png(record).startswith(PNG_SIGNATURE)


def test_a_crowded_map_and_an_empty_map_both_render() -> None:
    assert render_map_png(record_with(crowd(60, m.Sector.FAMILY, 1))).startswith(PNG_SIGNATURE)
    assert render_map_png(record_with([])).startswith(PNG_SIGNATURE)


FIRST = ["Birthe", "Hans-Christian", "Mette", "Ole", "Lone", "Karin", "Søren", "Anne-Marie", "Mads", "Jens"]
LAST = ["Juhl", "Vestergaard", "Møller", "Lund", "Østergaard-Nielsen", "Kristensen", "Brandt", "Sørensen"]


def forty_people() -> m.MeetingRecord:
    """Forty people with long Danish names, ten a sector over the three rings, and some ties."""
    people = [(f"{FIRST[i % 10]} {LAST[(i * 3) % 8]}", list(m.Sector)[i % 4], 1 + (i // 4) % 3) for i in range(40)]
    ties = [(i, (i * 7 + 3) % 40, "ven", i % 5 == 0) for i in range(0, 40, 2)]
    return record_with(people, ties, child_names="Alma Sofie Juhl")


def test_forty_people_names_stay_readable_apart_and_whole() -> None:
    record = forty_people()
    names = name_boxes(record)
    assert len(names) == 40
    assert overlapping([box for _, _, box in names]) == 0, "no two names touch"
    # the minute prints the picture 15.5 cm wide: 6.5 pt here is 5 pt on paper
    assert min(size for _, size, _ in names) >= 6.5
    drawn = sorted(text.replace("-\n", "-").replace("\n", " ") for text, _, _ in names)
    assert drawn == sorted(p.name for p in record.participants), "a name breaks only between words"


def test_names_hang_below_their_dot_unless_the_place_is_taken() -> None:
    record = record_with([("Ole Lund", m.Sector.FAMILY, 1), ("Mette Holm", m.Sector.PROFESSIONAL, 2)])
    (_, _, first), (_, _, second) = name_boxes(record)
    assert overlapping([first, second]) == 0
    assert _size(render_map_png(forty_people())) == (WIDTH_PX, HEIGHT_PX)
