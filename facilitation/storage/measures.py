"""The measures on a case: listing, adding, changing and removing them.

Each function checks, in its own transaction, that the actor may reach the case (access_rows); every change
is logged and gives every meeting of the case a new version, so its open devices re-render.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from facilitation.domain.access import AccessKind, Actor
from facilitation.domain.clock import utcnow
from facilitation.domain.measures import MEASURES_MAX, LegalBasis, Measure
from facilitation.domain.validation import NotFoundError, ValidationError, room_for_one_more
from facilitation.storage import access_rows
from facilitation.storage import tables as t
from facilitation.storage.engine import Database


def measure_of(row: t.MeasureRow) -> Measure:
    """The domain Measure of a row."""
    return Measure(row.id, row.case_id, row.what, LegalBasis(row.legal_basis), row.provider, row.start, row.end,
                   row.goal_id, row.step, row.position)


def measures_in(session: Session, case_id: int) -> tuple[Measure, ...]:
    """Inside an open transaction (access already checked): a case's measures in their order."""
    found = session.scalars(select(t.MeasureRow).where(t.MeasureRow.case_id == case_id)
                            .order_by(t.MeasureRow.position, t.MeasureRow.id))
    return tuple(measure_of(row) for row in found)


def measures_of(db: Database, viewer: Actor, case_id: int) -> tuple[Measure, ...]:
    """A case's measures in their order (NotFoundError for a case the viewer may not see)."""
    with db.read() as session:
        access_rows.check_case(session, viewer, case_id)
        return measures_in(session, case_id)


def step_of(db: Database, actor: Actor, measure_id: int) -> str:
    """The ladder step a measure has now (NotFoundError for one the actor may not reach)."""
    with db.read() as session:
        return str(_measure_row(session, actor, measure_id).step)


def add_measure_row(session: Session, case_id: int, values: Mapping[str, Any]) -> int:
    """Inside an open transaction (access already checked): add a measure last; returns its id."""
    last = session.scalar(select(func.max(t.MeasureRow.position)).where(t.MeasureRow.case_id == case_id))
    row = t.MeasureRow(case_id=case_id, position=(last if last is not None else -1) + 1, **values)
    session.add(row)
    session.flush()
    return int(row.id)


def insert_measure(db: Database, actor: Actor, case_id: int, values: Mapping[str, Any]) -> int:
    """Store a new measure (checked values) on a case; returns its id."""
    with db.write() as session:
        access_rows.check_case(session, actor, case_id)
        count = session.scalar(select(func.count()).select_from(t.MeasureRow).where(t.MeasureRow.case_id == case_id))
        room_for_one_more(int(count or 0), MEASURES_MAX, "too_many_measures")
        _check_goal(session, case_id, values.get("goal_id"))
        measure_id = add_measure_row(session, case_id, values)
        _changed(session, actor, case_id, "add_measure")
        return measure_id


def update_measure(db: Database, actor: Actor, measure_id: int, values: Mapping[str, Any]) -> None:
    """Change a measure's fields (checked values)."""
    with db.write() as session:
        row = _measure_row(session, actor, measure_id)
        _check_goal(session, row.case_id, values.get("goal_id"))
        for name, value in values.items():
            setattr(row, name, value)
        if row.end is not None and row.end < row.start:
            raise ValidationError("end_before_start", field="end")
        _changed(session, actor, row.case_id, "edit_measure")


def delete_measure(db: Database, actor: Actor, measure_id: int) -> None:
    """Remove a measure from its case."""
    with db.write() as session:
        row = _measure_row(session, actor, measure_id)
        case_id = row.case_id
        session.delete(row)
        _changed(session, actor, case_id, "remove_measure")


def _measure_row(session: Session, actor: Actor, measure_id: int) -> t.MeasureRow:
    row = session.get(t.MeasureRow, measure_id)
    if row is None:
        raise NotFoundError("measure", measure_id)
    try:
        access_rows.check_case(session, actor, row.case_id)
    except NotFoundError:
        raise NotFoundError("measure", measure_id) from None
    return row


def _check_goal(session: Session, case_id: int, goal_id: object) -> None:
    """A measure serves a goal of a meeting of its own case, never another case's."""
    if goal_id is None:
        return
    found = session.scalar(select(t.GoalRow.id).join(t.MeetingRow, t.MeetingRow.id == t.GoalRow.meeting_id)
                           .where(t.GoalRow.id == goal_id, t.MeetingRow.case_id == case_id))
    if found is None:
        raise NotFoundError("goal", goal_id)


def _changed(session: Session, actor: Actor, case_id: int, detail: str) -> None:
    access_rows.add_caseworker_line(session, utcnow(), actor, AccessKind.EDIT, case_id=case_id, detail=detail)
    for meeting in session.scalars(select(t.MeetingRow).where(t.MeetingRow.case_id == case_id)):
        meeting.version += 1
