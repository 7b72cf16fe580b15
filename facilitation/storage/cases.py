"""Cases and meetings: creating, changing, listing and deleting them, and reading a whole meeting.

Each function checks, in its own transaction, that a caseworker actor is a member of the case
(facilitation.storage.access_rows); a case they are not a member of is as missing as a deleted one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from types import MappingProxyType
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitation.domain import model as m
from facilitation.domain.access import AccessKind, Actor, Caseworker, MemberRole, actor_name
from facilitation.domain.clock import utcnow
from facilitation.domain.goal_progress import MeetingGoals, measure_goals
from facilitation.domain.roles import Role
from facilitation.domain.validation import NAME_MAX, ValidationError
from facilitation.storage import access_rows, rows
from facilitation.storage import tables as t
from facilitation.storage.engine import Database
from facilitation.storage.measures import measures_in


def insert_case(db: Database, actor: Actor, values: Mapping[str, Any]) -> int:
    """Store a new case (checked values); a caseworker creating it becomes its primary member. Returns its id."""
    now = utcnow()
    row = t.CaseRow(created_at=now, **values)
    with db.write() as session:
        session.add(row)
        session.flush()
        if isinstance(actor, Caseworker):
            session.add(t.CaseMemberRow(
                case_id=row.id, caseworker_id=actor.id, role=MemberRole.PRIMARY.value, added_at=now,
            ))
            access_rows.add_caseworker_line(session, now, actor, AccessKind.EDIT, case_id=row.id,
                                            detail="create_case")
        return int(row.id)


def update_case(db: Database, actor: Actor, case_id: int, values: Mapping[str, Any]) -> None:
    """Change a case's fields; every meeting of the case gets a new version, so its devices re-render."""
    with db.write() as session:
        row = access_rows.check_case(session, actor, case_id)
        access_rows.add_caseworker_line(session, utcnow(), actor, AccessKind.EDIT, case_id=case_id,
                                        detail="edit_case")
        for name, value in values.items():
            setattr(row, name, value)
        for meeting in session.scalars(select(t.MeetingRow).where(t.MeetingRow.case_id == case_id)):
            meeting.version += 1
            db.announce(session, meeting.id)


def insert_meeting(
    db: Database, actor: Actor, case_id: int, values: Mapping[str, Any], agenda: Sequence[tuple[str, int]] = (),
) -> int:
    """Store a new meeting of a case with its first agenda items, in one transaction; returns its id."""
    with db.write() as session:
        return add_meeting(session, actor, case_id, values, agenda)


def add_meeting(
    session: Session, actor: Actor, case_id: int, values: Mapping[str, Any], agenda: Sequence[tuple[str, int]] = (),
) -> int:
    """Add a new meeting of a case with its first agenda items to an open transaction; returns its id."""
    now = utcnow()
    access_rows.check_case(session, actor, case_id)
    row = t.MeetingRow(
        case_id=case_id, status=m.MeetingStatus.PLANNED.value, version=1, updated_at=now,
        updated_by=actor_name(actor)[:NAME_MAX], **values,
    )
    session.add(row)
    session.flush()
    access_rows.add_caseworker_line(session, now, actor, AccessKind.EDIT, case_id=case_id,
                                    meeting_id=row.id, detail="create_meeting")
    for position, (title, minutes) in enumerate(agenda):
        session.add(t.AgendaItemRow(
            meeting_id=row.id, title=title, planned_minutes=minutes, position=position, notes="",
        ))
    session.flush()
    return int(row.id)


def delete_meeting(db: Database, actor: Actor, meeting_id: int) -> None:
    """Delete a meeting and everything recorded in it."""
    with db.write() as session:
        row = access_rows.check_meeting(session, actor, meeting_id)
        access_rows.add_caseworker_line(session, utcnow(), actor, AccessKind.EDIT, case_id=row.case_id,
                                        meeting_id=meeting_id, detail="delete_meeting")
        session.delete(row)
        db.announce(session, meeting_id)  # its devices say it is gone


def delete_case(db: Database, actor: Actor, case_id: int) -> None:
    """Delete a case with all its meetings, items and pictures; the log keeps who deleted it and when."""
    with db.write() as session:
        row = access_rows.check_case(session, actor, case_id)
        for meeting_id in session.scalars(select(t.MeetingRow.id).where(t.MeetingRow.case_id == case_id)):
            db.announce(session, meeting_id)  # its devices say it is gone
        session.delete(row)  # the database cascades to meetings, items, drawings, members, pairings
        access_rows.add_actor_line(session, utcnow(), actor, AccessKind.DELETE, case_id=case_id)


def set_role(db: Database, actor: Actor, meeting_id: int, role: Role, caseworker: str) -> None:
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


def set_role_contact(db: Database, actor: Actor, meeting_id: int, role: Role, contact: str) -> None:
    """Store how to reach the caseworker holding a role; refused (nothing stored) when nobody holds it."""
    with db.edit(meeting_id, actor) as session:
        row = _role_row(session, meeting_id, role)
        if row is None:
            raise ValidationError("role_not_held", field="role")
        row.contact = contact


