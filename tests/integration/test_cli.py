"""The command line, run in-process against the test's own database (MOEDETAVLEN_DATA_DIR)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from facilitation import services as s
from facilitation.__main__ import main
from facilitation.storage import Database
from facilitation.storage.backup import FORMAT, dumps_meeting
from tests.conftest import ACTOR

pytestmark = pytest.mark.integration


def last_line(text: str) -> str:
    """The last non-empty line printed."""
    return text.strip().splitlines()[-1]


def test_demo_creates_the_demo_meeting_and_prints_its_id_last(
    db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo"]) == 0
    meeting_id = int(last_line(capsys.readouterr().out))
    record = s.load_meeting(db, meeting_id, viewer=ACTOR)
    assert record.case.family_name == "Familien Juhl (demo)"
    assert record.participants and record.board and record.actions
    # the Juhl case it opens on, and the Berg case whose follow-up is overdue (so Mine sager shows both states)
    assert [c.family_name for c in s.list_cases(db, viewer=ACTOR)] == ["Familien Juhl (demo)", "Familien Berg (demo)"]
    assert s.list_cases(db, viewer=ACTOR)[0].id == record.case.id


def test_dump_prints_the_meeting_as_json(db: Database, meeting_id: int, capsys: pytest.CaptureFixture[str]) -> None:
    s.add_board_item(db, "test", meeting_id, "worry", "Æøå 🙂")
    assert main(["dump", str(meeting_id)]) == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    assert data["format"] == FORMAT
    assert [b["text"] for b in data["board"]] == ["Æøå 🙂"]
    assert out == dumps_meeting(db, meeting_id, viewer=ACTOR) + "\n"


def test_dump_of_an_unknown_meeting_fails_with_a_clear_error(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["dump", "404"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "meeting 404 does not exist" in captured.err


def test_load_stores_a_backup_file_as_a_new_meeting_and_prints_its_id_last(
    db: Database, meeting_id: int, demo_text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "møde.json"
    file.write_text(demo_text, encoding="utf-8")
    assert main(["load", str(file)]) == 0
    new_id = int(last_line(capsys.readouterr().out))
    assert new_id != meeting_id
    assert dumps_meeting(db, new_id, viewer=ACTOR) == demo_text


def test_load_of_a_bad_file_fails_says_why_on_stderr_and_stores_nothing(
    db: Database, demo_data: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo_data["participants"][2]["ring"] = 7
    file = tmp_path / "bad.json"
    file.write_text(json.dumps(demo_data), encoding="utf-8")
    assert main(["load", str(file)]) != 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("error: participant 3 »Birthe Juhl«: »ring« (How close to the child) must be ")
    assert captured.err.endswith(", not 7. Nothing was stored.\n")
    assert s.list_cases(db, viewer=ACTOR) == []


@pytest.mark.parametrize(
    ("damage", "expected"),
    [
        (lambda text: text[: len(text) // 3], "a text that starts at line"),
        (lambda text: text.replace('"coordinator": "family"', '"x": 1', 1),
         "action 1 »Lave en ugeplan for eftermiddage og afte…«: »coordinator« (Who coordinates?) is missing."),
        (lambda text: text.replace('"date": "2026-03-02"', '"date": "2. marts"', 1),
         "the meeting: »date« (Date) must be a date such as 2026-03-02, not »2. marts«."),
    ],
    ids=["cut-off", "missing-field", "bad-date"],
)
def test_load_of_a_damaged_file_says_in_plain_words_where_and_what_without_a_traceback(
    db: Database, demo_text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: Any, expected: str,
) -> None:
    file = tmp_path / "bad.json"
    file.write_text(damage(demo_text), encoding="utf-8")
    assert main(["load", str(file)]) == 1
    err = capsys.readouterr().err
    assert expected in err
    assert err.count("\n") == 1 and err.startswith("error: ") and err.endswith("Nothing was stored.\n")
    for internal in ("Traceback", "constraint", "out_of_range", "invalid_date", "{'", "Expecting"):
        assert internal not in err
    assert s.list_cases(db, viewer=ACTOR) == []


def test_load_of_a_file_that_is_not_json_fails_with_a_clear_error(
    db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "referat.json"
    file.write_text("Referat og aftaler\n", encoding="utf-8")
    assert main(["load", str(file)]) != 0
    assert "The file is not valid JSON: a value is missing at line 1, column 1" in capsys.readouterr().err
    assert s.list_cases(db, viewer=ACTOR) == []


def test_load_of_a_file_with_a_missing_field_fails_without_a_traceback(
    db: Database, demo_data: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    del demo_data["participants"][0]["name"]
    file = tmp_path / "uden-navn.json"
    file.write_text(json.dumps(demo_data), encoding="utf-8")
    assert main(["load", str(file)]) == 1
    assert "error: participant 1: »name« (Name) is missing." in capsys.readouterr().err
    assert s.list_cases(db, viewer=ACTOR) == []


def test_load_of_a_missing_file_fails_with_a_clear_error(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "findes-ikke.json"
    assert main(["load", str(missing)]) == 2
    assert f"cannot read {missing}" in capsys.readouterr().err


def test_load_of_a_file_that_is_not_utf8_fails_with_a_clear_error(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "latin1.json"
    file.write_bytes('{"navn": "Søren"}'.encode("latin-1"))
    assert main(["load", str(file)]) == 1
    assert capsys.readouterr().err == (
        "error: The file is not text in UTF-8, as a meeting file must be (is it the right file?). Nothing was stored.\n"
    )


def test_migrate_creates_the_data_folder_and_schema_where_there_was_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "ny" / "data"
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("MOEDETAVLEN_DATA_DIR", str(folder))
    assert main(["migrate"]) == 0
    db = Database(f"sqlite:///{folder / 'moedetavlen.sqlite3'}")
    try:
        s.create_case(db, "test", "Familien Ny", "Ida", "assessment")
        assert len(s.list_cases(db, viewer=ACTOR)) == 1
    finally:
        db.dispose()


def test_an_unknown_command_is_a_usage_error(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["export"])
    assert info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err

