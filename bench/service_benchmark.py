"""How long the everyday services take: `python -m bench.service_benchmark`.

One fictional meeting in a temporary SQLite database: adding 200 board notes, moving notes between
columns, recording 40 scores, reading the whole meeting, and saving and restoring a 2,000-stroke
drawing. Prints the median of 5 runs of each, in milliseconds. Runs against whatever tree it is in, so
two checkouts can be measured side by side in one session.
"""

from __future__ import annotations

import io
import json
import random
import sys
import tempfile
from datetime import date
from pathlib import Path

from PIL import Image

from bench import timing
from facilitation import services as s
from facilitation.storage import open_database

ACTOR = "benchmark"
RUNS = 5


def _layer() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA", (1120, 630), (0, 0, 0, 0)).save(buffer, format="PNG")
    return buffer.getvalue()


def _canvas(strokes: int) -> dict[str, object]:
    rng = random.Random(7)
    path = [["M", 10, 10]] + [["Q", rng.randint(0, 1100), rng.randint(0, 600), rng.randint(0, 1100), 300]] * 40
    return {"objects": [{"type": "path", "path": path, "stroke": "#222"} for _ in range(strokes)]}


def main() -> int:
    """Print one line per operation: its median time over RUNS runs."""
    folder = Path(tempfile.mkdtemp())
    db = open_database(f"sqlite:///{folder / 'bench.sqlite3'}")
    case_id = s.create_case(db, ACTOR, "Familien Bench", "Ida", "assessment")
    meeting = s.create_meeting(db, ACTOR, case_id, "start", date(2026, 3, 2))
    people = [s.add_participant(db, ACTOR, meeting, f"Person {i}") for i in range(40)]
    drawing = s.create_drawing(db, ACTOR, meeting, "Bench")
    big, layer = _canvas(2_000), _layer()
    kinds = ["worry", "working_well", "next_step"]

    def add_notes() -> None:
        for i in range(200):
            s.add_board_item(db, ACTOR, meeting, kinds[i % 3], f"Note {i}")

    def move_notes() -> None:
        ids = [b.id for b in s.load_meeting(db, meeting, viewer=ACTOR).board[:50]]
        for i, item_id in enumerate(ids):
            s.move_board_item(db, ACTOR, meeting, item_id, 0, kinds[(i + 1) % 3])

    def scores() -> None:
        for i, person in enumerate(people):
            s.record_score(db, ACTOR, meeting, person, i % 11, "fordi")

    def save_drawing() -> None:
        s.save_drawing(db, ACTOR, meeting, drawing, {**big, "version": random.random()}, layer)

    operations = {
        "add 200 board notes": add_notes,
        "move 50 notes between columns": move_notes,
        "record 40 scores": scores,
        "read the whole meeting": lambda: s.load_meeting(db, meeting, viewer=ACTOR),
        "save a 2,000-stroke drawing": save_drawing,
        "restore it": lambda: json.loads(s.drawing_canvas(db, meeting, drawing, viewer=ACTOR)[1]),
    }
    for name, work in operations.items():
        print(f"{name:32} {timing.median_seconds(work, RUNS) * 1000:8.1f} ms")
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
