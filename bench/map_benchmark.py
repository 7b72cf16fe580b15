"""How long the network map takes for a big meeting: `python -m bench.map_benchmark [PEOPLE]`.

Builds a meeting of PEOPLE (default 200) fictional people with ties in a temporary SQLite
database, then prints the median of 5 runs for the graph and layout, the HTML and the PNG.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from bench import timing
from export.map_html import render_map_html
from export.map_png import render_map_png
from facilitation import services as s
from facilitation.domain import model as m
from facilitation.domain.network import build_graph, layout
from facilitation.storage import open_database

ACTOR = "benchmark"
RUNS = 5
FIRST = ["Anna", "Bo", "Carl", "Dorthe", "Emil", "Freja", "Gustav", "Hanne", "Ib", "Jette", "Karl", "Lise"]
LAST = ["Hansen", "Jensen", "Nielsen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen"]


def build_meeting(db_url: str, people: int) -> m.MeetingRecord:
    """A meeting of `people` people spread over sectors and rings, with one tie per three people."""
    db = open_database(db_url)
    try:
        chance = random.Random(2026)
        case_id = s.create_case(db, ACTOR, "Familien Benchmark", "Alma", "assessment")
        meeting_id = s.create_meeting(db, ACTOR, case_id, "network", date(2026, 11, 25))
        ids = [
            s.add_participant(
                db, ACTOR, meeting_id, f"{chance.choice(FIRST)} {chance.choice(LAST)} {i}",
                relation="Netværk", sector=chance.choice(list(m.Sector)), ring=chance.randint(1, 3),
                group="network", attendance=chance.choice(list(m.Attendance)),
                can_help_with="Kørsel, aftensmad og en snak",
            )
            for i in range(people)
        ]
        for _ in range(people // 3):
            a, b = chance.sample(ids, 2)
            s.add_relation(db, ACTOR, meeting_id, a, b, "kender", strained=chance.random() < 0.2)
        return s.load_meeting(db, meeting_id, viewer=ACTOR)
    finally:
        db.dispose()


def median_seconds(work: Callable[[], object]) -> float:
    """The median wall time of RUNS calls."""
    return timing.median_seconds(work, RUNS)


def main(argv: list[str]) -> int:
    """Build the meeting, time each step, print one line per step."""
    people = int(argv[0]) if argv else 200
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        record = build_meeting(f"sqlite:///{Path(folder) / 'bench.sqlite3'}", people)
        print(f"meeting with {people} people, {len(record.relations)} ties built in "
              f"{time.perf_counter() - start:.2f} s")
    html = render_map_html(record)
    png = render_map_png(record)
    print(f"graph + layout   {median_seconds(lambda: layout(build_graph(record))) * 1000:8.1f} ms")
    print(f"HTML             {median_seconds(lambda: render_map_html(record)) * 1000:8.1f} ms"
          f"   ({len(html.encode()) / 1024:.0f} KiB)")
    print(f"PNG              {median_seconds(lambda: render_map_png(record)) * 1000:8.1f} ms"
          f"   ({len(png) / 1024:.0f} KiB)")
    print(f"(median of {RUNS} runs each)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
