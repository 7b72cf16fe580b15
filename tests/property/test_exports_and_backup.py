"""Generated meetings go through every export and through the backup: nothing breaks, nothing leaks as markup.

Each example fills a new meeting through the services (values a service refuses are simply not stored),
then: the Word minute (plain or anonymised) reopens with python-docx, the map page holds no markup the
family typed, the .ics parses back, and dump -> load -> dump is identical. A second property throws
damaged meeting files at the loader: each loads, or is refused with a BackupError in plain words.
"""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any
from unittest import mock

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from export import minute_pictures
from export.follow_up_ics import render_follow_up_ics
from export.map_html import render_map_html
from export.map_png import render_map_png
from export.minute_cli import minute_for_meeting
from facilitation import pictures
from facilitation import services as s
from facilitation.domain import model as m
from facilitation.domain.validation import ValidationError
from facilitation.storage import Database
from facilitation.storage.backup import BackupError, dump_meeting, dumps_meeting, loads_meeting
from tests.property.strategies import (
    categories,
    choices,
    day_in,
    kinds,
    number_in,
    numbers,
    roles,
    sensible_dates,
    texts,
    typed,
)

ACTOR = "Line Bech"
NOW = datetime(2026, 11, 25, 10, 0)
TAG = re.compile(r"<(/?[a-zA-Z][a-zA-Z0-9-]*)")
_LEFT_OVER_PLACEHOLDER = re.compile(r"\{[a-z_]+\}")

person = st.fixed_dictionaries({
    "name": typed, "relation": typed, "sector": choices(m.Sector), "ring": number_in(m.RING_CLOSEST, m.RING_FURTHEST),
    "group": choices(m.Group), "attendance": choices(m.Attendance), "can_help_with": typed,
})
meeting_content = st.fixed_dictionaries({
    "family": typed, "child": typed, "case_type": choices(m.CaseType), "kind": choices(m.MeetingKind),
    "date": sensible_dates, "place": typed, "purpose": texts, "follow_up": st.none() | sensible_dates,
    "question": typed, "people": st.lists(person, min_size=1, max_size=4), "tie": typed,
    "notes": st.lists(st.tuples(kinds, typed, typed, categories), max_size=4),
    "goals": st.lists(st.tuples(choices(m.GoalTerm), typed, typed), max_size=2),
    "actions": st.lists(st.tuples(typed, typed, day_in(sensible_dates), choices(m.Coordinator)), max_size=3),
    "score": st.tuples(number_in(0, 10), typed), "agenda": st.lists(st.tuples(typed, number_in(1, 600), texts),
                                                                     max_size=2),
    "decisions": st.lists(typed, max_size=2), "evaluations": st.lists(st.tuples(typed, number_in(1, 5),
                                                                                number_in(1, 5), typed), max_size=2),
    "role": st.tuples(roles, typed, typed), "anonymised": st.booleans(),
})


