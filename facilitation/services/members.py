"""Case members: the primary caseworker and the makker. Only a member (or the operator) changes them."""

from __future__ import annotations

from datetime import datetime

from facilitation.domain.access import Actor, CaseMember, MemberRole
from facilitation.domain.clock import utcnow
from facilitation.domain.validation import choice
from facilitation.storage import Database
from facilitation.storage import members as store


def add_member(
    db: Database, actor: Actor, case_id: int, caseworker_id: int, role: str = MemberRole.MAKKER.value, *,
    now: datetime | None = None,
) -> None:
    """Give a caseworker access to a case as primary or makker (a member already there changes role); logged."""
    store.put_member(db, actor, case_id, caseworker_id, choice(role, MemberRole, "role"), now or utcnow())


def remove_member(db: Database, actor: Actor, case_id: int, caseworker_id: int, *, now: datetime | None = None) -> None:
    """Take a caseworker's access to a case away; the last member cannot be removed (`last_member`); logged."""
    store.drop_member(db, actor, case_id, caseworker_id, now or utcnow())


def members_of(db: Database, case_id: int, *, viewer: Actor) -> list[CaseMember]:
    """The case's members, the primary caseworker first (NotFoundError for a case the viewer may not see)."""
    return store.members_of(db, case_id, viewer)
