"""Backup and handover of one meeting as JSON: a faithful round trip, and all-or-nothing loading."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest

from facilitation import services as s
from facilitation.demo import create_demo_meeting
from facilitation.domain.model import BoardKind
from facilitation.domain.validation import PEOPLE_MAX
from facilitation.storage import Database
from facilitation.storage.backup import FORMAT, VERSION, BackupError, dump_meeting, dumps_meeting, loads_meeting
from tests.conftest import ACTOR
from tests.support.drawings import canvas, layer, picture
from tests.unit.helpers import DEMO_DAY

SCRIPT = "<script>alert(1)</script>"
LONG_NOTE = ("Æøå 🙂 " * 2_000)[:9_999] + "!"  # 10,000 characters, the most a board note may hold


def make_awkward_meeting(db: Database) -> int:
    """A meeting full of the input that breaks naive code: emoji, æøå, HTML, control characters, long text."""
    case_id = s.create_case(db, ACTOR, f"Familien {SCRIPT}", "Åse 🦄 & Øjvind", "compensation")
    mid = s.create_meeting(
        db, ACTOR, case_id, "network", "2026-02-28", "Kælderen \x07under \"Huset\"", "Formål:\r\n- første\r\n- andet",
        with_default_agenda=False,
    )
    s.set_role(db, ACTOR, mid, "minute_taker", f"{SCRIPT} Bech")
    mother = s.add_participant(db, ACTOR, mid, f"Sanne {SCRIPT}", relation="Mor 👩", ring=1, can_help_with=LONG_NOTE)
    father = s.add_participant(
        db, ACTOR, mid, "Kasper\x00 Møller", sector="friends_neighbours", ring=3, group="network",
        attendance="not_invited", relation="Far & <b>ven</b>",
    )
    teacher = s.add_participant(db, ACTOR, mid, "Jonas 👨‍🏫", sector="school_daycare_work", group="professional")
    s.add_relation(db, ACTOR, mid, father, mother, "tidligere <i>par</i>", strained=True)
    s.add_relation(db, ACTOR, mid, teacher, mother)
    item = s.add_agenda_item(db, ACTOR, mid, "Velkommen 👋 <hr>", 10)
    s.add_agenda_item(db, ACTOR, mid, "Hvad går godt?", 600)
    s.start_agenda_item(db, ACTOR, mid, item, now=datetime(2026, 2, 28, 9, 0, 5, 123456))
    s.end_agenda_item(db, ACTOR, mid, item, now=datetime(2026, 2, 28, 9, 11))
    s.save_note(db, ACTOR, mid, item, LONG_NOTE)
    danger = s.add_board_item(db, ACTOR, mid, "danger_statement", "Vi er \x1bbekymrede for " + SCRIPT)
    goal = s.add_board_item(db, ACTOR, mid, "safety_goal", "Mål\r\nmed to linjer 💛", said_by=SCRIPT)
    s.add_board_item(db, ACTOR, mid, "safety_goal", "Andet mål, uparret")
    s.pair_safety_goal(db, ACTOR, mid, goal, danger)
    s.add_board_item(db, ACTOR, mid, "worry", LONG_NOTE, category="past_harm")
    worry = s.add_board_item(db, ACTOR, mid, "worry", "Flyttes om")
    s.move_board_item(db, ACTOR, mid, worry, 0)
    s.add_board_item(db, ACTOR, mid, "grey_area", "Ved ikke 🤷")
    s.add_board_item(db, ACTOR, mid, "house_dream", "At få en hund 🐶 <i>snart</i>")
    s.set_scale_question(db, ACTOR, mid, f"Hvor er vi? {SCRIPT}\n0 = ikke hjemme\n10 = sagen lukkes 💛")
    s.set_show_three_houses(db, ACTOR, mid, True)
    s.record_score(db, ACTOR, mid, teacher, 0, "Ærlig talt\x08 bekymret")
    s.record_score(db, ACTOR, mid, mother, "10", LONG_NOTE)
    long_goal = s.add_goal(db, ACTOR, mid, "long", "Langsigtet 🌱", SCRIPT)
    short_goal = s.add_goal(db, ACTOR, mid, "short", "Kortsigtet", safety_goal_id=goal)
    s.add_action(db, ACTOR, mid, LONG_NOTE, f"Sanne {SCRIPT}", None, "family", long_goal)
    s.add_action(db, ACTOR, mid, "Ringe til PPR", "Rådgiver", "2026-03-31", "caseworker", short_goal)
    s.add_action(db, ACTOR, mid, "Uden mål", "Birthe")
    s.record_evaluation(db, ACTOR, mid, "", 1, 5, "Kommentar med \x0cform feed og 🙂")
    return mid


def cases(db: Database) -> int:
    """How many cases there are (a failed load must not leave one behind)."""
    return len(s.list_cases(db, viewer=ACTOR))




def test_the_demo_meeting_survives_dump_load_dump_unchanged(db: Database) -> None:
    original_id = create_demo_meeting(db, DEMO_DAY)
    first = dumps_meeting(db, original_id, viewer=ACTOR)
    copy_id = loads_meeting(db, ACTOR, first)
    assert copy_id != original_id
    assert dumps_meeting(db, copy_id, viewer=ACTOR) == first


def test_an_action_without_owner_or_date_survives_dump_load_dump(db: Database) -> None:
    original_id = create_demo_meeting(db, DEMO_DAY)
    s.add_action(db, ACTOR, original_id, "Finde en, der kan hente Alma", "", None)
    first = dumps_meeting(db, original_id, viewer=ACTOR)
    copy_id = loads_meeting(db, ACTOR, first)
    assert dumps_meeting(db, copy_id, viewer=ACTOR) == first
    last = s.load_meeting(db, copy_id, viewer=ACTOR).actions[-1]
    assert (last.what, last.who, last.due) == ("Finde en, der kan hente Alma", "", None)


def test_a_loaded_demo_meeting_has_the_same_content_under_new_ids(db: Database) -> None:
    original_id = create_demo_meeting(db, DEMO_DAY)
    copy_id = loads_meeting(db, ACTOR, dumps_meeting(db, original_id, viewer=ACTOR))
    original, copy = s.load_meeting(db, original_id, viewer=ACTOR), s.load_meeting(db, copy_id, viewer=ACTOR)
    assert copy.case.id != original.case.id
    assert [p.name for p in copy.participants] == [p.name for p in original.participants]
    assert len(copy.relations) == len(original.relations)
    for kind in BoardKind:
        assert [b.text for b in copy.board_column(kind)] == [b.text for b in original.board_column(kind)]
    assert {copy.participant(sc.participant_id).name: sc.score for sc in copy.scores} == {  # type: ignore[union-attr]
        original.participant(sc.participant_id).name: sc.score for sc in original.scores  # type: ignore[union-attr]
    }
    assert copy.meeting.version == 1


def test_the_demo_backup_loads_into_an_empty_database_and_dumps_back_identically(
    db: Database, demo_text: str
) -> None:
    assert dumps_meeting(db, loads_meeting(db, ACTOR, demo_text), viewer=ACTOR) == demo_text


def test_the_demo_pairing_of_safety_goal_and_danger_statement_survives_a_load(db: Database, demo_text: str) -> None:
    copy_id = loads_meeting(db, ACTOR, demo_text)
    board = s.load_meeting(db, copy_id, viewer=ACTOR).board
    (goal,) = [b for b in board if b.kind == "safety_goal"]
    (danger,) = [b for b in board if b.kind == "danger_statement"]
    assert goal.answers_id == danger.id


def test_a_meeting_full_of_awkward_input_survives_dump_load_dump_unchanged(db: Database) -> None:
    assert len(LONG_NOTE) == 10_000
    original_id = make_awkward_meeting(db)
    first = dumps_meeting(db, original_id, viewer=ACTOR)
    copy_id = loads_meeting(db, ACTOR, first)
    assert dumps_meeting(db, copy_id, viewer=ACTOR) == first


def test_the_dump_keeps_html_emoji_and_danish_letters_verbatim_and_control_characters_out(db: Database) -> None:
    text = dumps_meeting(db, make_awkward_meeting(db), viewer=ACTOR)
    data = json.loads(text)
    assert data["case"]["family_name"] == f"Familien {SCRIPT}"
    assert data["participants"][0]["name"] == f"Sanne {SCRIPT}"
    assert data["participants"][1]["name"] == "Kasper Møller"
    assert data["participants"][0]["can_help_with"] == LONG_NOTE
    assert data["agenda"][0]["notes"] == LONG_NOTE
    assert data["meeting"]["purpose"] == "Formål:\n- første\n- andet"
    assert "Åse 🦄 & Øjvind" in text  # not \u-escaped: the file stays readable
    assert not any(chr(c) in text for c in [*range(0x00, 0x0A), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def test_the_dump_names_people_and_notes_by_reference_not_by_database_id(db: Database) -> None:
    data = dump_meeting(db, make_awkward_meeting(db), viewer=ACTOR)
    assert data["format"] == FORMAT
    assert data["version"] == VERSION
    assert [p["ref"] for p in data["participants"]] == ["p1", "p2", "p3"]
    assert data["relations"][0] == {"from": "p2", "to": "p1", "kind": "tidligere <i>par</i>", "strained": True}
    paired = [b for b in data["board"] if b["answers"]]
    assert len(paired) == 1
    (answered,) = [b for b in data["board"] if b["ref"] == paired[0]["answers"]]
    assert answered["kind"] == "danger_statement"
    assert data["agenda"][0]["started_at"] == "2026-02-28T09:00:05.123456"


def test_the_board_order_within_a_column_survives_a_load(db: Database) -> None:
    original_id = make_awkward_meeting(db)
    copy_id = loads_meeting(db, ACTOR, dumps_meeting(db, original_id, viewer=ACTOR))
    worries = s.load_meeting(db, copy_id, viewer=ACTOR).board_column(BoardKind.WORRY)
    assert [w.text for w in worries] == ["Flyttes om", LONG_NOTE]
    assert [w.position for w in worries] == [0, 1]


def test_invalid_json_is_refused_with_its_line_and_nothing_is_written(db: Database, demo_text: str) -> None:
    with pytest.raises(BackupError, match="line [0-9]+, column [0-9]+"):
        loads_meeting(db, ACTOR, demo_text[: len(demo_text) // 2])
    assert cases(db) == 0


@pytest.mark.parametrize(
    "text",
    ['{"format": "moedetavlen-meeting", "version": ' + "9" * 5_000 + "}", "[" * 100_000 + "]" * 100_000],
    ids=["number-too-long", "nesting-too-deep"],
)
def test_json_beyond_python_s_own_limits_is_refused_as_invalid_json(db: Database, text: str) -> None:
    with pytest.raises(BackupError, match="cannot be read"):
        loads_meeting(db, ACTOR, text)
    assert cases(db) == 0


@pytest.mark.parametrize("text", ["[]", "42", '"tekst"', "{}", '{"format": "andet-program", "version": 1}'])
def test_a_json_file_that_is_not_a_meeting_file_is_refused(db: Database, text: str) -> None:
    with pytest.raises(BackupError, match="format"):
        loads_meeting(db, ACTOR, text)
    assert cases(db) == 0


@pytest.mark.parametrize("version", [VERSION + 1, 0, "1", None, True])
def test_a_file_of_another_version_is_refused_and_nothing_is_written(
    db: Database, demo_data: dict[str, Any], version: object
) -> None:
    demo_data["version"] = version
    with pytest.raises(BackupError, match="version"):
        loads_meeting(db, ACTOR, json.dumps(demo_data))
    assert cases(db) == 0


def break_third_ring(data: dict[str, Any]) -> None:
    data["participants"][2]["ring"] = 7


def break_last_action_date(data: dict[str, Any]) -> None:
    data["actions"][-1]["due"] = "2026-02-30"


def break_relation_ref(data: dict[str, Any]) -> None:
    data["relations"][-1]["to"] = "p999"


def break_answer_ref(data: dict[str, Any]) -> None:
    next(b for b in data["board"] if b["answers"])["answers"] = "b999"


def break_goal_ref(data: dict[str, Any]) -> None:
    data["actions"][-1]["goal"] = "g999"


def break_last_evaluation(data: dict[str, Any]) -> None:
    data["evaluations"] = [{"respondent": "X", "heard": 9, "useful": 3}]


def mark_a_next_step_as_past_harm(data: dict[str, Any]) -> None:
    next(b for b in data["board"] if b["kind"] == "next_step")["category"] = "past_harm"


def pair_a_safety_goal_with_a_worry(data: dict[str, Any]) -> None:
    worry = next(b for b in data["board"] if b["kind"] == "worry")
    next(b for b in data["board"] if b["answers"])["answers"] = worry["ref"]


def link_a_goal_to_a_danger_statement(data: dict[str, Any]) -> None:
    data["goals"][0]["safety_goal"] = next(b for b in data["board"] if b["kind"] == "danger_statement")["ref"]


def link_a_goal_to_a_missing_note(data: dict[str, Any]) -> None:
    data["goals"][0]["safety_goal"] = "b999"


def answer_show_three_houses_in_words(data: dict[str, Any]) -> None:
    data["meeting"]["show_three_houses"] = "ja"


def break_board_text(data: dict[str, Any]) -> None:
    data["board"][-1]["text"] = "x" * 10_001


def break_agenda_time(data: dict[str, Any]) -> None:
    data["agenda"][-1]["started_at"] = "kl. ni"


def drop_a_required_name(data: dict[str, Any]) -> None:
    del data["participants"][-1]["name"]


def drop_a_coordinator(data: dict[str, Any]) -> None:
    del data["actions"][-1]["coordinator"]


def duplicate_a_score(data: dict[str, Any]) -> None:
    data["scores"].append(dict(data["scores"][0]))


def make_participants_a_dict(data: dict[str, Any]) -> None:
    data["participants"] = {"p1": data["participants"][0]}


def drop_the_case(data: dict[str, Any]) -> None:
    del data["case"]


@pytest.mark.parametrize(
    "damage",
    [
        break_third_ring, break_last_action_date, break_relation_ref, break_answer_ref, break_goal_ref,
        break_last_evaluation, break_board_text, break_agenda_time, drop_a_required_name, drop_a_coordinator,
        duplicate_a_score, make_participants_a_dict, drop_the_case, mark_a_next_step_as_past_harm,
        pair_a_safety_goal_with_a_worry, link_a_goal_to_a_danger_statement, link_a_goal_to_a_missing_note,
        answer_show_three_houses_in_words,
    ],
)
def test_a_file_with_one_bad_entry_is_refused_and_nothing_at_all_is_written(
    db: Database, demo_data: dict[str, Any], damage: Callable[[dict[str, Any]], None]
) -> None:
    damage(demo_data)
    with pytest.raises(BackupError):
        loads_meeting(db, ACTOR, json.dumps(demo_data))
    assert cases(db) == 0


def test_a_third_participant_in_ring_seven_is_reported_as_out_of_range_and_nothing_is_written(
    db: Database, demo_data: dict[str, Any]
) -> None:
    break_third_ring(demo_data)
    with pytest.raises(BackupError) as info:
        loads_meeting(db, ACTOR, json.dumps(demo_data))
    assert info.value.message("da").startswith("deltager 3 »Birthe Juhl«: »ring« (Hvor tæt på barnet) skal være ")
    assert info.value.message("da").endswith(", ikke 7.")
    assert info.value.message("en").startswith("participant 3 »Birthe Juhl«: »ring« (How close to the child) must be ")
    assert cases(db) == 0


def test_an_error_about_a_missing_field_does_not_repeat_the_family_s_data(
    db: Database, demo_data: dict[str, Any]
) -> None:
    drop_a_required_name(demo_data)
    with pytest.raises(BackupError) as info:
        loads_meeting(db, ACTOR, json.dumps(demo_data))
    message = str(info.value)
    assert message == "participant 14: »name« (Name) is missing."
    assert demo_data["participants"][-1]["relation"] not in message
    assert demo_data["case"]["family_name"] not in message


def test_the_scaling_question_three_houses_flag_and_goal_links_are_in_the_dump(db: Database) -> None:
    data = dump_meeting(db, make_awkward_meeting(db), viewer=ACTOR)
    assert data["meeting"]["scale_question"] == f"Hvor er vi? {SCRIPT}\n0 = ikke hjemme\n10 = sagen lukkes 💛"
    assert data["meeting"]["show_three_houses"] is True
    (linked,) = [g for g in data["goals"] if g["safety_goal"]]
    (answered,) = [b for b in data["board"] if b["ref"] == linked["safety_goal"]]
    assert (linked["text"], answered["kind"]) == ("Kortsigtet", "safety_goal")
    assert answered["text"] == "Mål\nmed to linjer 💛"
    assert [b["text"] for b in data["board"] if b["kind"] == "house_dream"] == ["At få en hund 🐶 <i>snart</i>"]


def test_the_demo_s_goal_link_and_three_houses_survive_a_load(db: Database, demo_text: str) -> None:
    copy = s.load_meeting(db, loads_meeting(db, ACTOR, demo_text), viewer=ACTOR)
    (safety,) = copy.board_column(BoardKind.SAFETY_GOAL)
    assert [g.text for g in copy.goals if g.safety_goal_id == safety.id] == ["Alma har en voksen hos sig hver aften"]
    assert copy.meeting.show_three_houses is True
    assert copy.board_column(BoardKind.HOUSE_DREAM)


def test_a_version_1_file_written_before_the_board_fields_existed_still_loads(
    db: Database, demo_data: dict[str, Any]
) -> None:
    for key in ("scale_question", "show_three_houses"):
        del demo_data["meeting"][key]
    for goal in demo_data["goals"]:
        del goal["safety_goal"]
    demo_data["board"] = [b for b in demo_data["board"] if not b["kind"].startswith("house_")]
    copy = s.load_meeting(db, loads_meeting(db, ACTOR, json.dumps(demo_data)), viewer=ACTOR)
    assert (copy.meeting.scale_question, copy.meeting.show_three_houses) == ("", False)
    assert all(g.safety_goal_id is None for g in copy.goals)
    assert len(copy.goals) == len(demo_data["goals"])


# drawings (issue 6)

def make_meeting_with_drawings(db: Database) -> int:
    """The awkward meeting with two drawings: one drawn on, one empty."""
    mid = make_awkward_meeting(db)
    drawn = s.create_drawing(db, ACTOR, mid, f"Familiens hverdag 🏠 {SCRIPT}", "board")
    s.save_drawing(db, ACTOR, mid, drawn, canvas(strokes=3), layer())
    s.create_drawing(db, ACTOR, mid, "Drømme")
    return mid


def test_drawings_survive_dump_load_dump_unchanged(db: Database) -> None:
    first = dumps_meeting(db, make_meeting_with_drawings(db), viewer=ACTOR)
    copy_id = loads_meeting(db, ACTOR, first)
    assert dumps_meeting(db, copy_id, viewer=ACTOR) == first
    assert [d.name for d in s.list_drawings(db, copy_id, viewer=ACTOR)] == [f"Familiens hverdag 🏠 {SCRIPT}", "Drømme"]
    first_id = s.list_drawings(db, copy_id, viewer=ACTOR)[0].id
    assert json.loads(s.drawing_canvas(db, copy_id, first_id, viewer=ACTOR)[1]) == canvas(strokes=3)


def test_the_dump_holds_each_drawing_s_canvas_json_and_its_pictures_as_base64_png(db: Database) -> None:
    mid = make_meeting_with_drawings(db)
    drawn = dump_meeting(db, mid, viewer=ACTOR)["drawings"][0]
    assert (drawn["name"], drawn["background"]) == (f"Familiens hverdag 🏠 {SCRIPT}", "board")
    assert json.loads(drawn["canvas"]) == canvas(strokes=3)
    for key in ("png", "layer_png", "background_png"):
        assert picture(base64.b64decode(drawn[key])).size == (1120, 630)
    first = s.list_drawings(db, mid, viewer=ACTOR)[0].id
    assert base64.b64decode(drawn["png"]) == s.drawing_png(db, mid, first, viewer=ACTOR)[1]


def test_a_file_written_before_drawings_existed_loads_without_drawings(db: Database, demo_data: dict[str, Any]) -> None:
    demo_data.pop("drawings", None)
    assert s.list_drawings(db, loads_meeting(db, ACTOR, json.dumps(demo_data)), viewer=ACTOR) == []


def test_a_drawing_without_its_pictures_loads_on_white_paper(db: Database, demo_data: dict[str, Any]) -> None:
    demo_data["drawings"] = [{"name": "Håndskrevet fil", "canvas": json.dumps(canvas(strokes=1))}]
    copy_id = loads_meeting(db, ACTOR, json.dumps(demo_data))
    (drawing,) = s.list_drawings(db, copy_id, viewer=ACTOR)
    assert (drawing.name, drawing.background) == ("Håndskrevet fil", "blank")
    png = s.drawing_png(db, copy_id, drawing.id, viewer=ACTOR)[1]
    assert picture(png).convert("RGB").getpixel((5, 5)) == (255, 255, 255)


@pytest.mark.parametrize(
    "drawing",
    [
        {"name": "", "canvas": '{"objects": []}'},
        {"name": "Stor", "canvas": json.dumps(canvas(strokes=3_000))},
        {"name": "Ødelagt", "canvas": '{"objects": [{"type": "Path",'},
        {"name": "Tapet", "background": "wallpaper"},
        {"name": "Ikke base64", "png": "ikke et billede!"},
        {"name": "Ikke PNG", "layer_png": base64.b64encode(b"GIF89a" + b"\0" * 40).decode()},
        {"name": "Forkert størrelse", "background_png": base64.b64encode(layer()[:200]).decode()},
        "bare tekst",
    ],
    ids=["no-name", "too-large", "broken-canvas", "unknown-background", "not-base64", "not-png", "truncated", "text"],
)
def test_a_file_with_a_bad_drawing_is_refused_and_nothing_at_all_is_written(
    db: Database, demo_data: dict[str, Any], drawing: object
) -> None:
    demo_data["drawings"] = [drawing]
    with pytest.raises(BackupError):
        loads_meeting(db, ACTOR, json.dumps(demo_data))
    assert cases(db) == 0


# errors in plain words (issue 13): which entry, which field, what was given, what is allowed

ALL_DAMAGES = [
    break_third_ring, break_last_action_date, break_relation_ref, break_answer_ref, break_goal_ref,
    break_last_evaluation, break_board_text, break_agenda_time, drop_a_required_name, drop_a_coordinator,
    duplicate_a_score, make_participants_a_dict, drop_the_case, mark_a_next_step_as_past_harm,
    pair_a_safety_goal_with_a_worry, link_a_goal_to_a_danger_statement, link_a_goal_to_a_missing_note,
    answer_show_three_houses_in_words,
]
INTERNAL = ("_", "{", "}", "constraint", "NOT NULL", "Integrity", "Expecting", "Error")


@pytest.mark.parametrize("damage", ALL_DAMAGES)
@pytest.mark.parametrize("language", ["da", "en"])
def test_every_refused_file_is_explained_in_plain_words_without_internal_codes(
    db: Database, demo_data: dict[str, Any], damage: Callable[[dict[str, Any]], None], language: str
) -> None:
    damage(demo_data)
    with pytest.raises(BackupError) as info:
        loads_meeting(db, ACTOR, json.dumps(demo_data))
    message = info.value.message(language)
    without_quotes = " ".join(part for i, part in enumerate(message.replace("«", "»").split("»")) if i % 2 == 0)
    assert [word for word in INTERNAL if word in without_quotes] == []  # codes may appear only as quoted file keys
    assert message.endswith(".")


@pytest.mark.parametrize(
    ("damage", "danish", "english"),
    [
        (break_last_action_date, "aftale 7 »Indkalde til opfølgningsmøde«: »due« (Hvornår?) skal være en dato som "
         "2026-03-02, ikke »2026-02-30«.", "action 7 »Indkalde til opfølgningsmøde«: »due« (By when?) must be a "
         "date such as 2026-03-02, not »2026-02-30«."),
        (break_relation_ref, "relation 6: »to« henviser til »p999«, som ikke findes i filen.",
         "relation 6: »to« refers to »p999«, which is not in the file."),
        (break_last_evaluation, "evaluering 1 »X«: »heard« (Blev du hørt?) skal være 1–5, ikke 9.",
         "evaluation 1 »X«: »heard« (Were you heard?) must be 1–5, not 9."),
        (duplicate_a_score, "skalering 6: der står allerede et tal for deltager »p1« (ét pr. person).",
         "score 6: there is already a score for participant »p1« (one per person)."),
        (drop_the_case, "»case« mangler.", "»case« is missing."),
        (make_participants_a_dict, "»participants« skal være en liste i [ ].", "»participants« must be a list in [ ]."),
        (answer_show_three_houses_in_words, "mødet: »show_three_houses« (Vis de tre huse) skal være en af true, "
         "false, ikke »ja«.", "the meeting: »show_three_houses« (Show the Three Houses) must be one of true, false, "
         "not »ja«."),
        (break_agenda_time, "dagsordenspunkt 8 »Opsamling og evaluering af mødet«: »started_at« (Startet) skal være "
         "et tidspunkt som 2026-03-02T09:30:00, ikke »kl. ni«.", "agenda item 8 »Opsamling og evaluering af "
         "mødet«: »started_at« (Started) must be a time such as 2026-03-02T09:30:00, not »kl. ni«."),
    ],
    ids=lambda value: getattr(value, "__name__", "text"),
)
def test_a_refused_file_says_which_entry_which_field_what_was_given_and_what_is_allowed(
    db: Database, demo_data: dict[str, Any], damage: Callable[[dict[str, Any]], None], danish: str, english: str
) -> None:
    damage(demo_data)
    with pytest.raises(BackupError) as info:
        loads_meeting(db, ACTOR, json.dumps(demo_data))
    assert info.value.message("da") == danish
    assert info.value.message("en") == english
    assert str(info.value) == english


def test_a_category_that_does_not_suit_its_column_names_the_column_s_categories(
    db: Database, demo_data: dict[str, Any]
) -> None:
    index, worry = next((i, b) for i, b in enumerate(demo_data["board"]) if b["kind"] == "worry")
    worry["category"] = "strength"
    with pytest.raises(BackupError) as info:
        loads_meeting(db, ACTOR, json.dumps(demo_data))
    assert info.value.message("en").endswith(
        "»category« (Category) must be one of past_harm, future_danger, complicating, not »strength«."
    )
    assert info.value.message("en").startswith(f"board note {index + 1} »")


@pytest.mark.parametrize(
    ("cut", "danish"),
    [
        (lambda text: text[:100], "en tekst, der begynder i linje 5, kolonne 20, slutter aldrig med et anførselstegn"),
        (lambda text: "", "i linje 1, kolonne 1 mangler en værdi (filen kan være tom eller skåret af)"),
        (lambda text: text.replace('",\n', '"\n', 1), "der mangler et komma i linje 3"),
        (lambda text: text + "\n}", "der står mere efter selve indholdet"),
    ],
    ids=["cut-inside-a-text", "empty", "missing-comma", "extra"],
)
def test_invalid_json_is_explained_in_whole_sentences_with_its_line_and_column(
    db: Database, demo_text: str, cut: Callable[[str], str], danish: str
) -> None:
    with pytest.raises(BackupError) as info:
        loads_meeting(db, ACTOR, cut(demo_text))
    assert info.value.message("da").startswith("Filen er ikke gyldig JSON: ")
    assert danish in info.value.message("da")
    assert cases(db) == 0


def test_a_file_saved_with_a_byte_order_mark_loads(db: Database, demo_text: str) -> None:
    assert dumps_meeting(db, loads_meeting(db, ACTOR, "\ufeff" + demo_text), viewer=ACTOR) == demo_text


def test_an_action_without_who_loads_as_not_agreed_instead_of_a_database_error(
    db: Database, demo_data: dict[str, Any]
) -> None:
    del demo_data["actions"][0]["who"]
    copy = s.load_meeting(db, loads_meeting(db, ACTOR, json.dumps(demo_data)), viewer=ACTOR)
    assert copy.actions[0].who == ""


@pytest.mark.parametrize(
    ("damage", "english"),
    [
        (lambda d: d["participants"].append(dict(d["participants"][0])), "participant 15 »Sanne Juhl«: »ref« "
         "{} »p1« is already used by another entry in the file."),
        (lambda d: d["roles"].append(dict(d["roles"][0])), "role 5 »chair«: the role »chair« is listed twice."),
        (lambda d: d["decisions"][0].update(agenda_item="a99"), "decision 1 »Der er en voksen hos Alma hver aften; "
         "mo…«: »agenda_item« refers to »a99«, which is not in the file."),
        (lambda d: d["decisions"][0].update(text=" "), "decision 1: »text« (Text) is empty but must be filled in."),
        (lambda d: d["drawings"][0].update(png="ikke et billede"), "drawing 1 »Almas tre huse«: a picture (png, "
         "layer_png or background_png) is not a PNG of 1120 × 630 pixels in base64."),
        (lambda d: d["agenda"][0].update(extra_minutes=-10), "agenda item 1 »Velkommen og præsentation«: "
         "»extra_minutes« must be -9–590, not -10."),
    ],
    ids=["duplicate-person-ref", "duplicate-role", "unknown-agenda-item", "empty-decision", "bad-picture",
         "too-few-minutes"],
)
def test_version_2_entries_are_checked_before_anything_is_written(
    db: Database, demo_data: dict[str, Any], damage: Callable[[dict[str, Any]], None], english: str
) -> None:
    damage(demo_data)
    with pytest.raises(BackupError) as info:
        loads_meeting(db, ACTOR, json.dumps(demo_data))
    assert info.value.message("en") == english.replace("{} ", "")
    assert cases(db) == 0


def test_a_file_with_more_people_than_a_meeting_may_hold_is_refused_before_anything_is_written(
    db: Database, demo_data: dict[str, Any]
) -> None:
    person = demo_data["participants"][0]
    demo_data["participants"] = [{**person, "ref": f"x{i}", "name": f"Person {i}"} for i in range(PEOPLE_MAX + 1)]
    with pytest.raises(BackupError) as info:
        loads_meeting(db, ACTOR, json.dumps(demo_data))
    expected = f"»participants« har {PEOPLE_MAX + 1} poster, men et møde kan højst have {PEOPLE_MAX}."
    assert info.value.message("da") == expected
    assert cases(db) == 0
