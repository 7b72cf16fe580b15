"""The demo meeting's backup file is byte-identical to the one recorded before the layers refactor."""

from __future__ import annotations

from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "demo_meeting.json"


def test_the_demo_meetings_dump_is_byte_identical_to_the_recorded_one(demo_text: str) -> None:
    assert demo_text + "\n" == FIXTURE.read_text(encoding="utf-8"), (
        "the demo meeting or the backup format changed: if on purpose, record the new file and bump the format"
    )
