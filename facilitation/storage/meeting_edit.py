"""One meeting's edit transaction as the services see it: items in and out as domain values, never SQL.

`edit(db, meeting_id, actor)` opens the transaction through `Database.edit` (which bumps the meeting's
version first) and hands out a `MeetingEdit`; `new_meeting(db, actor, case_id, ...)` creates a meeting
and hands out its `MeetingEdit` in the same transaction, so planning a meeting is all or nothing.
Everything it does stays inside that one meeting, except reading another meeting of the same case
(`other_meeting`, `items_of`, `case_meetings`) for carrying a case forward.
Both `edit` and `view` refuse a caseworker who is not a member of the meeting's case, in the same
transaction, with the NotFoundError a missing meeting gets; so does reading another meeting.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from facilitation.domain import model as m
from facilitation.domain.access import Actor
from facilitation.domain.validation import NotFoundError
from facilitation.storage import access_rows, cases, rows
from facilitation.storage import tables as t
from facilitation.storage.engine import Database, mark_unchanged
from facilitation.storage.rows import Item


class MeetingView:
    """The items of one meeting inside an open transaction, for reading."""

    def __init__(self, session: Session, meeting_id: int, actor: Actor) -> None:
        self._session = session
        self.meeting_id = meeting_id
        self._actor = actor

    def meeting(self) -> m.Meeting:
        """The meeting's own fields, as they are inside this transaction."""
        return rows.meeting_of(self._meeting_row())

    def other_meeting(self, meeting_id: int) -> m.Meeting:
        """Another meeting's own fields (to check it belongs to the same case), else NotFoundError."""
        return rows.meeting_of(access_rows.check_meeting(self._session, self._actor, meeting_id))

    def case_meetings(self) -> tuple[m.Meeting, ...]:
        """The other meetings of this meeting's case, newest date first (the one to start from comes first)."""
        case_id = self._meeting_row().case_id
        found = self._session.scalars(
            select(t.MeetingRow).where(t.MeetingRow.case_id == case_id, t.MeetingRow.id != self.meeting_id)
            .order_by(t.MeetingRow.date.desc(), t.MeetingRow.id.desc())
        )
        return tuple(rows.meeting_of(row) for row in found)

    def get(self, cls: type[Item], item_id: int | None, /, *, what: str | None = None) -> Item:
        """The item with this id if it belongs to the meeting, else NotFoundError (named `what`)."""
        return rows.item_of(cls, self._owned(cls, item_id, what))

    def items(self, cls: type[Item], /, **where: Any) -> tuple[Item, ...]:
        """The meeting's items of a kind in their order, optionally only those with the given field values."""
        return self.items_of(cls, self.meeting_id, **where)

    def count(self, cls: type[Item], /) -> int:
        """How many items of a kind the meeting has."""
        table = rows.table_of(cls)
        return int(self._session.scalar(select(func.count()).select_from(table)
                                        .where(table.meeting_id == self.meeting_id)) or 0)

    def items_of(self, cls: type[Item], meeting_id: int, **where: Any) -> tuple[Item, ...]:
        """Another (or this) meeting's items of a kind in their order."""
        if meeting_id != self.meeting_id:
            access_rows.check_meeting(self._session, self._actor, meeting_id)
        table = rows.table_of(cls)
        query = select(table).where(table.meeting_id == meeting_id, *_clauses(table, where))
        order = (table.position, table.id) if hasattr(table, "position") else (table.id,)
        return tuple(rows.item_of(cls, row) for row in self._session.scalars(query.order_by(*order)))

    def columns(self, cls: type[Item], item_id: int, *names: str) -> tuple[Any, ...]:
        """Stored columns of one item that its domain value leaves out (a drawing's canvas and pictures)."""
        row = self._owned(cls, item_id, None)
        return tuple(getattr(row, name) for name in names)

    def _meeting_row(self) -> t.MeetingRow:
        row = self._session.get(t.MeetingRow, self.meeting_id)
        if row is None:  # pragma: no cover - Database.edit has just found it
            raise NotFoundError("meeting", self.meeting_id)
        return row

    def has(self, cls: type[Any], item_id: int) -> bool:
        """Whether the item is in this meeting."""
        row = self._session.get(rows.table_of(cls), item_id)
        return row is not None and row.meeting_id == self.meeting_id

    def _owned(self, cls: type[Any], item_id: int | None, what: str | None) -> Any:
        table = rows.table_of(cls)
        row = None if item_id is None else self._session.get(table, item_id)
        if row is None or row.meeting_id != self.meeting_id:
            raise NotFoundError(what or table.__tablename__, item_id)
        return row


