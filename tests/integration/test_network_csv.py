"""`python -m export network MEETING_ID --csv FILE`: the network's measures, one row per meeting of the case."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from export.__main__ import main
from facilitation import services as s
from facilitation.demo import create_demo_case
from facilitation.domain.network import build_graph
from facilitation.domain.network_measures import csv_row, measure
from facilitation.storage import Database
from tests.conftest import ACTOR

pytestmark = pytest.mark.integration


def test_the_csv_has_one_row_per_meeting_of_the_case_with_the_named_columns_and_no_names(
    db: Database, tmp_path: Path,
) -> None:
    mid = create_demo_case(db, date(2026, 11, 25))
    record = s.load_meeting(db, mid, viewer=ACTOR)
    meetings = sorted(s.list_meetings(db, record.case.id, viewer=ACTOR), key=lambda m: (m.date, m.id))
    out = tmp_path / "netvaerk.csv"
    assert main(["network", str(mid), "--csv", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    assert [int(row["meeting_id"]) for row in rows] == [m.id for m in meetings] and len(rows) >= 2
    named = {"family", "friends_neighbours", "school_daycare_work", "professional", "density", "isolated"}
    assert named <= set(rows[0])
    expected = csv_row(measure(build_graph(record)))
    assert {key: float(rows[-1][key]) for key in expected} == {key: float(v) for key, v in expected.items()}
    assert not any(p.name in text for p in record.participants), "counts only: nobody is named"


def test_the_csv_needs_a_file_to_write(db: Database) -> None:
    with pytest.raises(SystemExit):
        main(["network", "1"])
