"""Planning the next meeting of a case: it starts from what the case already has."""

from __future__ import annotations

from datetime import date

from facilitation.services.meetings import create_meeting, list_meetings
from facilitation.services.network_copy import copy_network_forward
from facilitation.storage import Database


def plan_meeting(
    db: Database, actor: str, case_id: int, kind: str, when: date | str, place: str = "", *,
    language: str = "da",
) -> int:
    """Create a meeting with the default agenda; a later meeting starts from the latest map of the case."""
    earlier = list_meetings(db, case_id)
    meeting_id = create_meeting(db, actor, case_id, kind, when, place, language=language)
    if earlier:
        copy_network_forward(db, actor, earlier[0].id, meeting_id)
    return meeting_id
