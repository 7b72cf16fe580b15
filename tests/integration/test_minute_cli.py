"""`python -m export minute` and `python -m export ics`: the files from the configured database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from export.__main__ import main
from facilitation.demo import create_demo_meeting
from facilitation.storage import Database
from facilitation.storage.engine import PROJECT_ROOT
from tests.support.docx_reading import full_text, open_docx

pytestmark = pytest.mark.integration


def test_minute_writes_the_word_file(db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "referat.docx"
    assert main(["minute", str(create_demo_meeting(db)), "--out", str(out)]) == 0
    assert "Sanne Juhl" in full_text(open_docx(out.read_bytes()))
    assert str(out) in capsys.readouterr().out


def test_minute_anonymised_writes_initials(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "anonym.docx"
    assert main(["minute", str(create_demo_meeting(db)), "--out", str(out), "--anonymised"]) == 0
    text = full_text(open_docx(out.read_bytes()))
    assert "Sanne Juhl" not in text and "S.J." in text


def test_ics_writes_the_calendar_file(db: Database, tmp_path: Path) -> None:
    out = tmp_path / "opfoelgning.ics"
    assert main(["ics", str(create_demo_meeting(db)), "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_an_unknown_meeting_fails_with_a_message_and_writes_nothing(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for command, name in (("minute", "r.docx"), ("ics", "o.ics")):
        assert main([command, "999", "--out", str(tmp_path / name)]) == 1
        assert "meeting 999 does not exist" in capsys.readouterr().err
        assert not (tmp_path / name).exists()


def test_the_output_file_is_required(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["minute", "1"])
    assert stop.value.code == 2
    assert "--out" in capsys.readouterr().err


def test_an_unwritable_place_fails_with_a_message(db: Database, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    meeting_id = create_demo_meeting(db)
    assert main(["minute", str(meeting_id), "--out", str(tmp_path / "missing" / "r.docx")]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_python_dash_m_export_minute_runs_as_a_program(db: Database, data_dir: Path, tmp_path: Path) -> None:
    meeting_id = create_demo_meeting(db)
    out = tmp_path / "referat.docx"
    env = {**os.environ, "MOEDETAVLEN_DATA_DIR": str(data_dir)}
    env.pop("DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "export", "minute", str(meeting_id), "--out", str(out)],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"PK")
