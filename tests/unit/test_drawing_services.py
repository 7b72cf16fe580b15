"""Graphic recording: drawings are stored as canvas JSON and as a picture, restored exactly, and kept safe."""

from __future__ import annotations

import base64
import json
import time
from datetime import date

import pytest
from sqlalchemy import text

from export.drawing_backgrounds import fit_picture
from facilitation import pictures
from facilitation import services as s
from facilitation.domain import drawing as d
from facilitation.domain.model import DrawingBackground
from facilitation.domain.validation import ValidationError
from facilitation.storage import Database
from tests.conftest import ACTOR
from tests.support.drawings import RED, canvas, layer, picture
from tests.unit.helpers import not_found, refused


def names(db: Database, meeting_id: int) -> list[str]:
    """The meeting's drawings by name, in order."""
    return [drawing.name for drawing in s.list_drawings(db, meeting_id, viewer=ACTOR)]


def damage(db: Database, drawing_id: int, **columns: object) -> None:
    """Overwrite columns of a stored drawing behind the services' back (a damaged database)."""
    assignments = ", ".join(f"{name} = :{name}" for name in columns)
    with db.engine.begin() as connection:
        connection.execute(text(f"UPDATE drawings SET {assignments} WHERE id = :id"), {"id": drawing_id, **columns})


def test_a_new_drawing_is_empty_white_paper_at_the_end_of_the_list(db: Database, meeting_id: int) -> None:
    first = s.create_drawing(db, ACTOR, meeting_id, "Familiens hverdag")
    second = s.create_drawing(db, ACTOR, meeting_id, "  Drømme  ")
    assert names(db, meeting_id) == ["Familiens hverdag", "Drømme"]
    assert [x.position for x in s.list_drawings(db, meeting_id, viewer=ACTOR)] == [0, 1]
    revision, stored = s.drawing_canvas(db, meeting_id, first, viewer=ACTOR)
    assert (revision, json.loads(stored)) == (1, {"objects": []})
    _, png = s.drawing_png(db, meeting_id, second, viewer=ACTOR)
    image = picture(png)
    assert image.size == (d.CANVAS_WIDTH, d.CANVAS_HEIGHT)
    assert image.convert("RGB").getpixel((500, 300)) == (255, 255, 255)


def test_a_saved_drawing_comes_back_exactly_and_bumps_its_revision_and_the_meeting_version(
    db: Database, meeting_id: int
) -> None:
    drawing_id = s.create_drawing(db, ACTOR, meeting_id, "Familiens hverdag")
    version = s.get_meeting(db, meeting_id, viewer=ACTOR).version
    drawn = canvas(strokes=3)
    drawn["objects"].append({"type": "IText", "text": "Mor 💛 <b>æøå</b>", "left": 10, "top": 20, "fontSize": 28})
    revision = s.save_drawing(db, ACTOR, meeting_id, drawing_id, drawn, layer(), expected_revision=1)
    assert revision == 2
    assert s.get_meeting(db, meeting_id, viewer=ACTOR).version == version + 1
    stored_at, stored = s.drawing_canvas(db, meeting_id, drawing_id, viewer=ACTOR)
    assert stored_at == 2
    assert json.loads(stored) == drawn


def test_the_stored_picture_is_a_valid_png_of_canvas_size_with_the_strokes_on_the_background(
    db: Database, meeting_id: int
) -> None:
    drawing_id = s.create_drawing(db, ACTOR, meeting_id, "Drømme")
    s.save_drawing(db, ACTOR, meeting_id, drawing_id, canvas(), layer((100, 100, 600, 400)))
    _, png = s.drawing_png(db, meeting_id, drawing_id, viewer=ACTOR)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    image = picture(png).convert("RGB")
    assert image.size == (1120, 630)
    assert image.getpixel((350, 250)) == RED[:3], "the stroke is on the picture"
    assert image.getpixel((1000, 50)) == (255, 255, 255), "the paper around it is white"


def test_saving_the_same_canvas_again_writes_nothing(db: Database, meeting_id: int) -> None:
    drawing_id = s.create_drawing(db, ACTOR, meeting_id, "Drømme")
    revision = s.save_drawing(db, ACTOR, meeting_id, drawing_id, canvas(), layer())
    version = s.get_meeting(db, meeting_id, viewer=ACTOR).version
    assert s.save_drawing(db, ACTOR, meeting_id, drawing_id, canvas(), layer(), expected_revision=revision) == revision
    assert s.get_meeting(db, meeting_id, viewer=ACTOR).version == version


