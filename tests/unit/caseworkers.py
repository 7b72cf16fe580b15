"""Caseworker accounts and case members for the session and pairing tests, stored directly as rows.

(The accounts service is written in parallel; these tests only need the rows it will write.)
"""

from __future__ import annotations

from datetime import datetime

from facilitation.domain.access import Caseworker
from facilitation.storage import Database
from facilitation.storage import tables as t

CREATED = datetime(2026, 1, 5, 8, 0)


def add_caseworker(db: Database, name: str, email: str, *, disabled: bool = False) -> Caseworker:
    """Store a caseworker account; its signed-in form (no purpose chosen yet)."""
    with db.write() as session:
        row = t.CaseworkerRow(name=name, email=email, disabled=disabled, created_at=CREATED)
        session.add(row)
        session.flush()
        return Caseworker(id=row.id, name=name, email=email, disabled=disabled)


def disable(db: Database, caseworker_id: int) -> None:
    """Disable an account (as the accounts service will)."""
    with db.write() as session:
        row = session.get(t.CaseworkerRow, caseworker_id)
        assert row is not None
        row.disabled = True


def add_member(db: Database, case_id: int, caseworker_id: int, role: str = "primary") -> None:
    """Make a caseworker a member of a case."""
    with db.write() as session:
        session.add(t.CaseMemberRow(case_id=case_id, caseworker_id=caseworker_id, role=role, added_at=CREATED))


def case_of_meeting(db: Database, meeting_id: int) -> int:
    """The case a meeting belongs to."""
    with db.read() as session:
        row = session.get(t.MeetingRow, meeting_id)
        assert row is not None
        return row.case_id
