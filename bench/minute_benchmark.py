"""How long the Word minute takes for a big meeting: `python -m bench.minute_benchmark`.

Builds a fictional meeting of 40 people, 120 board items, 60 actions, 40 scores (and an earlier
meeting's), goals, notes, answers and one drawing in a temporary SQLite database, then prints the
median of 3 exports of the minute, the anonymised minute and the calendar file.
"""

from __future__ import annotations

import io
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PIL import Image, ImageDraw

from bench import timing
from export.follow_up_ics import render_follow_up_ics
from export.minute_cli import minute_for_meeting
from facilitation import services as s
from facilitation.domain import model as m
from facilitation.domain.drawing import CANVAS_HEIGHT, CANVAS_WIDTH
from facilitation.storage import Database, open_database

ACTOR = "benchmark"
RUNS = 3
DAY = date(2026, 11, 25)
FIRST = ["Anna", "Bo", "Carl", "Dorthe", "Emil", "Freja", "Gustav", "Hanne", "Ib", "Jette", "Karl", "Lise"]
LAST = ["Hansen", "Jensen", "Nielsen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen"]
SENTENCE = "Mormor henter om tirsdagen, og det giver ro i hele familien; Alma glæder sig til det. "


def build_meeting(db: Database) -> int:
    """The big meeting (and an earlier one with scores, so the chart has history); returns its id."""
    chance = random.Random(2026)
    case_id = s.create_case(db, ACTOR, "Familien Benchmark", "Alma", "assessment")
    earlier = s.plan_meeting(db, ACTOR, case_id, "start", DAY - timedelta(weeks=6))
    meeting_id = s.create_meeting(db, ACTOR, case_id, "follow_up", DAY, "Familiehuset", SENTENCE * 3)
    for role, name in (("facilitator", "Line Bech"), ("minute_taker", "Thomas Vinther")):
        s.set_role(db, ACTOR, meeting_id, role, name)
    people = []
    for i in range(40):
        name = f"{chance.choice(FIRST)} {chance.choice(LAST)} {i}"
        group = chance.choice(list(m.Group))
        for mid in (earlier, meeting_id):
            person = s.add_participant(
                db, ACTOR, mid, name, relation="Netværk", sector=chance.choice(list(m.Sector)),
                ring=chance.randint(1, 3), group=group, attendance=chance.choice(list(m.Attendance)),
                can_help_with="Kørsel, aftensmad og en snak",
            )
            s.record_score(db, ACTOR, mid, person, chance.randint(0, 10), "Fordi planen holder" if mid == meeting_id
                           else "")
        people.append(person)
    for a, b in (chance.sample(people, 2) for _ in range(15)):
        s.add_relation(db, ACTOR, meeting_id, a, b, "kender", strained=chance.random() < 0.2)
    kinds = list(m.BoardKind)
    for i in range(120):
        s.add_board_item(db, ACTOR, meeting_id, kinds[i % len(kinds)], SENTENCE * chance.randint(1, 3),
                         said_by=chance.choice(FIRST))
    goals = [s.add_goal(db, ACTOR, meeting_id, chance.choice(["short", "long"]), SENTENCE, "Familien")
             for _ in range(10)]
    for i in range(60):
        s.add_action(db, ACTOR, meeting_id, SENTENCE, chance.choice(FIRST), DAY + timedelta(days=i),
                     chance.choice(list(m.Coordinator)), chance.choice(goals + [None]))
    for item in s.load_meeting(db, meeting_id, viewer=ACTOR).agenda:
        s.save_note(db, ACTOR, meeting_id, item.id, (SENTENCE * 20 + "\n\n") * 3)
    for _ in range(10):
        s.record_evaluation(db, ACTOR, meeting_id, chance.choice(FIRST), chance.randint(1, 5), chance.randint(1, 5),
                            "Godt møde")
    drawing = s.create_drawing(db, ACTOR, meeting_id, "Tegning fra mødet")
    s.save_drawing(db, ACTOR, meeting_id, drawing, {"version": "7.0.0", "objects": [{"type": "Path"}]}, _strokes())
    return meeting_id


def _strokes() -> bytes:
    image = Image.new("RGBA", (CANVAS_WIDTH, CANVAS_HEIGHT), (0, 0, 0, 0))
    ImageDraw.Draw(image).line((100, 100, 900, 500), fill=(30, 60, 150, 255), width=12)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def median_seconds(work: Callable[[], object]) -> float:
    """The median wall time of RUNS calls."""
    return timing.median_seconds(work, RUNS)


def main(argv: list[str]) -> int:
    """Build the meeting, time each export, print one line per export."""
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        try:
            start = time.perf_counter()
            meeting_id = build_meeting(db)
            record = s.load_meeting(db, meeting_id, viewer=ACTOR)
            drawn = len(s.list_drawings(db, meeting_id, viewer=ACTOR))
            print(f"meeting with {len(record.participants)} people, {len(record.board)} board items, "
                  f"{len(record.actions)} actions, {drawn} drawing built in {time.perf_counter() - start:.1f} s")
            size = len(minute_for_meeting(db, meeting_id, viewer=ACTOR))
            minute = median_seconds(lambda: minute_for_meeting(db, meeting_id, viewer=ACTOR))
            print(f"minute (.docx)        {minute * 1000:8.0f} ms   ({size / 1024:.0f} KiB)")
            anonymised = median_seconds(lambda: minute_for_meeting(db, meeting_id, anonymised=True, viewer=ACTOR))
            print(f"anonymised minute     {anonymised * 1000:8.0f} ms")
            ics = median_seconds(lambda: render_follow_up_ics(s.load_meeting(db, meeting_id, viewer=ACTOR)))
            print(f"calendar file (.ics)  {ics * 1000:8.1f} ms")
            print(f"(median of {RUNS} runs each)")
        finally:
            db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