class MeetingEdit(MeetingView):
    """The items of one meeting inside an open edit transaction: reading and changing them."""

    def unchanged(self) -> None:
        """Nothing is to be stored after all: the edit is rolled back (no new version for the devices)."""
        mark_unchanged(self._session)

    def set_meeting(self, **values: Any) -> None:
        """Change the meeting's own fields (kind, date, status, screen, curtain, ...)."""
        row = self._meeting_row()
        for name, value in values.items():
            setattr(row, name, value)

    def insert(self, cls: type[Item], /, **values: Any) -> int:
        """Add an item to the meeting (at the end of its scope unless a position is given); returns its id."""
        table = rows.table_of(cls)
        row = table(meeting_id=self.meeting_id, **values)
        if hasattr(table, "position") and values.get("position") is None:
            row.position = self._next_position(table, _scope_of(cls, row))
        self._session.add(row)
        self._session.flush()
        return int(row.id)

    def insert_first(self, cls: type[Item], /, **values: Any) -> int:
        """Add an item at the start of the meeting's list of its kind, moving the others down one place."""
        table = rows.table_of(cls)
        self._session.execute(
            update(table).where(table.meeting_id == self.meeting_id).values(position=table.position + 1)
        )
        return self.insert(cls, position=0, **values)

    def update(self, cls: type[Item], item_id: int | None, /, **values: Any) -> Item:
        """Change fields of one item of the meeting; returns it as it is now (any field, an action's `what` too)."""
        row = self._owned(cls, item_id, None)
        for name, value in values.items():
            setattr(row, name, value)
        self._session.flush()
        return rows.item_of(cls, row)

    def update_where(self, cls: type[Item], where: Mapping[str, Any], /, **values: Any) -> None:
        """Change fields of every item of the meeting whose fields match `where`."""
        table = rows.table_of(cls)
        self._session.execute(
            update(table).where(table.meeting_id == self.meeting_id, *_clauses(table, where)).values(**values)
        )

    def delete(self, cls: type[Item], item_id: int | None, /, *, what: str | None = None) -> None:
        """Remove one item and close the gap in the order it leaves."""
        table = rows.table_of(cls)
        row = self._owned(cls, item_id, what)
        scope = _scope_of(cls, row)
        self._session.delete(row)
        self._session.flush()
        if hasattr(table, "position"):
            self._renumber(cls, scope, None, 0)

    def move(self, cls: type[Item], item_id: int, to_index: int, /, **new_scope: Any) -> Item:
        """Move an item to `to_index` within its scope (or into `new_scope`), keeping the order dense."""
        row = self._owned(cls, item_id, None)
        old_scope = _scope_of(cls, row)
        for name, value in new_scope.items():
            setattr(row, name, value)
        self._session.flush()
        scope = _scope_of(cls, row)
        if old_scope != scope:
            self._renumber(cls, old_scope, None, 0)
        self._renumber(cls, scope, row, to_index)
        return rows.item_of(cls, row)

    def _next_position(self, table: Any, scope: Mapping[str, Any]) -> int:
        last = self._session.scalar(
            select(func.max(table.position)).where(table.meeting_id == self.meeting_id, *_clauses(table, scope))
        )
        return 0 if last is None else int(last) + 1

    def _renumber(self, cls: type[Any], scope: Mapping[str, Any], placed: Any, index: int) -> None:
        table = rows.table_of(cls)
        ordered = list(self._session.scalars(
            select(table).where(table.meeting_id == self.meeting_id, *_clauses(table, scope))
            .order_by(table.position, table.id)
        ))
        if placed is not None:
            ordered.remove(placed)
            ordered.insert(max(0, min(index, len(ordered))), placed)
        for position, row in enumerate(ordered):
            if row.position != position:
                row.position = position


@contextmanager
def view(db: Database, meeting_id: int, viewer: Actor) -> Iterator[MeetingView]:
    """A read of one meeting's items (nothing is written, the version stays), else NotFoundError."""
    with db.read() as session:
        access_rows.check_meeting(session, viewer, meeting_id)
        yield MeetingView(session, meeting_id, viewer)


@contextmanager
def edit(db: Database, meeting_id: int, actor: Actor) -> Iterator[MeetingEdit]:
    """One short transaction editing a meeting (its version bumped first); all of it or none is stored."""
    with db.edit(meeting_id, actor) as session:
        yield MeetingEdit(session, meeting_id, actor)


@contextmanager
def new_meeting(
    db: Database, actor: Actor, case_id: int, values: Mapping[str, Any], agenda: Sequence[tuple[str, int]] = (),
) -> Iterator[MeetingEdit]:
    """One transaction creating a meeting of a case (with its first agenda) and editing it; all of it or none."""
    with db.write() as session:
        yield MeetingEdit(session, cases.add_meeting(session, actor, case_id, values, agenda), actor)


def _scope_of(cls: type[Any], row: Any) -> dict[str, Any]:
    return {name: getattr(row, name) for name in rows.SCOPES.get(cls, ())}


def _clauses(table: Any, where: Mapping[str, Any]) -> list[Any]:
    return [getattr(table, name) == value for name, value in where.items()]


def insert_item(db: Database, actor: Actor, meeting_id: int, cls: type[Item], /, **values: Any) -> int:
    """Add one item to a meeting in its own edit; returns its id."""
    with edit(db, meeting_id, actor) as e:
        return e.insert(cls, **values)


def update_item(db: Database, actor: Actor, meeting_id: int, cls: type[Item], item_id: int, /, **values: Any) -> None:
    """Change one item in its own edit; an empty change only checks that the item exists (version kept)."""
    if not values:
        with view(db, meeting_id, actor) as v:
            v.get(cls, item_id)
        return
    with edit(db, meeting_id, actor) as e:
        e.update(cls, item_id, **values)


def delete_item(db: Database, actor: Actor, meeting_id: int, cls: type[Item], item_id: int, *,
                gone_ok: bool = False) -> None:
    """Remove one item in its own edit, closing the gap in the order.

    `gone_ok`: an item no longer in the meeting (removed on another device, or a replayed removal) is left as it
    is: nothing stored, no new version. The meeting and the actor's access are checked either way.
    """
    with edit(db, meeting_id, actor) as e:
        if gone_ok and not e.has(cls, item_id):
            e.unchanged()
            return
        e.delete(cls, item_id)


def move_item(db: Database, actor: Actor, meeting_id: int, cls: type[Item], item_id: int, to_index: int,
              **new_scope: Any) -> None:
    """Move one item in its own edit, keeping the order dense."""
    with edit(db, meeting_id, actor) as e:
        e.move(cls, item_id, to_index, **new_scope)
