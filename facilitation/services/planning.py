"""Planning the next meeting of a case: it starts from what the case already has."""

from __future__ import annotations

from datetime import date, time

from facilitation.domain.access import Actor
from facilitation.services.follow_up import carry_forward
from facilitation.services.meetings import create_meeting, list_meetings
from facilitation.services.network_copy import copy_network_forward
from facilitation.storage import Database


def plan_meeting(
    db: Database, actor: Actor, case_id: int, kind: str, when: date | str, place: str = "", *,
    language: str = "da", start_time: time | str | None = None, end_time: time | str | None = None,
) -> int:
    """Create a meeting with the default agenda; a later meeting starts from the latest one of the case.

    It copies that meeting's network map, its goals and its open actions (reviewed under the agenda
    item 'Gennemgang af aftaler fra sidst'); earlier scores are read across the case, not copied.
    """
    earlier = list_meetings(db, case_id, viewer=actor)
    meeting_id = create_meeting(db, actor, case_id, kind, when, place, language=language,
                                start_time=start_time, end_time=end_time)
    if earlier:
        copy_network_forward(db, actor, earlier[0].id, meeting_id)
        carry_forward(db, actor, earlier[0].id, meeting_id, language=language)
    return meeting_id
