"""Planning the next meeting of a case: it starts from what the case already has, all of it or none."""

from __future__ import annotations

from datetime import date, time

from facilitation.domain import meetings as rules
from facilitation.domain import model as m
from facilitation.domain.access import Actor
from facilitation.domain.agenda_templates import default_agenda
from facilitation.services.follow_up import copy_goals, copy_open_actions
from facilitation.services.network_copy import copy_network
from facilitation.storage import Database
from facilitation.storage.meeting_edit import new_meeting


def plan_meeting(
    db: Database, actor: Actor, case_id: int, kind: str, when: date | str, place: str = "", *,
    language: str = "da", start_time: time | str | None = None, end_time: time | str | None = None,
) -> int:
    """Create a meeting with the default agenda; a later meeting starts from the latest one of the case.

    It copies that meeting's network map, its goals and its open actions (reviewed under the agenda
    item 'Gennemgang af aftaler fra sidst'); earlier scores are read across the case, not copied.
    The new meeting and everything copied into it are one transaction: a failure or a crash midway
    leaves no new meeting at all, never one with the people but without the goals.
    """
    values = rules.meeting_values({"kind": kind, "date": when, "place": place, "purpose": "",
                                   "start_time": start_time, "end_time": end_time})
    agenda = default_agenda(m.MeetingKind(values["kind"]), language)
    with new_meeting(db, actor, case_id, values, agenda) as e:
        earlier = e.case_meetings()
        if earlier:
            copy_network(e, earlier[0].id)
            copy_goals(e, earlier[0].id)
            copy_open_actions(e, earlier[0].id, language=language)
        return e.meeting_id