def test_a_save_from_a_device_that_missed_a_newer_change_is_refused_and_changes_nothing(
    db: Database, meeting_id: int
) -> None:
    drawing_id = s.create_drawing(db, ACTOR, meeting_id, "Drømme")
    s.save_drawing(db, ACTOR, meeting_id, drawing_id, canvas(2), layer(), expected_revision=1)
    with refused(db, "drawing_changed_elsewhere", meeting_id):
        s.save_drawing(db, ACTOR, meeting_id, drawing_id, canvas(1), layer(), expected_revision=1)


def test_a_canvas_over_five_megabytes_is_refused_with_its_size_and_nothing_is_written(
    db: Database, meeting_id: int
) -> None:
    drawing_id = s.create_drawing(db, ACTOR, meeting_id, "Alt for meget")
    huge = canvas(strokes=3_000)
    with refused(db, "drawing_too_large", meeting_id):
        s.save_drawing(db, ACTOR, meeting_id, drawing_id, huge, layer())
    with pytest.raises(ValidationError) as info:
        s.save_drawing(db, ACTOR, meeting_id, drawing_id, huge, layer())
    assert info.value.params == {"size_mb": "6.2", "limit_mb": "5"}


def test_a_2000_stroke_drawing_saves_and_restores_whole(db: Database, meeting_id: int) -> None:
    drawing_id = s.create_drawing(db, ACTOR, meeting_id, "Tusind streger")
    big = canvas(strokes=2_000)
    assert 3_500_000 < len(json.dumps(big)) < d.CANVAS_MAX_BYTES
    s.save_drawing(db, ACTOR, meeting_id, drawing_id, big, layer())
    _, stored = s.drawing_canvas(db, meeting_id, drawing_id, viewer=ACTOR)
    assert json.loads(stored) == big  # how fast: bench/drawing_benchmark.py, never a timed assertion


@pytest.mark.parametrize(
    "bad",
    [None, [], "not json", '{"objects": 5}', {"objects": [{"type": "Virus"}]}, {"objects": ["Path"]},
     {"strokes": []}, {"objects": [{"type": "Path", "left": float("nan")}]}],
    ids=["none", "list", "text", "objects-not-a-list", "unknown-shape", "shape-not-an-object", "no-objects", "nan"],
)
def test_a_canvas_that_is_not_a_drawing_is_refused(db: Database, meeting_id: int, bad: object) -> None:
    drawing_id = s.create_drawing(db, ACTOR, meeting_id, "Drømme")
    with refused(db, "drawing_invalid", meeting_id):
        s.save_drawing(db, ACTOR, meeting_id, drawing_id, bad, layer())


@pytest.mark.parametrize(
    "bad",
    [b"", b"GIF89a", layer()[:500], pictures.blank_picture()[:-30]],
    ids=["empty", "gif", "truncated", "cut-short"],
)
def test_a_stroke_picture_that_is_not_a_whole_png_is_refused(db: Database, meeting_id: int, bad: bytes) -> None:
    drawing_id = s.create_drawing(db, ACTOR, meeting_id, "Drømme")
    with refused(db, "drawing_picture_invalid", meeting_id):
        s.save_drawing(db, ACTOR, meeting_id, drawing_id, canvas(), bad)


def test_a_stroke_picture_of_another_size_is_refused(db: Database, meeting_id: int) -> None:
    drawing_id = s.create_drawing(db, ACTOR, meeting_id, "Drømme")
    small = fit_picture(layer(), width=300, height=200)
    with refused(db, "drawing_picture_invalid", meeting_id):
        s.save_drawing(db, ACTOR, meeting_id, drawing_id, canvas(), small)


def test_the_browser_s_data_url_becomes_png_bytes_and_anything_else_is_refused() -> None:
    png = layer()
    assert d.png_from_data_url("data:image/png;base64," + base64.b64encode(png).decode()) == png
    for bad in (None, "", "data:image/jpeg;base64,AAAA", "data:image/png;base64,***", 42):
        with pytest.raises(ValidationError):
            d.png_from_data_url(bad)


