"""The minute's "Familiens plan": the goals and actions grouped by whom they are for, so each adult finds their part.

Used instead of the plain goals section as soon as one goal or action is for someone other than the child:
first the child, then each named person in the order they first appear, then the whole family.
"""

from __future__ import annotations

from docx.document import Document

from export import docx_kit as k
from export.minute_names import Names
from export.minute_sections import goal_details
from export.minute_text import Words
from facilitation.domain.model import Action, ActionStatus, BoardKind, Goal, GoalTerm, MeetingRecord, PlanFor

Owner = tuple[PlanFor, str]  # whom: the kind, and the person's name for PERSON


def for_whom(item: Goal | Action) -> Owner:
    """Whom a goal or action is for, as a key to group by."""
    return (item.plan_for, item.plan_for_name if item.plan_for == PlanFor.PERSON else "")


def _items(record: MeetingRecord) -> list[Goal | Action]:
    return [*record.goals, *record.actions]


def is_whole_family_plan(record: MeetingRecord) -> bool:
    """Whether any goal or action is for someone other than the child."""
    return any(for_whom(item)[0] != PlanFor.CHILD for item in _items(record))


def groups(record: MeetingRecord) -> list[Owner]:
    """Everyone the plan is for: the child, the named people in order of first mention, then the family."""
    named = dict.fromkeys(for_whom(item) for item in _items(record) if item.plan_for == PlanFor.PERSON)
    found = {for_whom(item) for item in _items(record)}
    return ([(PlanFor.CHILD, "")] if (PlanFor.CHILD, "") in found else []) + list(named) + (
        [(PlanFor.FAMILY, "")] if (PlanFor.FAMILY, "") in found else [])


def family_plan(document: Document, record: MeetingRecord, names: Names, words: Words, child: str) -> None:
    """'Familiens plan': per person, their goals (short and long term) and the actions agreed for them."""
    k.heading(document, words("minute.family_plan"))
    k.paragraphs(document, words("minute.family_plan_intro"), size=10)
    safety_goals = {b.id: b.text for b in record.board_column(BoardKind.SAFETY_GOAL)}
    for owner in groups(record):
        k.heading(document, _owner_title(owner, names, words, child), 2)
        theirs = [g for g in record.goals if for_whom(g) == owner]
        for goal in sorted(theirs, key=lambda g: (list(GoalTerm).index(g.term), g.position)):
            paragraph = document.add_paragraph(style="List Bullet")
            k.text(paragraph, words.label("term", goal.term) + ": ", bold=True, color=k.MUTED, size=10)
            k.text(paragraph, names.free(goal.text))
            details = goal_details(goal, safety_goals, names, words)
            if details:
                k.text(paragraph, "\n" + "\n".join(details), size=9.5, color=k.MUTED)
        for action in (a for a in record.actions if for_whom(a) == owner and a.status == ActionStatus.OPEN):
            paragraph = document.add_paragraph(style="List Bullet")
            k.text(paragraph, words("minute.plan_action") + ": ", bold=True, color=k.MUTED, size=10)
            k.text(paragraph, names.free(action.what))
            when = words.long_date(action.due) if action.due else ""
            who = names.free(action.who)
            agreed = " · ".join(part for part in (who, when) if part)
            if agreed:
                k.text(paragraph, f"\n{agreed}", size=9.5, color=k.MUTED)


def _owner_title(owner: Owner, names: Names, words: Words, child: str) -> str:
    kind, name = owner
    if kind == PlanFor.CHILD:
        return words("minute.plan_for", name=child)
    if kind == PlanFor.FAMILY:
        return words("minute.plan_for_family")
    return words("minute.plan_for", name=names.person(name))
