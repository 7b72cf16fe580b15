"""Carrying a case forward: what a follow-up meeting copies from the meeting before it.

Copying is idempotent: a goal already there (same term and text), an action already carried (same
`carried_from_id`), a person already there (same name, case and spacing ignored) or a tie already
there is not copied again. Scores are never copied: a copied number would look like an answer given
at the new meeting. Only meetings of the same case are copied between.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from facilitation.domain import model as m
from facilitation.domain.people import name_key
from facilitation.domain.validation import ValidationError
from facilitation.domain.words import LANGUAGES, text

REVIEW_TITLES = {language: text("agenda_template.review", language) for language in LANGUAGES}
"""The agenda item under which carried actions are reviewed (as in the follow-up meeting's default agenda)."""
REVIEW_MINUTES = 15


def check_same_case(source: m.Meeting, target: m.Meeting) -> None:
    """Never carry a meeting into itself, nor one family's plan into another case."""
    if source.id == target.id:
        raise ValidationError("copy_to_same_meeting", field="meeting")
    if source.case_id != target.case_id:
        raise ValidationError("copy_across_cases", field="meeting")


def goals_to_copy(source: Sequence[m.Goal], target: Sequence[m.Goal]) -> tuple[m.Goal, ...]:
    """The earlier meeting's goals still worked on that the later one does not have yet (same term and text).

    A goal reached or let go stays with the meeting where that was said; it is not carried again.
    """
    have = {(g.term, g.text) for g in target}
    copies = []
    for goal in source:
        if goal.status == m.GoalStatus.IN_PROGRESS and (goal.term, goal.text) not in have:
            have.add((goal.term, goal.text))
            copies.append(goal)
    return tuple(copies)


def actions_to_carry(source: Sequence[m.Action], target: Sequence[m.Action]) -> tuple[m.Action, ...]:
    """The earlier meeting's open actions not yet carried into the later one, in order."""
    carried = {a.carried_from_id for a in target}
    return tuple(a for a in source if a.status == m.ActionStatus.OPEN and a.id not in carried)


def goal_links(source: Sequence[m.Goal], target: Sequence[m.Goal]) -> dict[int, int | None]:
    """For each earlier goal, the later meeting's goal with the same term and text (if there is one)."""
    later = {(g.term, g.text): g.id for g in target}
    return {g.id: later.get((g.term, g.text)) for g in source}


def needs_review_item(agenda: Sequence[m.AgendaItem]) -> bool:
    """Whether the agenda still lacks the item under which carried actions are reviewed."""
    titles = {title.casefold() for title in REVIEW_TITLES.values()}
    return not any(item.title.casefold() in titles for item in agenda)


def review_title(language: str) -> str:
    """The review item's title in the reader's language (Danish when unknown)."""
    return REVIEW_TITLES.get(language, REVIEW_TITLES["da"])


@dataclass(frozen=True)
class PeopleCopy:
    """Who to copy into the later meeting, and which earlier person is already there as whom."""

    copies: tuple[m.Participant, ...]
    same: Mapping[int, int]  # earlier participant id -> later participant id, for people already there


def people_to_copy(source: Sequence[m.Participant], target: Sequence[m.Participant]) -> PeopleCopy:
    """The earlier meeting's people not in the later one by name, and the matches of those who are."""
    kept: dict[str, int] = {}
    for person in target:
        kept.setdefault(name_key(person.name), person.id)
    copies, same = [], {}
    for person in source:
        existing = kept.get(name_key(person.name))
        if existing is None:
            copies.append(person)
        else:
            same[person.id] = existing
    return PeopleCopy(tuple(copies), same)


def ties_to_add(
    source: Sequence[m.Relation], target: Sequence[m.Relation], people: Mapping[int, int],
) -> tuple[m.Relation, ...]:
    """The earlier ties between people now in the later meeting (ids mapped by `people`), not there yet."""
    ties = {(r.from_id, r.to_id, r.kind) for r in target}
    added = []
    for relation in source:
        start, end = people.get(relation.from_id), people.get(relation.to_id)
        if start is None or end is None or start == end or (start, end, relation.kind) in ties:
            continue
        ties.add((start, end, relation.kind))
        added.append(m.Relation(0, 0, start, end, relation.kind, relation.strained))
    return tuple(added)
