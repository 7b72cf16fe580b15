"""Shared mechanics of the services: row conversion, one-row edits, dense ordering."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.orm import Session

from facilitation.domain import model as m
from facilitation.domain.validation import NotFoundError
from facilitation.storage import Database
from facilitation.storage import tables as t


def case_of(row: t.CaseRow) -> m.Case:
    """The domain Case of a row."""
    return m.Case(row.id, row.family_name, row.child_names, m.CaseType(row.case_type))


def meeting_of(row: t.MeetingRow) -> m.Meeting:
    """The domain Meeting of a row."""
    return m.Meeting(
        row.id, row.case_id, m.MeetingKind(row.kind), row.date, row.place, row.purpose,
        m.MeetingStatus(row.status), row.version, row.scale_question, row.show_three_houses,
        screen=row.screen, curtain=row.curtain, warn_minutes=row.warn_minutes,
        follow_up_date=row.follow_up_date,
    )


def participant_of(row: t.ParticipantRow) -> m.Participant:
    """The domain Participant of a row."""
    return m.Participant(
        row.id, row.meeting_id, row.name, row.relation, m.Sector(row.sector), row.ring,
        m.Group(row.group), m.Attendance(row.attendance), row.can_help_with, row.position,
    )


def relation_of(row: t.RelationRow) -> m.Relation:
    """The domain Relation of a row."""
    return m.Relation(row.id, row.meeting_id, row.from_id, row.to_id, row.kind, row.strained)


def agenda_item_of(row: t.AgendaItemRow) -> m.AgendaItem:
    """The domain AgendaItem of a row."""
    return m.AgendaItem(
        row.id, row.meeting_id, row.title, row.planned_minutes, row.position,
        row.started_at, row.ended_at, row.notes,
        paused_at=row.paused_at, paused_seconds=row.paused_seconds, extra_minutes=row.extra_minutes,
    )


def decision_of(row: t.DecisionRow) -> m.Decision:
    """The domain Decision of a row."""
    return m.Decision(row.id, row.meeting_id, row.agenda_item_id, row.text, row.position)


def board_item_of(row: t.BoardItemRow) -> m.BoardItem:
    """The domain BoardItem of a row."""
    return m.BoardItem(
        row.id, row.meeting_id, m.BoardKind(row.kind), row.text, row.position,
        row.said_by, row.category, row.answers_id,
    )


def score_of(row: t.ScoreRow) -> m.Score:
    """The domain Score of a row."""
    return m.Score(row.id, row.meeting_id, row.participant_id, row.score, row.reason)


def goal_of(row: t.GoalRow) -> m.Goal:
    """The domain Goal of a row."""
    return m.Goal(
        row.id, row.meeting_id, m.GoalTerm(row.term), row.text, row.owner, row.position, row.safety_goal_id
    )


def action_of(row: t.ActionRow) -> m.Action:
    """The domain Action of a row."""
    return m.Action(
        row.id, row.meeting_id, row.what, row.who, row.due, m.Coordinator(row.coordinator),
        m.ActionStatus(row.status), row.goal_id, row.position, row.carried_from_id,
    )


def evaluation_of(row: t.EvaluationRow) -> m.Evaluation:
    """The domain Evaluation of a row."""
    return m.Evaluation(row.id, row.meeting_id, row.respondent, row.heard, row.useful, row.comment)


def next_position(session: Session, row_cls: Any, meeting_id: int, *scope: ColumnElement[bool]) -> int:
    """The position after the last item of the meeting (within an optional scope)."""
    last = session.scalar(
        select(func.max(row_cls.position)).where(row_cls.meeting_id == meeting_id, *scope)
    )
    return 0 if last is None else last + 1


def insert_row(db: Database, actor: str, meeting_id: int, row: Any) -> int:
    """Insert one row into a meeting and return its id."""
    row.meeting_id = meeting_id
    with db.edit(meeting_id, actor) as session:
        if hasattr(row, "position") and row.position is None:
            row.position = next_position(
                session, type(row), meeting_id, *_clauses(type(row), _scope_of(row))
            )
        session.add(row)
        session.flush()
        return int(row.id)


def update_row(db: Database, actor: str, meeting_id: int, row_cls: Any, item_id: int, **values: Any) -> None:
    """Update one row of a meeting; a row of another meeting is never touched."""
    if not values:
        with db.read() as session:
            owned_row(session, row_cls, meeting_id, item_id)  # an empty edit still names a real item
        return
    with db.edit(meeting_id, actor) as session:
        result = session.execute(
            update(row_cls)
            .where(row_cls.id == item_id, row_cls.meeting_id == meeting_id)
            .values(**values)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            raise NotFoundError(row_cls.__tablename__, item_id)


def delete_row(db: Database, actor: str, meeting_id: int, row_cls: Any, item_id: int) -> None:
    """Delete one row of a meeting and close the gap in the order it leaves."""
    with db.edit(meeting_id, actor) as session:
        row = owned_row(session, row_cls, meeting_id, item_id)
        scope = _scope_of(row)
        session.delete(row)
        session.flush()
        if hasattr(row_cls, "position"):
            _renumber(session, row_cls, meeting_id, scope, [])


def move_row(
    db: Database, actor: str, meeting_id: int, row_cls: Any, item_id: int, to_index: int,
    **new_scope: Any,
) -> None:
    """Move an item to `to_index` within its scope (or into `new_scope`), keeping order dense."""
    with db.edit(meeting_id, actor) as session:
        move_in_session(session, meeting_id, row_cls, item_id, to_index, **new_scope)


def move_in_session(
    session: Session, meeting_id: int, row_cls: Any, item_id: int, to_index: int, **new_scope: Any
) -> Any:
    """The body of move_row, for services that do more in the same transaction; returns the row."""
    row = owned_row(session, row_cls, meeting_id, item_id)
    old_scope = _scope_of(row)
    for name, value in new_scope.items():
        setattr(row, name, value)
    session.flush()
    scope = _scope_of(row)
    if old_scope != scope:
        _renumber(session, row_cls, meeting_id, old_scope, [])
    _renumber(session, row_cls, meeting_id, scope, [(row, to_index)])
    return row


def owned_row(session: Session, row_cls: Any, meeting_id: int, item_id: int) -> Any:
    """The row with this id if it belongs to the meeting, else NotFoundError."""
    row = session.get(row_cls, item_id)
    if row is None or row.meeting_id != meeting_id:
        raise NotFoundError(row_cls.__tablename__, item_id)
    return row


_SCOPES: dict[type, tuple[str, ...]] = {t.BoardItemRow: ("kind",), t.GoalRow: ("term",)}


def _scope_of(row: Any) -> dict[str, Any]:
    """Items are ordered per meeting; board items per column, goals per term."""
    return {name: getattr(row, name) for name in _SCOPES.get(type(row), ())}


def _clauses(row_cls: Any, scope: dict[str, Any]) -> list[ColumnElement[bool]]:
    return [getattr(row_cls, name) == value for name, value in scope.items()]


def _renumber(
    session: Session, row_cls: Any, meeting_id: int, scope: dict[str, Any],
    placed: list[tuple[Any, int]],
) -> None:
    rows = list(
        session.scalars(
            select(row_cls).where(row_cls.meeting_id == meeting_id, *_clauses(row_cls, scope))
            .order_by(row_cls.position, row_cls.id)
        )
    )
    for row, index in placed:
        rows.remove(row)
        rows.insert(max(0, min(index, len(rows))), row)
    for position, row in enumerate(rows):
        if row.position != position:
            row.position = position
