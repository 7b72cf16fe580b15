"""'Mine sager': the signed-in caseworker's cases, each with its next follow-up, and planning that follow-up."""

from __future__ import annotations

from datetime import date

from facilitation.domain import model as m
from facilitation.domain.access import AccessEvent, AccessKind, Caseworker, MemberRole
from facilitation.domain.clock import utcnow
from facilitation.domain.my_cases import CaseLine, case_line
from facilitation.services.meetings import list_cases, list_meetings, load_meeting
from facilitation.services.members import members_of
from facilitation.services.planning import plan_meeting
from facilitation.services.scaling import score_history
from facilitation.storage import Database
from facilitation.storage import access_log as log_store

__all__ = ["my_cases", "plan_follow_up"]


def my_cases(db: Database, worker: Caseworker, today: date, *, log: bool = False) -> list[CaseLine]:
    """The caseworker's cases (primary or makker) that have a meeting, with what is due on `today`.

    With `log`, each case shown is logged as one view ('my_cases'): the UI asks for that once per session.
    """
    lines = []
    for case in list_cases(db, viewer=worker):
        meetings = list_meetings(db, case.id, viewer=worker)
        if not meetings:
            continue
        role = next((x.role for x in members_of(db, case.id, viewer=worker) if x.caseworker.id == worker.id),
                    MemberRole.PRIMARY)
        record = load_meeting(db, meetings[0].id, viewer=worker)
        lines.append(case_line(record, MemberRole(role), score_history(db, case.id, viewer=worker), today))
        if log:
            log_store.write(db, AccessEvent(at=utcnow(), caseworker_id=worker.id, case_id=case.id, meeting_id=None,
                                            kind=AccessKind.VIEW, purpose=worker.purpose, detail="my_cases"))
    return lines


def plan_follow_up(db: Database, worker: Caseworker, line: CaseLine, today: date, *, language: str = "da") -> int:
    """Plan the case's next follow-up meeting on its due date (today when overdue), carried forward; returns its id."""
    record = load_meeting(db, line.meeting_id, viewer=worker)
    when = max(line.next_date, today)
    meeting = record.meeting
    agreed = meeting.follow_up_date is not None
    return plan_meeting(db, worker, line.case.id, m.MeetingKind.FOLLOW_UP, when,
                        meeting.follow_up_place or meeting.place, language=language,
                        start_time=meeting.follow_up_start if agreed else None,
                        end_time=meeting.follow_up_end if agreed else None)
