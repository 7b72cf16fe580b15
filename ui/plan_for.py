"""Whom a goal or an action is for, as a choice: the child, a named person of the meeting, or the whole family."""

from __future__ import annotations

from collections.abc import Iterable

from facilitation.domain.model import MeetingRecord, PlanFor
from ui.i18n import label


def plan_choices(record: MeetingRecord, keep: Iterable[str] = ()) -> dict[str, str]:
    """Choice value -> label: the child, each adult on the map, the family; `keep` adds values already in use."""
    child = f"{label('plan_for', PlanFor.CHILD)} ({record.case.child_names})"
    names = [p.name for p in record.participants if not p.is_child]
    names += [name for value in keep if (name := plan_for_of(value)[1]) and name not in names]
    people = {choice_of(PlanFor.PERSON, name): name for name in names}
    return {str(PlanFor.CHILD): child, **people, str(PlanFor.FAMILY): label("plan_for", PlanFor.FAMILY)}


def plan_for_of(choice: str) -> tuple[str, str]:
    """plan_for and plan_for_name of a choice value."""
    kind, _, name = choice.partition(":")
    return (kind, name) if kind == PlanFor.PERSON else (kind or PlanFor.CHILD.value, "")


def choice_of(plan_for: str, name: str = "") -> str:
    """The choice value of a stored plan_for and plan_for_name."""
    return f"{PlanFor.PERSON}:{name}" if plan_for == PlanFor.PERSON else str(plan_for or PlanFor.CHILD)


def whom(plan_for: PlanFor, name: str) -> str:
    """The words for whom something is for, e.g. 'Sanne Juhl' or 'Hele familien' ('' for the child)."""
    if plan_for == PlanFor.CHILD:
        return ""
    return name if plan_for == PlanFor.PERSON else label("plan_for", plan_for)
