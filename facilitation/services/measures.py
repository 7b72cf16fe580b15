"""Measures on a case, and the follow-up cadence they give (facilitation.domain.measures has the rules)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from facilitation import settings
from facilitation.domain import measures as rules
from facilitation.domain import model as m
from facilitation.domain.access import Actor
from facilitation.domain.cadence import next_follow_up
from facilitation.domain.measures import CaseRule, Measure
from facilitation.storage import Database
from facilitation.storage import measures as store

__all__ = ["add_measure", "case_rule_of", "edit_measure", "follow_up_of", "list_measures", "remove_measure"]


def list_measures(db: Database, case_id: int, *, viewer: Actor) -> tuple[Measure, ...]:
    """The case's measures in their order (NotFoundError for a case the viewer may not see)."""
    return store.measures_of(db, viewer, case_id)


def add_measure(
    db: Database, actor: Actor, case_id: int, *, what: str, legal_basis: str, start: date | str,
    step: str, provider: str = "", end: date | str | None = None, goal_id: int | None = None,
    ladder: Sequence[str] | None = None,
) -> int:
    """Put a measure on a case, on a step of the ladder (the configured one unless given); returns its id."""
    values = rules.measure_values({"what": what, "legal_basis": legal_basis, "provider": provider, "start": start,
                                   "end": end, "goal_id": goal_id, "step": step},
                                  settings.ladder() if ladder is None else ladder)
    return store.insert_measure(db, actor, case_id, values)


def edit_measure(
    db: Database, actor: Actor, measure_id: int, *, ladder: Sequence[str] | None = None,
    **fields: object,
) -> None:
    """Change a measure's what, legal basis, provider, start, end, goal or step (an end ends it).

    A new step must be on the ladder (the configured one unless given); a step the measure already has is kept
    even when the ladder no longer holds it, so editing an older measure's dates never fails on its step.
    """
    ladder = settings.ladder() if ladder is None else tuple(ladder)
    changes = {k: v for k, v in fields.items() if k in rules.MEASURE_FIELDS}
    if "step" in changes and changes["step"] not in ladder and changes["step"] == store.step_of(db, actor, measure_id):
        del changes["step"]
    values = rules.measure_values(changes, ladder)
    if values:
        store.update_measure(db, actor, measure_id, values)


def remove_measure(db: Database, actor: Actor, measure_id: int) -> None:
    """Take a measure off its case (one entered by mistake; a measure that stopped gets an end date)."""
    store.delete_measure(db, actor, measure_id)


def case_rule_of(case: m.Case, measures: Sequence[Measure], today: date) -> CaseRule:
    """The case type, and so the cadence, the case's measures give today, with the reason."""
    return rules.case_rule(measures, today, case.case_type)


def follow_up_of(meeting: m.Meeting, rule: CaseRule) -> date:
    """The meeting's agreed follow-up date (the caseworker's override), else the date the rule's cadence gives."""
    return meeting.follow_up_date or next_follow_up(meeting.date, rule.case_type)
