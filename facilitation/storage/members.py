"""Case members: who may open a case (its primary caseworker and the makker), and changing that."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from facilitation.domain.access import AccessKind, Actor, CaseMember, MemberRole
from facilitation.domain.validation import NotFoundError, ValidationError
from facilitation.storage import access_rows
from facilitation.storage import tables as t
from facilitation.storage.accounts import caseworker_of
from facilitation.storage.engine import Database


def members_of(db: Database, case_id: int, viewer: Actor) -> list[CaseMember]:
    """The case's members, the primary caseworker first, else NotFoundError('case')."""
    with db.read() as session:
        access_rows.check_case(session, viewer, case_id)
        found = session.execute(
            select(t.CaseMemberRow, t.CaseworkerRow)
            .join(t.CaseworkerRow, t.CaseworkerRow.id == t.CaseMemberRow.caseworker_id)
            .where(t.CaseMemberRow.case_id == case_id)
            .order_by(t.CaseMemberRow.role != MemberRole.PRIMARY.value, t.CaseMemberRow.added_at, t.CaseworkerRow.id)
        ).all()
        return [CaseMember(caseworker_of(worker), member.role, member.added_at) for member, worker in found]


def put_member(db: Database, actor: Actor, case_id: int, caseworker_id: int, role: MemberRole, now: datetime) -> None:
    """Make a caseworker a member of the case in this role (a member already there gets the new role)."""
    with db.write() as session:
        access_rows.check_case(session, actor, case_id)
        if session.get(t.CaseworkerRow, caseworker_id) is None:
            raise NotFoundError("caseworker", caseworker_id)
        row = session.get(t.CaseMemberRow, (case_id, caseworker_id))
        if row is None:
            session.add(t.CaseMemberRow(case_id=case_id, caseworker_id=caseworker_id, role=role.value, added_at=now))
        else:
            row.role = role.value
        access_rows.add_actor_line(session, now, actor, AccessKind.MEMBER_ADDED, case_id=case_id,
                                   detail=f"{role.value}_{caseworker_id}")


def drop_member(db: Database, actor: Actor, case_id: int, caseworker_id: int, now: datetime) -> None:
    """Take a caseworker off the case; the last member stays (`last_member`)."""
    with db.write() as session:
        access_rows.check_case(session, actor, case_id)
        row = session.get(t.CaseMemberRow, (case_id, caseworker_id))
        if row is None:
            raise NotFoundError("member", caseworker_id)
        count = session.scalar(select(func.count()).where(t.CaseMemberRow.case_id == case_id))
        if int(count or 0) <= 1:
            raise ValidationError("last_member", field="member")
        session.delete(row)
        for meeting_id in session.scalars(select(t.MeetingRow.id).where(t.MeetingRow.case_id == case_id)):
            db.announce(session, meeting_id)  # the caseworker's open pages of the case close at once
        access_rows.add_actor_line(session, now, actor, AccessKind.MEMBER_REMOVED, case_id=case_id,
                                   detail=f"{row.role}_{caseworker_id}")

