"""Command line subcommands for the minute and the follow-up calendar file (registered by export/__main__.py).

`python -m export minute MEETING_ID --out FILE.docx [--anonymised] [--language en]`
`python -m export ics MEETING_ID --out FILE.ics [--anonymised] [--language en]`
`python -m export handover MEETING_ID --out FILE.docx [--anonymised] [--language en]` (the case up to the meeting)

An entry point: it may read through the services; the export modules it calls see domain types only.
"""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from export.follow_up_ics import render_follow_up_ics
from export.handover import render_handover
from export.minute import render_minute_data
from facilitation.domain.access import COMMAND_LINE, Actor
from facilitation.domain.words import DEFAULT, LANGUAGES
from facilitation.services import load_meeting
from facilitation.services.export_data import gather_handover, gather_minute
from facilitation.storage import Database


def add_language_option(parser: argparse.ArgumentParser) -> None:
    """`--language da|en`: the language the file is written in (Danish by default)."""
    parser.add_argument("--language", choices=LANGUAGES, default=DEFAULT, help="the reader's language (default: da)")


def add_minute_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `minute`: the Word minute of a meeting."""
    parser = commands.add_parser("minute", help="write a meeting's minute (the family's Word document) as .docx")
    parser.add_argument("meeting_id", type=int)
    parser.add_argument("--out", type=Path, required=True, help="write the .docx file here")
    parser.add_argument("--anonymised", action="store_true", help="initials instead of names, no place or contacts")
    add_language_option(parser)
    parser.set_defaults(run=run_minute, needs=())


def add_ics_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `ics`: the next follow-up meeting as a calendar file."""
    parser = commands.add_parser("ics", help="write a meeting's next follow-up date as an .ics calendar file")
    parser.add_argument("meeting_id", type=int)
    parser.add_argument("--out", type=Path, required=True, help="write the .ics file here")
    parser.add_argument("--anonymised", action="store_true", help="the child's initials instead of the first name")
    add_language_option(parser)
    parser.set_defaults(run=run_ics, needs=())


def add_handover_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `handover`: the case up to a meeting, as a Word document for a new caseworker."""
    parser = commands.add_parser("handover", help="write the case up to a meeting as a handover .docx")
    parser.add_argument("meeting_id", type=int)
    parser.add_argument("--out", type=Path, required=True, help="write the .docx file here")
    parser.add_argument("--anonymised", action="store_true", help="initials instead of names, no places")
    add_language_option(parser)
    parser.set_defaults(run=run_handover, needs=())


def handover_for_meeting(
    db: Database, meeting_id: int, *, viewer: Actor, anonymised: bool = False, language: str = DEFAULT,
    now: datetime | None = None,
) -> bytes:
    """The handover of a meeting's case up to that meeting as .docx bytes."""
    records, history = gather_handover(db, meeting_id, viewer=viewer)
    return render_handover(records, history=history, anonymised=anonymised, language=language, now=now)


def run_handover(db: Database, args: argparse.Namespace) -> int:
    """Build the handover, then write it (a failure while building leaves no file)."""
    content = handover_for_meeting(db, args.meeting_id, viewer=COMMAND_LINE, anonymised=args.anonymised,
                                   language=args.language)
    args.out.write_bytes(content)
    print(args.out)
    return 0


def minute_for_meeting(
    db: Database, meeting_id: int, *, viewer: Actor, anonymised: bool = False, language: str = DEFAULT,
    now: datetime | None = None,
) -> bytes:
    """The minute of a stored meeting as .docx bytes: gathered by the service, written by export.minute."""
    data = gather_minute(db, meeting_id, viewer=viewer, anonymised=anonymised)
    return render_minute_data(data, anonymised=anonymised, language=language, now=now)


def run_minute(db: Database, args: argparse.Namespace) -> int:
    """Build the minute, then write it (a failure while building leaves no file)."""
    content = minute_for_meeting(
        db, args.meeting_id, viewer=COMMAND_LINE, anonymised=args.anonymised, language=args.language
    )
    args.out.write_bytes(content)
    print(args.out)
    return 0


def run_ics(db: Database, args: argparse.Namespace) -> int:
    """Write the follow-up calendar file."""
    record = load_meeting(db, args.meeting_id, viewer=COMMAND_LINE)
    content = render_follow_up_ics(record, anonymised=args.anonymised, language=args.language)
    args.out.write_bytes(content)
    print(args.out)
    return 0
