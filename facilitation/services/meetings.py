"""Services for cases, meetings and roles, and reading a whole meeting."""

from __future__ import annotations

from datetime import date

from facilitation.domain import meetings as rules
from facilitation.domain import model as m
from facilitation.domain.agenda_templates import default_agenda
from facilitation.domain.roles import Role
from facilitation.domain.validation import choice, single_line
from facilitation.storage import Database
from facilitation.storage import cases as store
from facilitation.storage.meeting_edit import edit

_EDITABLE = ("kind", "date", "place", "purpose", "status")


def create_case(db: Database, actor: str, family_name: str, child_names: str, case_type: str) -> int:
    """Open a case for a family; returns its id."""
    return store.insert_case(db, rules.case_values(
        {"family_name": family_name, "child_names": child_names, "case_type": case_type}
    ))


def edit_case(db: Database, actor: str, case_id: int, **fields: str) -> None:
    """Change a case's family name, child names or case type."""
    store.update_case(db, case_id, rules.case_values(fields))


def create_meeting(
    db: Database, actor: str, case_id: int, kind: str, when: date | str, place: str = "",
    purpose: str = "", *, language: str = "da", with_default_agenda: bool = True,
) -> int:
    """Plan a meeting of a case, with the default agenda for its kind; returns its id."""
    values = rules.meeting_values({"kind": kind, "date": when, "place": place, "purpose": purpose})
    agenda = default_agenda(m.MeetingKind(values["kind"]), language) if with_default_agenda else ()
    return store.insert_meeting(db, actor, case_id, values, agenda)


def edit_meeting(db: Database, actor: str, meeting_id: int, **fields: object) -> None:
    """Change a meeting's kind, date, place, purpose or status."""
    values = rules.meeting_values({k: v for k, v in fields.items() if k in _EDITABLE})
    if values:
        with edit(db, meeting_id, actor) as e:
            e.set_meeting(**values)


def delete_meeting(db: Database, actor: str, meeting_id: int) -> None:
    """Delete a meeting and everything recorded in it."""
    store.delete_meeting(db, meeting_id)


def set_role(db: Database, actor: str, meeting_id: int, role: str, caseworker: str) -> None:
    """Give a meeting role to a caseworker; an empty name clears the role."""
    name = single_line(caseworker, "caseworker", required=False)
    store.set_role(db, actor, meeting_id, choice(role, Role, "role"), name)


def list_cases(db: Database) -> list[m.Case]:
    """All cases, newest first."""
    return store.all_cases(db)


def list_meetings(db: Database, case_id: int) -> list[m.Meeting]:
    """A case's meetings, newest date first."""
    return store.meetings_of(db, case_id)


def get_meeting(db: Database, meeting_id: int) -> m.Meeting:
    """One meeting's own fields (without its items)."""
    return store.meeting(db, meeting_id)


def meeting_exists(db: Database, meeting_id: int) -> bool:
    """Whether a meeting with this id exists."""
    return db.version(meeting_id) is not None


def load_meeting(db: Database, meeting_id: int) -> m.MeetingRecord:
    """Everything recorded for a meeting, read in one transaction."""
    return store.record(db, meeting_id)
