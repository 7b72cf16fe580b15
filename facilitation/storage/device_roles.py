"""The roles each caseworker plays in a meeting on their devices (device state: no access-log line, no version)."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import delete, select

from facilitation.domain.access import Caseworker
from facilitation.storage import access_rows
from facilitation.storage import tables as t
from facilitation.storage.engine import Database


def stored_roles(db: Database, caseworker: Caseworker, meeting_id: int) -> tuple[frozenset[str], str | None]:
    """The roles the caseworker chose for the meeting (empty: none yet) and their membership role of its case.

    NotFoundError('meeting') for a meeting of a case they are not a member of.
    """
    with db.read() as session:
        meeting = access_rows.check_meeting(session, caseworker, meeting_id)
        roles = session.scalars(select(t.DeviceRoleRow.role).where(
            t.DeviceRoleRow.caseworker_id == caseworker.id, t.DeviceRoleRow.meeting_id == meeting_id)).all()
        member = session.get(t.CaseMemberRow, (meeting.case_id, caseworker.id))
        return frozenset(roles), member.role if member is not None else None


def put_roles(db: Database, caseworker: Caseworker, meeting_id: int, roles: Collection[str]) -> None:
    """Replace the caseworker's roles in the meeting by `roles` (one transaction)."""
    with db.write() as session:
        access_rows.check_meeting(session, caseworker, meeting_id)
        session.execute(delete(t.DeviceRoleRow).where(
            t.DeviceRoleRow.caseworker_id == caseworker.id, t.DeviceRoleRow.meeting_id == meeting_id))
        session.add_all(t.DeviceRoleRow(caseworker_id=caseworker.id, meeting_id=meeting_id, role=role)
                        for role in sorted(set(roles)))
