"""Every service that takes text, dates or numbers stores what it is given or refuses it with a ValidationError.

Nothing else may escape: not a database error, not a TypeError, not an OverflowError. The examples, about
1,100 a run, all go to one meeting of one database per module, so the meeting grows as a real one would.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from facilitation import services as s
from facilitation.domain import model as m
from facilitation.domain.validation import ValidationError
from facilitation.storage import Database
from tests.property.strategies import categories, choices, day_in, kinds, number_in, roles, texts, typed

ACTOR = "Line Bech"


@pytest.fixture(scope="module")
def meeting(module_db: Database) -> dict[str, int]:
    """A meeting with one person, one agenda item and one goal for the examples to refer to."""
    case_id = s.create_case(module_db, ACTOR, "Familien Prøve", "Alma", "assessment")
    mid = s.create_meeting(module_db, ACTOR, case_id, "start", date(2026, 3, 2), with_default_agenda=False)
    return {
        "case": case_id, "meeting": mid,
        "person": s.add_participant(module_db, ACTOR, mid, "Sanne"),
        "other": s.add_participant(module_db, ACTOR, mid, "Birthe"),
        "item": s.add_agenda_item(module_db, ACTOR, mid, "Velkommen", 10),
        "goal": s.add_goal(module_db, ACTOR, mid, "short", "En voksen hver aften"),
        "note": s.add_board_item(module_db, ACTOR, mid, "worry", "Aftnerne"),
        "action": s.add_action(module_db, ACTOR, mid, "Lave en plan", "Sanne"),
    }


def stores_or_refuses(call: Callable[[], Any]) -> None:
    """The property: the service stores the value, or refuses it with a ValidationError; nothing else escapes."""
    try:
        call()
    except ValidationError as error:
        assert error.code  # a code the catalogs turn into words
        event(f"refused: {error.code}")
    else:
        event("stored")


@settings(max_examples=120)
@given(name=typed, relation=typed, sector=choices(m.Sector), ring=number_in(m.RING_CLOSEST, m.RING_FURTHEST),
       group=choices(m.Group), attendance=choices(m.Attendance), helps=typed)
def test_adding_a_person_stores_or_refuses_any_input(
    module_db: Database, meeting: dict[str, int], name: str, relation: str, sector: str, ring: Any, group: str,
    attendance: str, helps: str,
) -> None:
    stores_or_refuses(lambda: s.add_participant(
        module_db, ACTOR, meeting["meeting"], name, relation=relation, sector=sector, ring=ring, group=group,
        attendance=attendance, can_help_with=helps,
    ))


@settings(max_examples=60)
@given(fields=st.fixed_dictionaries({}, optional={
    "name": typed, "relation": typed, "ring": number_in(m.RING_CLOSEST, m.RING_FURTHEST), "sector": typed,
    "can_help_with": texts,
}))
def test_editing_a_person_stores_or_refuses_any_input(
    module_db: Database, meeting: dict[str, int], fields: dict[str, Any]
) -> None:
    stores_or_refuses(lambda: s.edit_participant(module_db, ACTOR, meeting["meeting"], meeting["person"], **fields))


@settings(max_examples=40)
@given(kind=typed, strained=st.booleans())
def test_tying_two_people_stores_or_refuses_any_kind_of_relation(
    module_db: Database, meeting: dict[str, int], kind: str, strained: bool
) -> None:
    stores_or_refuses(lambda: s.add_relation(
        module_db, ACTOR, meeting["meeting"], meeting["person"], meeting["other"], kind, strained=strained,
    ))


@settings(max_examples=120)
@given(kind=kinds, text=typed, said_by=typed, category=categories)
def test_a_board_note_stores_or_refuses_any_input(
    module_db: Database, meeting: dict[str, int], kind: str, text: str, said_by: str, category: str
) -> None:
    stores_or_refuses(lambda: s.add_board_item(
        module_db, ACTOR, meeting["meeting"], kind, text, said_by=said_by, category=category,
    ))


@settings(max_examples=40)
@given(text=typed, said_by=typed)
def test_editing_a_board_note_stores_or_refuses_any_input(
    module_db: Database, meeting: dict[str, int], text: str, said_by: str
) -> None:
    stores_or_refuses(lambda: s.edit_board_item(
        module_db, ACTOR, meeting["meeting"], meeting["note"], text=text, said_by=said_by,
    ))


@settings(max_examples=120)
@given(what=typed, who=typed, due=day_in(), coordinator=choices(m.Coordinator), with_goal=st.booleans())
def test_an_action_stores_or_refuses_any_input(
    module_db: Database, meeting: dict[str, int], what: str, who: str, due: Any, coordinator: str, with_goal: bool
) -> None:
    goal = meeting["goal"] if with_goal else None
    stores_or_refuses(lambda: s.add_action(module_db, ACTOR, meeting["meeting"], what, who, due, coordinator, goal))


@settings(max_examples=60)
@given(fields=st.fixed_dictionaries({}, optional={
    "what": typed, "who": typed, "due": day_in(), "coordinator": choices(m.Coordinator),
    "status": choices(m.ActionStatus),
}))
def test_editing_an_action_stores_or_refuses_any_input(
    module_db: Database, meeting: dict[str, int], fields: dict[str, Any]
) -> None:
    stores_or_refuses(lambda: s.edit_action(module_db, ACTOR, meeting["meeting"], meeting["action"], **fields))


@settings(max_examples=80)
@given(term=choices(m.GoalTerm), text=typed, owner=typed)
def test_a_goal_stores_or_refuses_any_input(
    module_db: Database, meeting: dict[str, int], term: str, text: str, owner: str
) -> None:
    stores_or_refuses(lambda: s.add_goal(module_db, ACTOR, meeting["meeting"], term, text, owner))


@settings(max_examples=80)
@given(score=number_in(0, 10), reason=typed)
def test_a_score_stores_or_refuses_any_number_and_reason(
    module_db: Database, meeting: dict[str, int], score: Any, reason: str
) -> None:
    stores_or_refuses(lambda: s.record_score(module_db, ACTOR, meeting["meeting"], meeting["person"], score, reason))


@settings(max_examples=80)
@given(title=typed, minutes=number_in(1, 600), notes=typed, extra=number_in(-30, 30))
def test_the_agenda_stores_or_refuses_any_title_minutes_and_notes(
    module_db: Database, meeting: dict[str, int], title: str, minutes: Any, notes: str, extra: Any
) -> None:
    mid = meeting["meeting"]
    stores_or_refuses(lambda: s.add_agenda_item(module_db, ACTOR, mid, title, minutes))
    stores_or_refuses(lambda: s.edit_agenda_item(module_db, ACTOR, mid, meeting["item"], title=title))
    stores_or_refuses(lambda: s.save_note(module_db, ACTOR, mid, meeting["item"], notes))
    stores_or_refuses(lambda: s.add_minutes(module_db, ACTOR, mid, meeting["item"], extra))


@settings(max_examples=80)
@given(text=typed, under_item=st.booleans())
def test_a_decision_stores_or_refuses_any_text(
    module_db: Database, meeting: dict[str, int], text: str, under_item: bool
) -> None:
    item = meeting["item"] if under_item else None
    stores_or_refuses(lambda: s.add_decision(module_db, ACTOR, meeting["meeting"], text, item))


@settings(max_examples=120)
@given(fields=st.fixed_dictionaries({}, optional={
    "kind": choices(m.MeetingKind), "date": day_in(), "place": typed, "purpose": texts,
    "status": choices(m.MeetingStatus),
}), question=typed, warn=number_in(0, 30), follow_up=day_in())
def test_the_meeting_s_own_fields_store_or_refuse_any_input(
    module_db: Database, meeting: dict[str, int], fields: dict[str, Any], question: str, warn: Any, follow_up: Any
) -> None:
    mid = meeting["meeting"]
    stores_or_refuses(lambda: s.edit_meeting(module_db, ACTOR, mid, **fields))
    stores_or_refuses(lambda: s.set_scale_question(module_db, ACTOR, mid, question))
    stores_or_refuses(lambda: s.set_warn_minutes(module_db, ACTOR, mid, warn))
    stores_or_refuses(lambda: s.set_follow_up_date(module_db, ACTOR, mid, follow_up))


@settings(max_examples=60)
@given(family=typed, child=typed, case_type=choices(m.CaseType), kind=choices(m.MeetingKind), when=day_in(),
       place=typed, purpose=typed)
def test_a_new_case_and_meeting_store_or_refuse_any_input(
    module_db: Database, meeting: dict[str, int], family: str, child: str, case_type: str, kind: str, when: Any,
    place: str, purpose: str,
) -> None:
    stores_or_refuses(lambda: s.create_case(module_db, ACTOR, family, child, case_type))
    stores_or_refuses(lambda: s.create_meeting(
        module_db, ACTOR, meeting["case"], kind, when, place, purpose, with_default_agenda=False,
    ))


@settings(max_examples=60)
@given(role=roles, name=typed, contact=typed)
def test_roles_and_their_contacts_store_or_refuse_any_input(
    module_db: Database, meeting: dict[str, int], role: str, name: str, contact: str
) -> None:
    stores_or_refuses(lambda: s.set_role(module_db, ACTOR, meeting["meeting"], role, name))
    stores_or_refuses(lambda: s.set_role_contact(module_db, ACTOR, meeting["meeting"], role, contact))


@settings(max_examples=60)
@given(respondent=typed, heard=number_in(1, 5), useful=number_in(1, 5), comment=typed)
def test_an_evaluation_answer_stores_or_refuses_any_input(
    module_db: Database, meeting: dict[str, int], respondent: str, heard: Any, useful: Any, comment: str
) -> None:
    stores_or_refuses(lambda: s.record_evaluation(module_db, ACTOR, meeting["meeting"], respondent, heard, useful,
                                                  comment))
