"""One function per user action; each takes the database and the acting caseworker first."""

from facilitation.services.agenda import (
    add_agenda_item,
    edit_agenda_item,
    end_agenda_item,
    move_agenda_item,
    remove_agenda_item,
    save_note,
    start_agenda_item,
)
from facilitation.services.board import (
    add_board_item,
    edit_board_item,
    move_board_item,
    pair_safety_goal,
    remove_board_item,
)
from facilitation.services.meetings import (
    create_case,
    create_meeting,
    delete_meeting,
    edit_case,
    edit_meeting,
    list_cases,
    list_meetings,
    load_meeting,
    meeting_exists,
    set_role,
)
from facilitation.services.outcomes import (
    add_action,
    add_goal,
    edit_action,
    edit_goal,
    move_action,
    move_goal,
    record_evaluation,
    record_score,
    remove_action,
    remove_evaluation,
    remove_goal,
    remove_score,
)
from facilitation.services.people import (
    add_participant,
    add_relation,
    edit_participant,
    move_participant,
    remove_participant,
    remove_relation,
)

__all__ = [name for name in dir() if not name.startswith("_")]