def all_cases(db: Database, viewer: Actor) -> list[m.Case]:
    """The cases the viewer may see (a caseworker: those they are a member of), newest first."""
    with db.read() as session:
        query = select(t.CaseRow).where(access_rows.member_of_case(t.CaseRow.id, viewer)).order_by(t.CaseRow.id.desc())
        return [rows.case_of(r) for r in session.scalars(query)]


def meetings_of(db: Database, case_id: int, viewer: Actor) -> list[m.Meeting]:
    """A case's meetings, newest date first (none for a case the viewer may not see, as for a missing one)."""
    with db.read() as session:
        found = session.scalars(
            select(t.MeetingRow)
            .where(t.MeetingRow.case_id == case_id, access_rows.member_of_case(case_id, viewer))
            .order_by(t.MeetingRow.date.desc(), t.MeetingRow.id.desc())
        )
        return [rows.meeting_of(r) for r in found]


def meeting(db: Database, meeting_id: int, viewer: Actor) -> m.Meeting:
    """One meeting's own fields (without its items), else NotFoundError."""
    with db.read() as session:
        return rows.meeting_of(access_rows.check_meeting(session, viewer, meeting_id))


def meeting_visible(db: Database, meeting_id: int, viewer: Actor) -> bool:
    """Whether the meeting exists and the viewer may see it: one indexed read."""
    with db.read() as session:
        found = session.scalar(
            select(t.MeetingRow.id).where(t.MeetingRow.id == meeting_id,
                                          access_rows.member_of_case(t.MeetingRow.case_id, viewer))
        )
        return found is not None


def case_of_meeting(db: Database, meeting_id: int, viewer: Actor) -> int:
    """The id of the meeting's case, else NotFoundError."""
    with db.read() as session:
        return int(access_rows.check_meeting(session, viewer, meeting_id).case_id)


def record(db: Database, meeting_id: int, viewer: Actor) -> m.MeetingRecord:
    """Everything recorded for a meeting, read in one transaction, as deeply immutable values."""
    with db.read() as session:
        meeting_row = access_rows.check_meeting(session, viewer, meeting_id)
        case = session.get(t.CaseRow, meeting_row.case_id)
        assert case is not None  # a meeting's case is deleted with it

        def items(kind: type[rows.Item]) -> tuple[rows.Item, ...]:
            table = rows.table_of(kind)
            order = (table.position, table.id) if hasattr(table, "position") else (table.id,)
            found = session.scalars(select(table).where(table.meeting_id == meeting_id).order_by(*order))
            return tuple(rows.item_of(kind, row) for row in found)

        measures = measures_in(session, meeting_row.case_id)
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
            reach=_reach(session, meeting_row.case_id, {r.caseworker for r in role_rows}),
            measures=measures,
            measure_goals=MappingProxyType(_measure_goals(session, measures, meeting_row)),
        )


def _measure_goals(session: Session, measures: Sequence[m.Measure], meeting: t.MeetingRow) -> dict[int, m.Goal]:
    """Each measure's goal as it stands at this meeting (no read when no measure serves a goal)."""
    if all(x.goal_id is None for x in measures):
        return {}
    return measure_goals(measures, _case_goals(session, meeting.case_id), meeting.id)


def _case_goals(session: Session, case_id: int) -> list[MeetingGoals]:
    """Each meeting of the case, oldest first, with its goals in their order (to follow a goal across them)."""
    meetings = session.execute(select(t.MeetingRow.id).where(t.MeetingRow.case_id == case_id)
                               .order_by(t.MeetingRow.date, t.MeetingRow.id)).scalars().all()
    goals: dict[int, list[m.Goal]] = {mid: [] for mid in meetings}
    found = session.scalars(select(t.GoalRow).join(t.MeetingRow, t.MeetingRow.id == t.GoalRow.meeting_id)
                            .where(t.MeetingRow.case_id == case_id).order_by(t.GoalRow.position, t.GoalRow.id))
    for row in found:
        goals[row.meeting_id].append(rows.item_of(m.Goal, row))
    return [(mid, tuple(items)) for mid, items in goals.items()]


def _reach(session: Session, case_id: int, holders: set[str]) -> MappingProxyType[str, m.Reach]:
    """The phone and e-mail of each role holder who is a member of the case (matched by name, any case)."""
    if not holders:
        return MappingProxyType({})
    members = session.execute(
        select(t.CaseworkerRow.name, t.CaseworkerRow.phone, t.CaseworkerRow.email)
        .join(t.CaseMemberRow, t.CaseMemberRow.caseworker_id == t.CaseworkerRow.id)
        .where(t.CaseMemberRow.case_id == case_id).order_by(t.CaseworkerRow.id)
    ).all()
    by_name: dict[str, m.Reach] = {}
    for name, phone, email in members:
        by_name.setdefault(" ".join(name.split()).casefold(), m.Reach(phone or "", email or ""))
    found = {holder: by_name.get(" ".join(holder.split()).casefold()) for holder in holders}
    return MappingProxyType({holder: reach for holder, reach in found.items() if reach is not None})


def scored_rounds(
    db: Database, case_id: int, viewer: Actor, until: date | None = None,
) -> list[tuple[m.Meeting, tuple[tuple[str, int], ...]]]:
    """Each scored meeting of a case (up to `until`), oldest first, with its (name, score) answers."""
    with db.read() as session:
        access_rows.check_case(session, viewer, case_id)
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
