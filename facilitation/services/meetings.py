"""Services for cases, meetings and roles, and reading a whole meeting."""

from __future__ import annotations

from datetime import date, time

from facilitation.domain import meetings as rules
from facilitation.domain import model as m
from facilitation.domain.access import Actor
from facilitation.domain.agenda_templates import default_agenda
from facilitation.domain.roles import Role
from facilitation.domain.validation import choice, single_line
from facilitation.storage import Database
from facilitation.storage import cases as store
from facilitation.storage.meeting_edit import edit

_EDITABLE = ("kind", "date", "start_time", "end_time", "place", "purpose", "status")


def create_case(db: Database, actor: Actor, family_name: str, child_names: str, case_type: str) -> int:
    """Open a case for a family; returns its id."""
    return store.insert_case(db, actor, rules.case_values(
        {"family_name": family_name, "child_names": child_names, "case_type": case_type}
    ))


def edit_case(db: Database, actor: Actor, case_id: int, **fields: str) -> None:
    """Change a case's family name, child names or case type."""
    store.update_case(db, actor, case_id, rules.case_values(fields))


def create_meeting(
    db: Database, actor: Actor, case_id: int, kind: str, when: date | str, place: str = "",
    purpose: str = "", *, language: str = "da", with_default_agenda: bool = True,
    start_time: time | str | None = None, end_time: time | str | None = None,
) -> int:
    """Plan a meeting of a case (its time of day if known), with the default agenda for its kind; returns its id."""
    values = rules.meeting_values({"kind": kind, "date": when, "place": place, "purpose": purpose,
                                   "start_time": start_time, "end_time": end_time})
    agenda = default_agenda(m.MeetingKind(values["kind"]), language) if with_default_agenda else ()
    return store.insert_meeting(db, actor, case_id, values, agenda)


def edit_meeting(db: Database, actor: Actor, meeting_id: int, **fields: object) -> None:
    """Change a meeting's kind, date, start and end time, place, purpose or status."""
    values = rules.meeting_values({k: v for k, v in fields.items() if k in _EDITABLE})
    if values:
        with edit(db, meeting_id, actor) as e:
            e.set_meeting(**values)


def delete_meeting(db: Database, actor: Actor, meeting_id: int) -> None:
    """Delete a meeting and everything recorded in it."""
    store.delete_meeting(db, actor, meeting_id)


def delete_case(db: Database, actor: Actor, case_id: int) -> None:
    """Delete a case with all its meetings and pictures (members only); the log keeps who did it and when."""
    store.delete_case(db, actor, case_id)


def set_role(db: Database, actor: Actor, meeting_id: int, role: str, caseworker: str) -> None:
    """Give a meeting role to a caseworker; an empty name clears the role."""
    name = single_line(caseworker, "caseworker", required=False)
    store.set_role(db, actor, meeting_id, choice(role, Role, "role"), name)


def list_cases(db: Database, *, viewer: Actor) -> list[m.Case]:
    """The cases the viewer may see (a caseworker: their own; the operator: all), newest first."""
    return store.all_cases(db, viewer)


def list_meetings(db: Database, case_id: int, *, viewer: Actor) -> list[m.Meeting]:
    """A case's meetings, newest date first (none for a case the viewer may not see, as for a missing one)."""
    return store.meetings_of(db, case_id, viewer)


def get_meeting(db: Database, meeting_id: int, *, viewer: Actor) -> m.Meeting:
    """One meeting's own fields (without its items); NotFoundError also for another caseworker's case."""
    return store.meeting(db, meeting_id, viewer)


def meeting_exists(db: Database, meeting_id: int, *, viewer: Actor) -> bool:
    """Whether a meeting with this id exists and the viewer may see it."""
    if isinstance(viewer, str):
        return db.version(meeting_id) is not None
    return store.meeting_visible(db, meeting_id, viewer)


def load_meeting(db: Database, meeting_id: int, *, viewer: Actor) -> m.MeetingRecord:
    """Everything recorded for a meeting, read in one transaction; NotFoundError also for another's case."""
    return store.record(db, meeting_id, viewer)
