"""The meeting file is complete: derived from the schema, every table and column of a meeting or case is carried
or deliberately left out; the demo meeting fills every table; version-1 files still load."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Column, Table, func, select
from sqlalchemy.orm import Mapper

from facilitation import services as s
from facilitation.demo import create_demo_meeting
from facilitation.storage import Database
from facilitation.storage import tables as t
from facilitation.storage.backup import (
    DELIBERATELY_OUTSIDE,
    NOT_CARRIED,
    SECTIONS,
    VERSION,
    BackupError,
    dump_meeting,
    dumps_meeting,
    loads_meeting,
)
from tests.conftest import ACTOR, DEMO_DAY

FIXTURES = Path(__file__).parent / "fixtures"
V1_FILE = FIXTURES / "demo_meeting_v1.json"  # the demo meeting as version 1 wrote it (recorded, never rewritten)
V2_FILE = FIXTURES / "demo_meeting_v2.json"  # ... and as version 2 wrote it
V3_FILE = FIXTURES / "demo_meeting_v3.json"  # ... and as version 3 wrote it
FOR_THE_CHILD = {"plan_for": "child", "plan_for_name": ""}  # whom an older file's goals and actions are for
NOT_FOLLOWED = {"progress": None, "status": "in_progress"}  # an older file's goals: not asked "how far?" yet
ROOTS = {"meetings", "cases"}


def tables_of_a_meeting_or_case() -> set[str]:
    """Every table with a foreign-key path to meetings or cases, or keeping a meeting's or case's id."""
    tables = t.Base.metadata.tables
    found = set(ROOTS)
    changed = True
    while changed:
        changed = False
        for name, table in tables.items():
            refers = {fk.column.table.name for fk in table.foreign_keys} & found
            keeps_id = {"meeting_id", "case_id"} & set(table.columns.keys())
            if name not in found and (refers or keeps_id):
                found.add(name)
                changed = True
    return found


def file_key(table: Table, column: Column[Any]) -> str:
    """The key a column has in the file: its attribute name ("grp" is "group"), a foreign key without "_id"."""
    mapper: Mapper[Any] = next(m for m in t.Base.registry.mappers if m.local_table is table)
    attribute = next(p.key for p in mapper.column_attrs if column in p.columns)
    return attribute.removesuffix("_id") if column.foreign_keys else attribute


def section_keys(data: dict[str, Any], section: str) -> set[str]:
    """Every key the dump uses in a section (one object, or a list of them)."""
    value = data[section]
    entries = value if isinstance(value, list) else [value]
    return {key for entry in entries for key in entry}


@pytest.fixture
def demo_id(db: Database) -> int:
    return create_demo_meeting(db, DEMO_DAY)


def test_every_table_of_a_meeting_or_case_is_in_the_file_or_deliberately_outside_it() -> None:
    tables = tables_of_a_meeting_or_case()
    unaccounted = sorted(tables - set(SECTIONS) - set(DELIBERATELY_OUTSIDE))
    assert unaccounted == [], "add the table to the meeting file (backup.SECTIONS) or to DELIBERATELY_OUTSIDE"
    assert set(SECTIONS) & set(DELIBERATELY_OUTSIDE) == set()
    assert set(SECTIONS) | set(DELIBERATELY_OUTSIDE) <= tables, "a listed table that no longer exists"
    assert {"decisions", "drawings", "evaluations"} <= set(SECTIONS)


def test_every_column_of_a_carried_table_is_in_the_file_or_deliberately_left_out(
    db: Database, demo_id: int
) -> None:
    data = dump_meeting(db, demo_id, viewer=ACTOR)
    missing = []
    for name, section in SECTIONS.items():
        table = t.Base.metadata.tables[name]
        keys = section_keys(data, section)
        missing += [f"{name}.{c.name}" for c in table.columns
                    if c.name not in NOT_CARRIED[name] and file_key(table, c) not in keys]
        assert NOT_CARRIED[name] <= set(table.columns.keys()), f"{name}: a left-out column that does not exist"
    assert missing == [], "carry the column in backup.py (dump and load), or list it in NOT_CARRIED"


def test_the_demo_meeting_holds_a_row_of_every_table_of_a_meeting(db: Database, demo_id: int) -> None:
    meeting_tables = [name for name in SECTIONS if "meeting_id" in t.Base.metadata.tables[name].columns]
    assert len(meeting_tables) >= 11
    with db.read() as session:
        counts = {
            name: session.scalar(select(func.count()).select_from(table).where(table.c.meeting_id == demo_id))
            for name in meeting_tables for table in [t.Base.metadata.tables[name]]
        }
    assert [name for name, count in counts.items() if not count] == []


def test_the_demo_meeting_s_file_has_something_in_every_section(db: Database, demo_id: int) -> None:
    data = dump_meeting(db, demo_id, viewer=ACTOR)
    assert [section for section in SECTIONS.values() if not data[section]] == []
    assert any(role["contact"] for role in data["roles"])
    assert any(d["agenda_item"] for d in data["decisions"]) and any(not d["agenda_item"] for d in data["decisions"])


def test_the_whole_demo_meeting_survives_dump_load_dump_with_its_decisions_drawing_and_evaluations(
    db: Database, demo_id: int
) -> None:
    first = dumps_meeting(db, demo_id, viewer=ACTOR)
    copy_id = loads_meeting(db, ACTOR, first)
    assert dumps_meeting(db, copy_id, viewer=ACTOR) == first
    original, copy = s.load_meeting(db, demo_id, viewer=ACTOR), s.load_meeting(db, copy_id, viewer=ACTOR)

    def decisions(record: Any) -> list[tuple[str, str | None]]:
        titles = {a.id: a.title for a in record.agenda}
        return [(d.text, titles.get(d.agenda_item_id)) for d in record.decisions]

    assert decisions(copy) == decisions(original)
    assert len(copy.decisions) == 2
    assert [(e.respondent, e.heard, e.useful) for e in copy.evaluations] == [
        (e.respondent, e.heard, e.useful) for e in original.evaluations
    ]
    assert [d.name for d in s.list_drawings(db, copy_id, viewer=ACTOR)] == ["Almas tre huse"]
    assert copy.contacts == original.contacts


def test_decisions_were_lost_by_version_1_and_are_kept_by_version_2(db: Database, demo_id: int) -> None:
    assert json.loads(V1_FILE.read_text(encoding="utf-8"))["version"] == 1
    data = dump_meeting(db, demo_id, viewer=ACTOR)
    assert data["version"] == VERSION >= 2
    assert len(data["decisions"]) == len(s.load_meeting(db, demo_id, viewer=ACTOR).decisions) == 2


def upgraded_v1(v1: dict[str, Any]) -> dict[str, Any]:
    """What a version-1 file holds, written as today's version (nothing in it is lost; the new parts are empty)."""
    contacts = v1.get("contacts", {})
    return {
        **{key: value for key, value in v1.items() if key != "contacts"},
        "version": VERSION,
        "meeting": {**v1["meeting"], "warn_minutes": 2, "start_time": None, "end_time": None,
                    "follow_up_start": None, "follow_up_end": None, "follow_up_place": ""},
        "participants": [{**person, "standard_relation": "", "supports": [], "could_be_asked": False}
                         for person in v1["participants"]],
        "roles": [{"role": role, "caseworker": name, "contact": contacts.get(role, "")}
                  for role, name in sorted(v1["roles"].items())],
        "agenda": [{"ref": f"a{i + 1}", **item, "extra_minutes": 0, "paused_at": None, "paused_seconds": 0}
                   for i, item in enumerate(v1["agenda"])],
        "decisions": [],
        "goals": [{**goal, **FOR_THE_CHILD, **NOT_FOLLOWED} for goal in v1["goals"]],
        "actions": [{**action, **FOR_THE_CHILD} for action in v1["actions"]],
        "measures": [],
    }


