"""Services for cases, meetings and roles, and reading a whole meeting."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from facilitation.domain import model as m
from facilitation.domain.agenda_templates import default_agenda
from facilitation.domain.clock import utcnow
from facilitation.domain.roles import Role
from facilitation.domain.validation import (
    NAME_MAX,
    NOTES_MAX,
    SHORT_MAX,
    NotFoundError,
    a_date,
    choice,
    optional_text,
    single_line,
)
from facilitation.services import _common as c
from facilitation.storage import Database
from facilitation.storage import tables as t


def create_case(db: Database, actor: str, family_name: str, child_names: str, case_type: str) -> int:
    """Open a case for a family; returns its id."""
    row = t.CaseRow(
        family_name=single_line(family_name, "family_name"),
        child_names=single_line(child_names, "child_names"),
        case_type=choice(case_type, m.CaseType, "case_type").value,
        created_at=utcnow(),
    )
    with db.write() as session:
        session.add(row)
        session.flush()
        return int(row.id)


def edit_case(db: Database, actor: str, case_id: int, **fields: str) -> None:
    """Change a case's family name, child names or case type."""
    values: dict[str, str] = {}
    if "family_name" in fields:
        values["family_name"] = single_line(fields["family_name"], "family_name")
    if "child_names" in fields:
        values["child_names"] = single_line(fields["child_names"], "child_names")
    if "case_type" in fields:
        values["case_type"] = choice(fields["case_type"], m.CaseType, "case_type").value
    with db.write() as session:
        row = session.get(t.CaseRow, case_id)
        if row is None:
            raise NotFoundError("case", case_id)
        for name, value in values.items():
            setattr(row, name, value)
        for meeting in session.scalars(select(t.MeetingRow).where(t.MeetingRow.case_id == case_id)):
            meeting.version += 1  # every device showing this case re-renders


def create_meeting(
    db: Database, actor: str, case_id: int, kind: str, when: date | str, place: str = "",
    purpose: str = "", *, language: str = "da", with_default_agenda: bool = True,
) -> int:
    """Plan a meeting of a case, with the default agenda for its kind; returns its id."""
    meeting_kind = choice(kind, m.MeetingKind, "kind")
    row = t.MeetingRow(
        case_id=case_id,
        kind=meeting_kind.value,
        date=a_date(when, "date"),
        place=single_line(place, "place", SHORT_MAX, required=False),
        purpose=optional_text(purpose, "purpose", NOTES_MAX),
        status=m.MeetingStatus.PLANNED.value,
        version=1,
        updated_at=utcnow(),
        updated_by=actor[:NAME_MAX],
    )
    with db.write() as session:
        if session.get(t.CaseRow, case_id) is None:
            raise NotFoundError("case", case_id)
        session.add(row)
        session.flush()
        if with_default_agenda:
            for position, (title, minutes) in enumerate(default_agenda(meeting_kind, language)):
                session.add(t.AgendaItemRow(
                    meeting_id=row.id, title=title, planned_minutes=minutes, position=position,
                    notes="",
                ))
        return int(row.id)


def edit_meeting(db: Database, actor: str, meeting_id: int, **fields: object) -> None:
    """Change a meeting's kind, date, place, purpose or status."""
    values: dict[str, object] = {}
    if "kind" in fields:
        values["kind"] = choice(fields["kind"], m.MeetingKind, "kind").value
    if "date" in fields:
        values["date"] = a_date(fields["date"], "date")
    if "place" in fields:
        values["place"] = single_line(fields["place"], "place", SHORT_MAX, required=False)
    if "purpose" in fields:
        values["purpose"] = optional_text(fields["purpose"], "purpose", NOTES_MAX)
    if "status" in fields:
        values["status"] = choice(fields["status"], m.MeetingStatus, "status").value
    if values:
        with db.edit(meeting_id, actor) as session:
            row = session.get(t.MeetingRow, meeting_id)
            for name, value in values.items():
                setattr(row, name, value)