def stored(service: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """What the service returns, or None when it refuses the value (that is the services' property, tested apart)."""
    try:
        return service(*args, **kwargs)
    except ValidationError:
        return None


def add_people(db: Database, mid: int, people: list[dict[str, Any]]) -> list[int]:
    """The ids of the people the service accepted."""
    ids = [stored(s.add_participant, db, ACTOR, mid, p["name"], **{k: v for k, v in p.items() if k != "name"})
           for p in people]
    return [i for i in ids if i is not None]


def fill(db: Database, content: dict[str, Any]) -> int:
    """A new meeting holding whatever of the content the services accept; returns its id."""
    case_id = stored(s.create_case, db, ACTOR, content["family"], content["child"], content["case_type"])
    if case_id is None:
        case_id = s.create_case(db, ACTOR, "Familien", "Alma", "assessment")
    mid = stored(s.create_meeting, db, ACTOR, case_id, content["kind"], content["date"], content["place"],
                 content["purpose"])
    if mid is None:
        mid = s.create_meeting(db, ACTOR, case_id, "start", content["date"])
    stored(s.set_follow_up_date, db, ACTOR, mid, content["follow_up"])
    stored(s.set_scale_question, db, ACTOR, mid, content["question"])
    people = add_people(db, mid, content["people"])
    if len(people) >= 2:
        stored(s.add_relation, db, ACTOR, mid, people[0], people[1], content["tie"], strained=True)
    if people:
        stored(s.record_score, db, ACTOR, mid, people[0], *content["score"])
    for kind, text, said_by, category in content["notes"]:
        stored(s.add_board_item, db, ACTOR, mid, kind, text, said_by=said_by, category=category)
    goals = [stored(s.add_goal, db, ACTOR, mid, *goal) for goal in content["goals"]]
    for what, who, due, coordinator in content["actions"]:
        stored(s.add_action, db, ACTOR, mid, what, who, due, coordinator, goals[0] if goals else None)
    items = [stored(s.add_agenda_item, db, ACTOR, mid, title, minutes) for title, minutes, _ in content["agenda"]]
    for item, (_, _, notes) in zip(items, content["agenda"], strict=True):
        if item is not None:
            stored(s.save_note, db, ACTOR, mid, item, notes)
    for text in content["decisions"]:
        stored(s.add_decision, db, ACTOR, mid, text, items[0] if items else None)
    for answer in content["evaluations"]:
        stored(s.record_evaluation, db, ACTOR, mid, *answer)
    role, name, contact = content["role"]
    stored(s.set_role, db, ACTOR, mid, role, name)
    stored(s.set_role_contact, db, ACTOR, mid, role, contact)
    return int(mid)


@pytest.fixture(scope="module")
def quick_map_picture() -> Iterator[None]:
    """The minute's map picture as plain paper: matplotlib takes seconds per map (its words are tested below)."""
    with mock.patch.object(minute_pictures, "render_map_png", lambda *args, **kwargs: pictures.blank_picture()):
        yield


@pytest.fixture(scope="module")
def markup_of_a_plain_map(module_db: Database) -> Counter[str]:
    """The tags of the map page of a meeting with nothing unusual in it: the page's own markup."""
    case_id = s.create_case(module_db, ACTOR, "Familien Hansen", "Emil", "assessment")
    mid = s.create_meeting(module_db, ACTOR, case_id, "start", date(2026, 3, 2))
    s.add_participant(module_db, ACTOR, mid, "Sanne")
    return Counter(TAG.findall(render_map_html(s.load_meeting(module_db, mid, viewer=ACTOR), library_url="/s/")))


@settings(max_examples=10)
@given(content=meeting_content)
def test_any_meeting_goes_through_every_export_and_survives_dump_load_dump(
    module_db: Database, quick_map_picture: None, markup_of_a_plain_map: Counter[str], content: dict[str, Any]
) -> None:
    mid = fill(module_db, content)
    record = s.load_meeting(module_db, mid, viewer=ACTOR)
    anonymised = content["anonymised"]

    minute = docx.Document(io.BytesIO(minute_for_meeting(module_db, mid, viewer=ACTOR, anonymised=anonymised,
                                                         now=NOW)))
    assert minute.paragraphs  # it reopens, and holds the minute

    page = render_map_html(record, anonymised=anonymised, library_url="/s/")
    assert Counter(TAG.findall(page)) == markup_of_a_plain_map  # the family's words added no tag at all

    calendar = Calendar.from_ical(render_follow_up_ics(record, anonymised=anonymised, now=NOW))
    (event,) = calendar.walk("VEVENT")
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", str(event["SUMMARY"]))

    first = dumps_meeting(module_db, mid, viewer=ACTOR)
    assert dumps_meeting(module_db, loads_meeting(module_db, ACTOR, first), viewer=ACTOR) == first


@settings(max_examples=3)
@given(people=st.lists(person, min_size=1, max_size=3), tie=typed, anonymised=st.booleans())
def test_the_map_picture_draws_any_names_and_relations(
    module_db: Database, people: list[dict[str, Any]], tie: str, anonymised: bool
) -> None:
    case_id = s.create_case(module_db, ACTOR, "Familien", "Alma", "assessment")
    mid = s.create_meeting(module_db, ACTOR, case_id, "start", date(2026, 3, 2))
    ids = add_people(module_db, mid, people)
    if len(ids) >= 2:
        stored(s.add_relation, module_db, ACTOR, mid, ids[0], ids[1], tie)
    record = minute_pictures.drawable(s.load_meeting(module_db, mid, viewer=ACTOR))
    assert render_map_png(record, anonymised=anonymised).startswith(b"\x89PNG")


# the loader: any damage to a file is loaded or refused in plain words

json_values = st.recursive(
    st.one_of(texts, numbers, st.sampled_from(["p1", "b1", "g1", "a1", "p999"])),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


@pytest.fixture(scope="module")
def small_file(module_db: Database) -> dict[str, Any]:
    """A meeting file with one entry in most sections (small, so each load is quick)."""
    case_id = s.create_case(module_db, ACTOR, "Familien Juhl", "Alma", "assessment")
    mid = s.create_meeting(module_db, ACTOR, case_id, "start", date(2026, 3, 2))
    sanne, birthe = (s.add_participant(module_db, ACTOR, mid, name) for name in ("Sanne", "Birthe"))
    s.add_relation(module_db, ACTOR, mid, birthe, sanne, "mor til")
    danger = s.add_board_item(module_db, ACTOR, mid, "danger_statement", "Vi er bekymrede")
    goal = s.add_board_item(module_db, ACTOR, mid, "safety_goal", "En voksen hver aften", answers_id=danger)
    s.add_board_item(module_db, ACTOR, mid, "worry", "Aftnerne", category="past_harm")
    s.record_score(module_db, ACTOR, mid, sanne, 6, "Bedre")
    plan = s.add_goal(module_db, ACTOR, mid, "short", "En plan", safety_goal_id=goal)
    s.add_action(module_db, ACTOR, mid, "Lave planen", "Sanne", "2026-03-09", "family", plan)
    s.add_decision(module_db, ACTOR, mid, "Mormor henter", s.load_meeting(module_db, mid, viewer=ACTOR).agenda[0].id)
    s.record_evaluation(module_db, ACTOR, mid, "Sanne", 4, 5, "Godt")
    s.set_role(module_db, ACTOR, mid, "facilitator", "Line Bech")
    data = dump_meeting(module_db, mid, viewer=ACTOR)
    data["agenda"] = data["agenda"][:2]
    return data


@settings(max_examples=120)
@given(section=st.sampled_from(["case", "meeting", "roles", "participants", "relations", "agenda", "decisions",
                                "board", "scores", "goals", "actions", "evaluations", "drawings", "version"]),
       key=st.text(max_size=3) | st.sampled_from(["name", "ring", "date", "kind", "ref", "text", "due", "score",
                                                   "participant", "from", "agenda_item", "answers", "heard",
                                                   "role", "term", "goal", "planned_minutes", "started_at"]),
       value=json_values, remove=st.booleans(), data=st.data())
def test_a_damaged_file_is_loaded_or_refused_in_plain_words(
    module_db: Database, small_file: dict[str, Any], section: str, key: str, value: Any, remove: bool,
    data: st.DataObject,
) -> None:
    damaged = json.loads(json.dumps(small_file))
    target = damaged.get(section)
    if isinstance(target, list) and target:
        target = target[data.draw(st.integers(0, len(target) - 1))]
    if isinstance(target, dict):
        if remove:
            target.pop(key, None)
        else:
            target[key] = value
    else:
        damaged[section] = value
    try:
        loads_meeting(module_db, ACTOR, json.dumps(damaged, ensure_ascii=False))
    except BackupError as error:
        for language in ("da", "en"):
            message = error.message(language)
            assert message and not _LEFT_OVER_PLACEHOLDER.search(message.replace(str(value), ""))
            assert "Error" not in message and "constraint" not in message.lower()