def test_the_recorded_version_1_demo_file_still_loads_and_loses_nothing(db: Database) -> None:
    text = V1_FILE.read_text(encoding="utf-8")
    v1 = json.loads(text)
    copy_id = loads_meeting(db, ACTOR, text)
    assert dump_meeting(db, copy_id, viewer=ACTOR) == upgraded_v1(v1)


def test_the_recorded_version_2_demo_file_still_loads_with_no_supports_and_nobody_to_ask(db: Database) -> None:
    text = V2_FILE.read_text(encoding="utf-8")
    v2 = json.loads(text)
    assert v2["version"] == 2 and "supports" not in v2["participants"][0]
    data = dump_meeting(db, loads_meeting(db, ACTOR, text), viewer=ACTOR)
    assert data == {**v2, "version": VERSION, "participants": [
        {**person, "supports": [], "could_be_asked": False} for person in v2["participants"]],
        "goals": [{**goal, **FOR_THE_CHILD, **NOT_FOLLOWED} for goal in v2["goals"]],
        "actions": [{**action, **FOR_THE_CHILD} for action in v2["actions"]], "measures": []}


def test_the_recorded_version_3_demo_file_still_loads_with_no_measures_and_goals_not_yet_followed(
    db: Database,
) -> None:
    text = V3_FILE.read_text(encoding="utf-8")
    v3 = json.loads(text)
    assert v3["version"] == 3 and "measures" not in v3 and "progress" not in v3["goals"][0]
    data = dump_meeting(db, loads_meeting(db, ACTOR, text), viewer=ACTOR)
    assert data == {**v3, "version": VERSION, "goals": [{**goal, **NOT_FOLLOWED} for goal in v3["goals"]],
                    "measures": []}