def test_renaming_keeps_the_drawing_and_an_empty_name_is_refused(db: Database, meeting_id: int) -> None:
    drawing_id = s.create_drawing(db, ACTOR, meeting_id, "Tegning 1")
    s.rename_drawing(db, ACTOR, meeting_id, drawing_id, "Familiens hverdag 🏠")
    assert names(db, meeting_id) == ["Familiens hverdag 🏠"]
    with refused(db, "empty", meeting_id, field="drawing_name"):
        s.rename_drawing(db, ACTOR, meeting_id, drawing_id, "   ")
    with refused(db, "too_long", meeting_id, field="drawing_name"):
        s.rename_drawing(db, ACTOR, meeting_id, drawing_id, "x" * 201)


def test_deleting_a_drawing_closes_the_gap_and_leaves_the_others(db: Database, meeting_id: int) -> None:
    ids = [s.create_drawing(db, ACTOR, meeting_id, name) for name in ("A", "B", "C")]
    s.delete_drawing(db, ACTOR, meeting_id, ids[1])
    assert names(db, meeting_id) == ["A", "C"]
    assert [x.position for x in s.list_drawings(db, meeting_id, viewer=ACTOR)] == [0, 1]
    assert s.drawing_revision(db, meeting_id, ids[1], viewer=ACTOR) is None


def test_a_drawing_of_another_meeting_is_never_touched(db: Database, meeting_id: int, other_meeting_id: int) -> None:
    theirs = s.create_drawing(db, ACTOR, other_meeting_id, "Deres tegning")
    for change in (
        lambda: s.rename_drawing(db, ACTOR, meeting_id, theirs, "Min"),
        lambda: s.delete_drawing(db, ACTOR, meeting_id, theirs),
        lambda: s.save_drawing(db, ACTOR, meeting_id, theirs, canvas(), layer()),
        lambda: s.clear_drawing(db, ACTOR, meeting_id, theirs),
        lambda: s.drawing_png(db, meeting_id, theirs, viewer=ACTOR),
    ):
        with not_found(db, meeting_id, other_meeting_id):
            change()
    assert s.drawing_revision(db, meeting_id, theirs, viewer=ACTOR) is None


def test_clearing_wipes_the_strokes_but_keeps_name_and_background(db: Database, meeting_id: int) -> None:
    board = pictures.blank_picture((250, 240, 230, 255))
    drawing_id = s.create_drawing(db, ACTOR, meeting_id, "Tavlen", "board", board)
    s.save_drawing(db, ACTOR, meeting_id, drawing_id, canvas(5), layer())
    s.clear_drawing(db, ACTOR, meeting_id, drawing_id)
    (drawing,) = s.list_drawings(db, meeting_id, viewer=ACTOR)
    assert (drawing.name, drawing.background, drawing.revision) == ("Tavlen", DrawingBackground.BOARD, 3)
    assert json.loads(s.drawing_canvas(db, meeting_id, drawing_id, viewer=ACTOR)[1]) == {"objects": []}
    png = s.drawing_png(db, meeting_id, drawing_id, viewer=ACTOR)[1]
    assert picture(png).convert("RGB").getpixel((350, 250)) == (250, 240, 230)


def test_a_new_background_goes_under_the_strokes_already_drawn(db: Database, meeting_id: int) -> None:
    drawing_id = s.create_drawing(db, ACTOR, meeting_id, "Kortet")
    s.save_drawing(db, ACTOR, meeting_id, drawing_id, canvas(), layer((100, 100, 600, 400)))
    s.set_drawing_background(db, ACTOR, meeting_id, drawing_id, "map", pictures.blank_picture((200, 220, 255, 255)))
    image = picture(s.drawing_png(db, meeting_id, drawing_id, viewer=ACTOR)[1]).convert("RGB")
    assert image.getpixel((350, 250)) == RED[:3]
    assert image.getpixel((1000, 50)) == (200, 220, 255)
    assert s.list_drawings(db, meeting_id, viewer=ACTOR)[0].background == DrawingBackground.MAP
    with refused(db, "invalid_choice", meeting_id, field="background"):
        s.set_drawing_background(db, ACTOR, meeting_id, drawing_id, "wallpaper")


