"""The handover document, reopened: every meeting, the network over time, each goal's progress, no names when
anonymised; the command line writes it; only the case's members can make it."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from export.minute_cli import handover_for_meeting
from facilitation import services as s
from facilitation.demo import create_demo_case
from facilitation.domain.validation import NotFoundError
from facilitation.storage import Database
from tests.conftest import ACTOR
from tests.support.accounts import caseworker
from tests.support.docx_reading import full_text, headings, open_docx, table_after, table_rows

pytestmark = pytest.mark.integration

DAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 10, 0)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def case_meetings(db: Database) -> list[int]:
    """The demo case (twelve and six weeks ago, and today) and a meeting planned six weeks on, asked how far."""
    today = create_demo_case(db, DAY)
    record = s.load_meeting(db, today, viewer=ACTOR)
    third = s.plan_meeting(db, ACTOR, record.case.id, "follow_up", date(2027, 1, 6))
    for goal in s.load_meeting(db, third, viewer=ACTOR).goals:
        s.follow_goal(db, ACTOR, third, goal.id, progress=7)
    return sorted(m.id for m in s.list_meetings(db, record.case.id, viewer=ACTOR))


def test_the_handover_names_every_meeting_and_follows_every_goal(db: Database, case_meetings: list[int]) -> None:
    document = open_docx(handover_for_meeting(db, case_meetings[-1], viewer=ACTOR, now=NOW))
    assert {"Møderne", "Mål og hvor langt vi er", "Hvad netværket kan", "Skalering"} <= set(headings(document))
    meetings = table_rows(table_after(document, "Møderne"))[1:]
    assert [row[0] for row in meetings] == ["2. september 2026", "14. oktober 2026", "25. november 2026",
                                            "6. januar 2027"]
    goals = {row[0]: row for row in table_rows(table_after(document, "Mål og hvor langt vi er"))[1:]}
    first = goals["Kortsigtede mål: Alma har en voksen hos sig hver aften"]
    assert first[2].split("\n") == ["2. sep. 2026: 0", "14. okt. 2026: 2", "25. nov. 2026: 5", "6. jan. 2027: 7"]
    assert first[3] == "I gang"
    reached = goals["Kortsigtede mål: En skriftlig plan over, hvem Alma er hos efter skole"]
    assert reached[2].split("\n")[-1] == "25. nov. 2026: 10" and reached[3] == "Nået", "reached, so not carried on"
    assert goals["Langsigtede mål: Sanne har det godt nok til at være tilbage i arbejde"][1] == "Sanne Juhl"
    text = full_text(document)
    assert "Sammenfatning af 4 møder, fra 2. september 2026 til 6. januar 2027" in text
    over_time = table_rows(table_after(document, "Netværket over tid"))
    assert [row[0] for row in over_time[1:]] == ["2. sep. 2026", "14. okt. 2026", "25. nov. 2026", "6. jan. 2027"]
    assert over_time[0][1:] == ["Familie", "Venner og naboer", "Skole, dagtilbud og arbejde", "Professionelle",
                                "Personer"]


def test_the_handover_of_an_earlier_meeting_stops_at_that_meeting(db: Database, case_meetings: list[int]) -> None:
    document = open_docx(handover_for_meeting(db, case_meetings[2], viewer=ACTOR, now=NOW))
    meetings = table_rows(table_after(document, "Møderne"))[1:]
    assert [row[0] for row in meetings] == ["2. september 2026", "14. oktober 2026", "25. november 2026"]
    assert "6. jan. 2027" not in full_text(document)


def test_the_anonymised_handover_holds_no_full_name(db: Database, case_meetings: list[int]) -> None:
    document = open_docx(handover_for_meeting(db, case_meetings[-1], viewer=ACTOR, anonymised=True, now=NOW))
    text = full_text(document)
    people = {p.name for mid in case_meetings for p in s.load_meeting(db, mid, viewer=ACTOR).participants}
    assert people and not [name for name in people if name in text]
    assert "Juhl" not in text and "mødelokale" not in text, "no surname, no meeting place"
    assert "S.J." in text


def test_only_a_member_of_the_case_can_make_its_handover(db: Database, case_meetings: list[int]) -> None:
    stranger = caseworker(db, "Ole Sand", "ole@kommune.invalid")
    with pytest.raises(NotFoundError):
        handover_for_meeting(db, case_meetings[-1], viewer=stranger)


def test_the_command_line_writes_the_handover(db: Database, case_meetings: list[int], tmp_path: Path) -> None:
    out = tmp_path / "overdragelse.docx"
    done = subprocess.run(
        [sys.executable, "-m", "export", "handover", str(case_meetings[-1]), "--out", str(out), "--anonymised"],
        cwd=ROOT, env={**os.environ, "DATABASE_URL": db.url}, capture_output=True, text=True,
        timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Overdragelse af sagen" in full_text(open_docx(out.read_bytes()))


def test_the_handover_lists_every_measure_and_the_ladder_at_each_meeting(
    db: Database, case_meetings: list[int],
) -> None:
    document = open_docx(handover_for_meeting(db, case_meetings[-1], viewer=ACTOR, now=NOW))
    rows = table_rows(table_after(document, "Indsatser"))[1:]
    record = s.load_meeting(db, case_meetings[-1], viewer=ACTOR)
    assert sorted(row[0].split("\n")[0] for row in rows) == sorted(m.what for m in record.measures)
    assert len(rows) == 2
    assert "Højeste trin på indsatstrappen ved hvert møde:" in full_text(document)
    assert "Indsatserne på indsatstrappen over tid: et skridt ned ad trappen" in full_text(document), "the picture"


def test_the_handover_writes_a_configured_step_as_written_and_an_older_one_in_words(
    db: Database, case_meetings: list[int], monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MOEDETAVLEN_LADDER", "Almene tilbud;Forebyggende;Anbringelse i slægten")
    record = s.load_meeting(db, case_meetings[-1], viewer=ACTOR)
    s.add_measure(db, ACTOR, record.case.id, what="Ophold hos mormor", legal_basis="sel_52", start=DAY,
                  step="Anbringelse i slægten")
    document = open_docx(handover_for_meeting(db, case_meetings[-1], viewer=ACTOR, now=NOW))
    steps = {row[0].split("\n")[0]: row[-1] for row in table_rows(table_after(document, "Indsatser"))[1:]}
    assert steps["Ophold hos mormor"] == "Anbringelse i slægten"
    assert steps["Familiebehandling i hjemmet, to gange om ugen"] == "Intensiv indsats i hjemmet"


def test_the_handover_names_the_goal_each_measure_serves_as_it_stands_now(
    db: Database, case_meetings: list[int],
) -> None:
    latest = s.load_meeting(db, case_meetings[-1], viewer=ACTOR)
    linked = next(x for x in latest.measures if x.goal_id is not None)
    goal = latest.measure_goals[linked.id]
    assert goal.meeting_id == case_meetings[-1], "the goal's copy at the planned meeting"
    s.edit_goal(db, ACTOR, case_meetings[-1], goal.id, text="Alma sover hjemme alle hverdage")
    document = open_docx(handover_for_meeting(db, case_meetings[-1], viewer=ACTOR, now=NOW))
    cells = {row[0].split("\n")[0]: row[0] for row in table_rows(table_after(document, "Indsatser"))[1:]}
    assert cells[linked.what].endswith("\nStøtter målet: Alma sover hjemme alle hverdage")
