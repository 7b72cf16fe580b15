"""Child processes for the crash tests (tests/integration/test_crash.py), which kill them with SIGKILL.

`python -m tests.integration.crash_child writer URL MEETING_ID`: a burst of edits through the services,
each acknowledged on stdout only after its transaction has committed (the service has returned).

`python -m tests.integration.crash_child planner URL CASE_ID STEP`: plans a follow-up meeting and stops at
STEP (one of PLAN_STEPS): it prints "ready STEP" and waits for a line on stdin, so the test kills it there
for sure. The pause is put in here, by wrapping a step of services.planning; product code has no hook.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from facilitation import services as s
from facilitation.services import planning
from facilitation.storage import Database

ACTOR = "Crash test"
PLAN_STEPS = ("copy_network", "copy_goals", "copy_open_actions", "committed")


def say(line: str) -> None:
    """One acknowledgement, out at once (the test reads them as they come)."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def writer(db: Database, meeting_id: int) -> None:
    """Edit until killed: a note, an action, a person, and the agenda item's notes counting up."""
    item = s.add_agenda_item(db, ACTOR, meeting_id, "Krydstest", 10)
    say(f"agenda {item}")
    number = 0
    while True:
        number += 1
        note = s.add_board_item(db, ACTOR, meeting_id, "worry", f"bekymring {number}")
        say(f"board {note} bekymring {number}")
        action = s.add_action(db, ACTOR, meeting_id, f"aftale {number}", "Sanne")
        say(f"action {action} aftale {number}")
        person = s.add_participant(db, ACTOR, meeting_id, f"Person {number}")
        say(f"person {person} Person {number}")
        s.save_note(db, ACTOR, meeting_id, item, f"noter {number}")
        say(f"note {item} {number}")


def _pause_before(step: str) -> Callable[..., Any]:
    original = getattr(planning, step)

    def paused(*args: Any, **kwargs: Any) -> Any:
        say(f"ready {step}")  # inside plan_meeting's one transaction: the new meeting is not committed yet
        sys.stdin.readline()
        return original(*args, **kwargs)

    return paused


def planner(db: Database, case_id: int, step: str) -> None:
    """Plan a follow-up meeting of the case, stopping at `step` until told to go on (or killed)."""
    if step != "committed":
        setattr(planning, step, _pause_before(step))
    meeting_id = s.plan_meeting(db, ACTOR, case_id, "follow_up", "2026-04-13")
    say(f"planned {meeting_id}")
    if step == "committed":
        say("ready committed")
        sys.stdin.readline()


def main(argv: list[str]) -> None:
    """Run the child named by the first argument."""
    kind, url, number = argv[0], argv[1], int(argv[2])
    db = Database(url)
    if kind == "writer":
        writer(db, number)
    else:
        planner(db, number, argv[3])


if __name__ == "__main__":
    main(sys.argv[1:])