def test_a_corrupt_stored_canvas_is_reported_and_the_meeting_still_loads(db: Database, meeting_id: int) -> None:
    drawing_id = s.create_drawing(db, ACTOR, meeting_id, "Beskadiget")
    s.save_drawing(db, ACTOR, meeting_id, drawing_id, canvas(), layer())
    damage(db, drawing_id, canvas='{"objects": [{"type": "Path", "path": [["M", 1,', background="wallpaper")
    with pytest.raises(ValidationError) as info:
        s.drawing_canvas(db, meeting_id, drawing_id, viewer=ACTOR)
    assert info.value.code == "drawing_corrupt"
    assert s.list_drawings(db, meeting_id, viewer=ACTOR)[0].background == DrawingBackground.BLANK
    assert s.load_meeting(db, meeting_id, viewer=ACTOR).meeting.id == meeting_id
    assert picture(s.drawing_png(db, meeting_id, drawing_id, viewer=ACTOR)[1]).size == (1120, 630)


def test_a_damaged_drawing_can_go_on_with_its_last_picture_as_background(db: Database, meeting_id: int) -> None:
    drawing_id = s.create_drawing(db, ACTOR, meeting_id, "Beskadiget")
    s.save_drawing(db, ACTOR, meeting_id, drawing_id, canvas(), layer((100, 100, 600, 400)))
    damage(db, drawing_id, canvas="]]]")
    s.keep_picture_as_background(db, ACTOR, meeting_id, drawing_id)
    assert json.loads(s.drawing_canvas(db, meeting_id, drawing_id, viewer=ACTOR)[1]) == {"objects": []}
    _, background = s.drawing_background_png(db, meeting_id, drawing_id, viewer=ACTOR)
    assert picture(background).convert("RGB").getpixel((350, 250)) == RED[:3]


def test_the_projector_finds_the_drawing_changed_last(db: Database, meeting_id: int) -> None:
    assert s.latest_drawing(db, meeting_id, viewer=ACTOR) is None
    first = s.create_drawing(db, ACTOR, meeting_id, "Først")
    second = s.create_drawing(db, ACTOR, meeting_id, "Så")
    assert s.latest_drawing(db, meeting_id, viewer=ACTOR).id == second  # type: ignore[union-attr]
    time.sleep(0.01)
    s.save_drawing(db, ACTOR, meeting_id, first, canvas(), layer())
    latest = s.latest_drawing(db, meeting_id, viewer=ACTOR)
    assert latest is not None and (latest.id, latest.revision) == (first, 2)


def test_deleting_the_meeting_deletes_its_drawings(db: Database) -> None:
    case_id = s.create_case(db, ACTOR, "Familien Ny", "Ida", "assessment")
    mid = s.create_meeting(db, ACTOR, case_id, "start", date(2026, 3, 2), with_default_agenda=False)
    s.create_drawing(db, ACTOR, mid, "Drømme")
    s.delete_meeting(db, ACTOR, mid)
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM drawings")).scalar_one() == 0


def test_a_text_placed_but_never_typed_in_is_not_kept(db: Database, meeting_id: int) -> None:
    drawing_id = s.create_drawing(db, ACTOR, meeting_id, "Drømme")
    drawn = canvas(strokes=1)
    drawn["objects"] += [{"type": "IText", "text": "Mor"}, {"type": "IText", "text": " "}, {"type": "IText"}]
    s.save_drawing(db, ACTOR, meeting_id, drawing_id, drawn, layer())
    kept = json.loads(s.drawing_canvas(db, meeting_id, drawing_id, viewer=ACTOR)[1])["objects"]
    assert [o["type"] for o in kept] == ["Path", "IText"]


def test_a_damaged_stored_background_gives_a_clear_refusal_not_a_crash(db: Database, meeting_id: int) -> None:
    drawing_id = s.create_drawing(db, ACTOR, meeting_id, "Beskadiget")
    damage(db, drawing_id, background_png=b"\x89PNG\r\n\x1a\n not really")
    with refused(db, "drawing_picture_invalid", meeting_id):
        s.save_drawing(db, ACTOR, meeting_id, drawing_id, canvas(), layer())
    s.set_drawing_background(db, ACTOR, meeting_id, drawing_id, "blank")  # a new background mends it
    s.save_drawing(db, ACTOR, meeting_id, drawing_id, canvas(), layer())
    assert picture(s.drawing_png(db, meeting_id, drawing_id, viewer=ACTOR)[1]).size == (1120, 630)