def test_a_version_1_file_loaded_then_dumped_loads_and_dumps_identically(db: Database) -> None:
    first = dumps_meeting(db, loads_meeting(db, ACTOR, V1_FILE.read_text(encoding="utf-8")), viewer=ACTOR)
    assert dumps_meeting(db, loads_meeting(db, ACTOR, first), viewer=ACTOR) == first


def test_a_version_1_file_s_contacts_beside_its_roles_are_kept(db: Database) -> None:
    v1 = json.loads(V1_FILE.read_text(encoding="utf-8"))
    v1["contacts"] = {"facilitator": "tlf. 12 34 56 78"}
    copy = s.load_meeting(db, loads_meeting(db, ACTOR, json.dumps(v1)), viewer=ACTOR)
    assert {role.value: text for role, text in copy.contacts.items()} == {"facilitator": "tlf. 12 34 56 78"}


@pytest.mark.parametrize("section", ["roles", "contacts"])
def test_a_version_1_file_whose_roles_are_not_a_mapping_is_refused_in_plain_words(db: Database, section: str) -> None:
    v1 = json.loads(V1_FILE.read_text(encoding="utf-8"))
    v1[section] = ["Line Bech"]
    with pytest.raises(BackupError) as info:
        loads_meeting(db, ACTOR, json.dumps(v1))
    assert info.value.message("en") == f"»{section}« must be an object in {{ }}."


def test_a_measure_s_step_survives_a_load_under_another_configured_ladder(
    db: Database, demo_id: int, monkeypatch: pytest.MonkeyPatch,
) -> None:
    case_id = s.load_meeting(db, demo_id, viewer=ACTOR).case.id
    monkeypatch.setenv("MOEDETAVLEN_LADDER", "Almene tilbud;Forebyggende;Anbringelse")
    s.add_measure(db, ACTOR, case_id, what="Aflastning", legal_basis="sel_44", start=DEMO_DAY, step="Forebyggende")
    first = dumps_meeting(db, demo_id, viewer=ACTOR)
    monkeypatch.delenv("MOEDETAVLEN_LADDER")  # the default ladder again: the stored steps are kept as they were
    copy_id = loads_meeting(db, ACTOR, first)
    assert dumps_meeting(db, copy_id, viewer=ACTOR) == first
    steps = [m.step for m in s.load_meeting(db, copy_id, viewer=ACTOR).measures]
    assert "Forebyggende" in steps


def test_a_measure_for_a_goal_of_another_meeting_is_carried_without_that_goal(db: Database, demo_id: int) -> None:
    case_id = s.load_meeting(db, demo_id, viewer=ACTOR).case.id
    later = s.create_meeting(db, ACTOR, case_id, "follow_up", "2027-03-01")
    here = s.add_goal(db, ACTOR, later, "short", "Noah sover i egen seng")
    earlier = s.load_meeting(db, demo_id, viewer=ACTOR).goals[0].id  # a goal of the case's first meeting
    s.add_measure(db, ACTOR, case_id, what="Aflastning", legal_basis="sel_44", start=DEMO_DAY, step="Forebyggende",
                  goal_id=earlier, ladder=("Forebyggende",))
    s.add_measure(db, ACTOR, case_id, what="Familiebehandling", legal_basis="sel_52", start=DEMO_DAY,
                  step="Forebyggende", goal_id=here, ladder=("Forebyggende",))
    data = dump_meeting(db, later, viewer=ACTOR)
    goal_of = {x["what"]: x["goal"] for x in data["measures"]}
    assert goal_of["Aflastning"] is None, "a goal outside the file is not referred to"
    ref = next(g["ref"] for g in data["goals"] if g["text"] == "Noah sover i egen seng")
    assert goal_of["Familiebehandling"] == ref
    copy = s.load_meeting(db, loads_meeting(db, ACTOR, json.dumps(data)), viewer=ACTOR)
    copied_goal = {g.text: g.id for g in copy.goals}
    linked = {x.what: x.goal_id for x in copy.measures if x.what in goal_of}
    assert linked["Aflastning"] is None
    assert linked["Familiebehandling"] == copied_goal["Noah sover i egen seng"], "the copy's own goal, not the old one"
