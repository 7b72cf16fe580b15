"""The roles a caseworker plays in a meeting (a set, stored server-side, so a reload or a new tab keeps them)."""

from __future__ import annotations

from collections.abc import Iterable

from facilitation.domain.access import Caseworker
from facilitation.domain.roles import Role, default_roles, parse_roles
from facilitation.storage import Database
from facilitation.storage import device_roles as store


def my_roles(db: Database, caseworker: Caseworker, meeting_id: int) -> frozenset[Role]:
    """The caseworker's roles in the meeting: as chosen, else the default of their membership (primary: lead).

    NotFoundError for a meeting the caseworker may not see.
    """
    stored, member_role = store.stored_roles(db, caseworker, meeting_id)
    known = frozenset(role for role in Role if role.value in stored)
    return known or default_roles(member_role)


def set_my_roles(db: Database, caseworker: Caseworker, meeting_id: int, roles: Iterable[object]) -> frozenset[Role]:
    """Choose the caseworker's roles in the meeting (at least one; ValidationError otherwise); the roles stored."""
    chosen = parse_roles(roles)
    store.put_roles(db, caseworker, meeting_id, [role.value for role in chosen])
    return chosen