def delete_meeting(db: Database, actor: str, meeting_id: int) -> None:
    """Delete a meeting and everything recorded in it."""
    with db.write() as session:
        row = session.get(t.MeetingRow, meeting_id)
        if row is None:
            raise NotFoundError("meeting", meeting_id)
        session.delete(row)


def set_role(db: Database, actor: str, meeting_id: int, role: str, caseworker: str) -> None:
    """Give a meeting role to a caseworker; an empty name clears the role."""
    the_role = choice(role, Role, "role")
    name = single_line(caseworker, "caseworker", required=False)
    with db.edit(meeting_id, actor) as session:
        row = session.scalar(
            select(t.RoleRow).where(t.RoleRow.meeting_id == meeting_id, t.RoleRow.role == the_role.value)
        )
        if not name:
            if row is not None:
                session.delete(row)
        elif row is None:
            session.add(t.RoleRow(meeting_id=meeting_id, role=the_role.value, caseworker=name))
        else:
            row.caseworker = name


def list_cases(db: Database) -> list[m.Case]:
    """All cases, newest first."""
    with db.read() as session:
        rows = session.scalars(select(t.CaseRow).order_by(t.CaseRow.id.desc()))
        return [c.case_of(r) for r in rows]


def list_meetings(db: Database, case_id: int) -> list[m.Meeting]:
    """A case's meetings, newest date first."""
    with db.read() as session:
        rows = session.scalars(
            select(t.MeetingRow).where(t.MeetingRow.case_id == case_id)
            .order_by(t.MeetingRow.date.desc(), t.MeetingRow.id.desc())
        )
        return [c.meeting_of(r) for r in rows]


def get_meeting(db: Database, meeting_id: int) -> m.Meeting:
    """One meeting's own fields (without its items)."""
    with db.read() as session:
        row = session.get(t.MeetingRow, meeting_id)
        if row is None:
            raise NotFoundError("meeting", meeting_id)
        return c.meeting_of(row)


def meeting_exists(db: Database, meeting_id: int) -> bool:
    """Whether a meeting with this id exists."""
    return db.version(meeting_id) is not None


def load_meeting(db: Database, meeting_id: int) -> m.MeetingRecord:
    """Everything recorded for a meeting, read in one transaction."""
    with db.read() as session:
        meeting = session.get(t.MeetingRow, meeting_id)
        if meeting is None:
            raise NotFoundError("meeting", meeting_id)
        case = session.get(t.CaseRow, meeting.case_id)
        assert case is not None

        def rows(row_cls: type) -> list:  # type: ignore[type-arg]
            query = select(row_cls).where(row_cls.meeting_id == meeting_id)  # type: ignore[attr-defined]
            if hasattr(row_cls, "position"):
                query = query.order_by(row_cls.position, row_cls.id)  # type: ignore[attr-defined]
            else:
                query = query.order_by(row_cls.id)  # type: ignore[attr-defined]
            return list(session.scalars(query))

        return m.MeetingRecord(
            case=c.case_of(case),
            meeting=c.meeting_of(meeting),
            roles={Role(r.role): r.caseworker for r in rows(t.RoleRow)},
            participants=[c.participant_of(r) for r in rows(t.ParticipantRow)],
            relations=[c.relation_of(r) for r in rows(t.RelationRow)],
            agenda=[c.agenda_item_of(r) for r in rows(t.AgendaItemRow)],
            board=[c.board_item_of(r) for r in rows(t.BoardItemRow)],
            scores=[c.score_of(r) for r in rows(t.ScoreRow)],
            goals=[c.goal_of(r) for r in rows(t.GoalRow)],
            actions=[c.action_of(r) for r in rows(t.ActionRow)],
            evaluations=[c.evaluation_of(r) for r in rows(t.EvaluationRow)],
            decisions=[c.decision_of(r) for r in rows(t.DecisionRow)],
            contacts={Role(r.role): r.contact for r in rows(t.RoleRow) if r.contact},
        )
