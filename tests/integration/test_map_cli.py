"""`python -m export map`: writes the map files from the configured database."""

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

pytestmark = pytest.mark.integration

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_map_writes_the_html_and_the_png(db: Database, tmp_path: Path) -> None:
    meeting_id = create_demo_meeting(db)
    html, png = tmp_path / "kort.html", tmp_path / "kort.png"
    assert main(["map", str(meeting_id), "--html", str(html), "--png", str(png)]) == 0
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "Sanne Juhl" in html.read_text(encoding="utf-8")
    assert png.read_bytes().startswith(PNG_SIGNATURE)


def test_map_anonymised_writes_no_full_names(db: Database, tmp_path: Path) -> None:
    meeting_id = create_demo_meeting(db)
    html = tmp_path / "kort.html"
    assert main(["map", str(meeting_id), "--html", str(html), "--anonymised"]) == 0
    text = html.read_text(encoding="utf-8")
    assert "Sanne Juhl" not in text and "Birthe Juhl" not in text
    assert '"label": "S.J."' in text


def test_map_needs_at_least_one_output(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["map", str(create_demo_meeting(db))])
    assert stop.value.code == 2
    assert "--html" in capsys.readouterr().err


def test_map_of_an_unknown_meeting_fails_with_a_message(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["map", "999", "--png", str(tmp_path / "kort.png")]) == 1
    assert "meeting 999 does not exist" in capsys.readouterr().err
    assert not (tmp_path / "kort.png").exists()


def test_python_dash_m_export_runs_as_a_program(db: Database, data_dir: Path, tmp_path: Path) -> None:
    meeting_id = create_demo_meeting(db)
    html, png = tmp_path / "kort.html", tmp_path / "kort.png"
    env = {**os.environ, "MOEDETAVLEN_DATA_DIR": str(data_dir)}
    env.pop("DATABASE_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "export", "map", str(meeting_id), "--html", str(html), "--png", str(png)],
        cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert html.exists() and png.read_bytes().startswith(PNG_SIGNATURE)
