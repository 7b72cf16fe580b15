"""Row <-> domain mapping: which table holds each kind of meeting item, and the domain value of a row."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from facilitation.domain import model as m
from facilitation.domain.support import from_stored
from facilitation.storage import tables as t

Item = TypeVar(
    "Item", m.Participant, m.Relation, m.AgendaItem, m.Decision, m.BoardItem, m.Score, m.Goal, m.Action,
    m.Evaluation, m.Drawing,
)


def case_of(row: t.CaseRow) -> m.Case:
    """The domain Case of a row."""
    return m.Case(row.id, row.family_name, row.child_names, m.CaseType(row.case_type))


def meeting_of(row: t.MeetingRow) -> m.Meeting:
    """The domain Meeting of a row."""
    return m.Meeting(
        row.id, row.case_id, m.MeetingKind(row.kind), row.date, row.place, row.purpose,
        m.MeetingStatus(row.status), row.version, row.scale_question, row.show_three_houses,
        screen=row.screen, curtain=row.curtain, warn_minutes=row.warn_minutes,
        follow_up_date=row.follow_up_date, start_time=row.start_time, end_time=row.end_time,
        follow_up_start=row.follow_up_start, follow_up_end=row.follow_up_end, follow_up_place=row.follow_up_place,
    )


def participant_of(row: t.ParticipantRow) -> m.Participant:
    """The domain Participant of a row."""
    return m.Participant(
        row.id, row.meeting_id, row.name, row.relation, m.Sector(row.sector), row.ring,
        m.Group(row.group), m.Attendance(row.attendance), row.can_help_with, row.position,
        standard_relation=row.standard_relation, supports=from_stored(row.supports), could_be_asked=row.could_be_asked,
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
        row.id, row.meeting_id, m.GoalTerm(row.term), row.text, row.owner, row.position, row.safety_goal_id,
        m.PlanFor(row.plan_for), row.plan_for_name, row.progress, m.GoalStatus(row.status), row.carried_from_id,
    )


def action_of(row: t.ActionRow) -> m.Action:
    """The domain Action of a row."""
    return m.Action(
        row.id, row.meeting_id, row.what, row.who, row.due, m.Coordinator(row.coordinator),
        m.ActionStatus(row.status), row.goal_id, row.position, row.carried_from_id,
        m.PlanFor(row.plan_for), row.plan_for_name,
    )


def evaluation_of(row: t.EvaluationRow) -> m.Evaluation:
    """The domain Evaluation of a row."""
    return m.Evaluation(row.id, row.meeting_id, row.respondent, row.heard, row.useful, row.comment)


def drawing_of(row: Any) -> m.Drawing:
    """The domain Drawing (its summary) of a row or of a selected summary tuple."""
    # An unknown background name (a damaged row) shows as white paper rather than breaking the list.
    known = row.background in set(m.DrawingBackground)
    background = m.DrawingBackground(row.background) if known else m.DrawingBackground.BLANK
    return m.Drawing(row.id, row.meeting_id, row.name, row.position, background, row.revision)


TABLES: dict[type[Any], type[Any]] = {
    m.Participant: t.ParticipantRow, m.Relation: t.RelationRow, m.AgendaItem: t.AgendaItemRow,
    m.Decision: t.DecisionRow, m.BoardItem: t.BoardItemRow, m.Score: t.ScoreRow, m.Goal: t.GoalRow,
    m.Action: t.ActionRow, m.Evaluation: t.EvaluationRow, m.Drawing: t.DrawingRow,
}
"""The table that holds each kind of meeting item."""

MAPPERS: dict[type[Any], Callable[[Any], Any]] = {
    m.Participant: participant_of, m.Relation: relation_of, m.AgendaItem: agenda_item_of,
    m.Decision: decision_of, m.BoardItem: board_item_of, m.Score: score_of, m.Goal: goal_of,
    m.Action: action_of, m.Evaluation: evaluation_of, m.Drawing: drawing_of,
}

SCOPES: dict[type[Any], tuple[str, ...]] = {m.BoardItem: ("kind",), m.Goal: ("term",)}
"""Items are ordered per meeting; board items per column, goals per term."""


def table_of(kind: type[Any]) -> type[Any]:
    """The row class holding items of a domain kind."""
    return TABLES[kind]


def item_of(kind: type[Item], row: Any) -> Item:
    """The domain value of a row of `kind`'s table."""
    return MAPPERS[kind](row)  # type: ignore[no-any-return]  # the registry pairs each kind with its mapper
