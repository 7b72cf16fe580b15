"""Cases and meetings: creating, changing, listing and deleting them, and reading a whole meeting."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from types import MappingProxyType
from typing import Any

from sqlalchemy import select

from facilitation.domain import model as m
from facilitation.domain.clock import utcnow
from facilitation.domain.roles import Role
from facilitation.domain.validation import NAME_MAX, NotFoundError, ValidationError
from facilitation.storage import rows
from facilitation.storage import tables as t
from facilitation.storage.engine import Database


def insert_case(db: Database, values: Mapping[str, Any]) -> int:
    """Store a new case (checked values); returns its id."""
    row = t.CaseRow(created_at=utcnow(), **values)
    with db.write() as session:
        session.add(row)
        session.flush()
        return int(row.id)


def update_case(db: Database, case_id: int, values: Mapping[str, Any]) -> None:
    """Change a case's fields; every meeting of the case gets a new version, so its devices re-render."""
    with db.write() as session:
        row = session.get(t.CaseRow, case_id)
        if row is None:
            raise NotFoundError("case", case_id)
        for name, value in values.items():
            setattr(row, name, value)
        for meeting in session.scalars(select(t.MeetingRow).where(t.MeetingRow.case_id == case_id)):
            meeting.version += 1


def insert_meeting(
    db: Database, actor: str, case_id: int, values: Mapping[str, Any], agenda: Sequence[tuple[str, int]] = (),
) -> int:
    """Store a new meeting of a case with its first agenda items, in one transaction; returns its id."""
    with db.write() as session:
        if session.get(t.CaseRow, case_id) is None:
            raise NotFoundError("case", case_id)
        row = t.MeetingRow(
            case_id=case_id, status=m.MeetingStatus.PLANNED.value, version=1, updated_at=utcnow(),
            updated_by=actor[:NAME_MAX], **values,
        )
        session.add(row)
        session.flush()
        for position, (title, minutes) in enumerate(agenda):
            session.add(t.AgendaItemRow(
                meeting_id=row.id, title=title, planned_minutes=minutes, position=position, notes="",
            ))
        return int(row.id)


def delete_meeting(db: Database, meeting_id: int) -> None:
    """Delete a meeting and everything recorded in it."""
    with db.write() as session:
        row = session.get(t.MeetingRow, meeting_id)
        if row is None:
            raise NotFoundError("meeting", meeting_id)
        session.delete(row)


def set_role(db: Database, actor: str, meeting_id: int, role: Role, caseworker: str) -> None:
    """Give a meeting role to a caseworker; an empty name clears the role (and its contact)."""
    with db.edit(meeting_id, actor) as session:
        row = _role_row(session, meeting_id, role)
        if not caseworker:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(t.RoleRow(meeting_id=meeting_id, role=role.value, caseworker=caseworker))
        else:
            row.caseworker = caseworker


def set_role_contact(db: Database, actor: str, meeting_id: int, role: Role, contact: str) -> None:
    """Store how to reach the caseworker holding a role; refused (nothing stored) when nobody holds it."""
    with db.edit(meeting_id, actor) as session:
        row = _role_row(session, meeting_id, role)
        if row is None:
            raise ValidationError("role_not_held", field="role")
        row.contact = contact


def all_cases(db: Database) -> list[m.Case]:
    """All cases, newest first."""
    with db.read() as session:
        return [rows.case_of(r) for r in session.scalars(select(t.CaseRow).order_by(t.CaseRow.id.desc()))]


def meetings_of(db: Database, case_id: int) -> list[m.Meeting]:
    """A case's meetings, newest date first."""
    with db.read() as session:
        found = session.scalars(
            select(t.MeetingRow).where(t.MeetingRow.case_id == case_id)
            .order_by(t.MeetingRow.date.desc(), t.MeetingRow.id.desc())
        )
        return [rows.meeting_of(r) for r in found]


def meeting(db: Database, meeting_id: int) -> m.Meeting:
    """One meeting's own fields (without its items), else NotFoundError."""
    with db.read() as session:
        row = session.get(t.MeetingRow, meeting_id)
        if row is None:
            raise NotFoundError("meeting", meeting_id)
        return rows.meeting_of(row)


def record(db: Database, meeting_id: int) -> m.MeetingRecord:
    """Everything recorded for a meeting, read in one transaction, as deeply immutable values."""
    with db.read() as session:
        meeting_row = session.get(t.MeetingRow, meeting_id)
        if meeting_row is None:
            raise NotFoundError("meeting", meeting_id)
        case = session.get(t.CaseRow, meeting_row.case_id)
        assert case is not None  # a meeting's case is deleted with it

        def items(kind: type[rows.Item]) -> tuple[rows.Item, ...]:
            table = rows.table_of(kind)
            order = (table.position, table.id) if hasattr(table, "position") else (table.id,)
            found = session.scalars(select(table).where(table.meeting_id == meeting_id).order_by(*order))
            return tuple(rows.item_of(kind, row) for row in found)

        role_rows = list(session.scalars(
            select(t.RoleRow).where(t.RoleRow.meeting_id == meeting_id).order_by(t.RoleRow.id)
        ))
        return m.MeetingRecord(
            case=rows.case_of(case),
            meeting=rows.meeting_of(meeting_row),
            roles=MappingProxyType({Role(r.role): r.caseworker for r in role_rows}),
            participants=items(m.Participant),
            relations=items(m.Relation),
            agenda=items(m.AgendaItem),
            board=items(m.BoardItem),
            scores=items(m.Score),
            goals=items(m.Goal),
            actions=items(m.Action),
            evaluations=items(m.Evaluation),
            decisions=items(m.Decision),
            contacts=MappingProxyType({Role(r.role): r.contact for r in role_rows if r.contact}),
        )


def scored_rounds(
    db: Database, case_id: int, until: date | None = None,
) -> list[tuple[m.Meeting, tuple[tuple[str, int], ...]]]:
    """Each scored meeting of a case (up to `until`), oldest first, with its (name, score) answers."""
    with db.read() as session:
        if session.get(t.CaseRow, case_id) is None:
            raise NotFoundError("case", case_id)
        query = (
            select(t.MeetingRow, t.ParticipantRow.name, t.ScoreRow.score)
            .join(t.ScoreRow, t.ScoreRow.meeting_id == t.MeetingRow.id)
            .join(t.ParticipantRow, t.ParticipantRow.id == t.ScoreRow.participant_id)
            .where(t.MeetingRow.case_id == case_id)
            .order_by(t.MeetingRow.date, t.MeetingRow.id, t.ParticipantRow.position, t.ParticipantRow.id)
        )
        if until is not None:
            query = query.where(t.MeetingRow.date <= until)
        found: dict[int, tuple[m.Meeting, list[tuple[str, int]]]] = {}
        for meeting_row, name, score in session.execute(query):
            found.setdefault(meeting_row.id, (rows.meeting_of(meeting_row), []))[1].append((name, score))
    return [(meeting_value, tuple(answers)) for meeting_value, answers in found.values()]


def _role_row(session: Any, meeting_id: int, role: Role) -> t.RoleRow | None:
    return session.scalar(  # type: ignore[no-any-return]  # Session.scalar is typed Any for a select of a row class
        select(t.RoleRow).where(t.RoleRow.meeting_id == meeting_id, t.RoleRow.role == role.value)
    )
