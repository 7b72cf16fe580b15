"""Whom a goal or action is for: the child (the default), a named person, or the whole family."""

from __future__ import annotations

import pytest

from facilitation.domain.outcomes import action_values, goal_values, plan_for_values
from facilitation.domain.validation import ValidationError


def test_a_goal_is_for_the_child_unless_said_otherwise() -> None:
    assert plan_for_values({}) == {}
    assert goal_values({"text": "x", "plan_for": None})["plan_for"] == "child"


def test_a_goal_for_a_person_keeps_the_name_and_one_for_the_family_drops_it() -> None:
    assert plan_for_values({"plan_for": "person", "plan_for_name": "  Sanne  Juhl "}) == {
        "plan_for": "person", "plan_for_name": "Sanne Juhl"}
    assert plan_for_values({"plan_for": "family", "plan_for_name": "Sanne"}) == {
        "plan_for": "family", "plan_for_name": ""}


@pytest.mark.parametrize("fields", [{"plan_for": "person"}, {"plan_for": "person", "plan_for_name": " "},
                                    {"plan_for": "neighbour"}])
def test_a_person_without_a_name_or_an_unknown_kind_is_refused(fields: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        action_values({"what": "x", **fields})
