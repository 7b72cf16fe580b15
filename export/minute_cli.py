"""Command line subcommands for the minute and the follow-up calendar file (registered by export/__main__.py).

`python -m export minute MEETING_ID --out FILE.docx [--anonymised]`
`python -m export ics MEETING_ID --out FILE.ics [--anonymised]`
"""

from __future__ import annotations

import argparse
from pathlib import Path

from export.follow_up_ics import render_follow_up_ics
from export.minute import minute_for_meeting
from facilitation.services import load_meeting
from facilitation.storage import Database


def add_minute_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `minute`: the Word minute 'Referat og aftaler' of a meeting."""
    parser = commands.add_parser("minute", help="write a meeting's minute (Referat og aftaler) as .docx")
    parser.add_argument("meeting_id", type=int)
    parser.add_argument("--out", type=Path, required=True, help="write the .docx file here")
    parser.add_argument("--anonymised", action="store_true", help="initials instead of names, no place or contacts")
    parser.set_defaults(run=run_minute, needs=())


def add_ics_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `ics`: the next follow-up meeting as a calendar file."""
    parser = commands.add_parser("ics", help="write a meeting's next follow-up date as an .ics calendar file")
    parser.add_argument("meeting_id", type=int)
    parser.add_argument("--out", type=Path, required=True, help="write the .ics file here")
    parser.add_argument("--anonymised", action="store_true", help="the child's initials instead of the first name")
    parser.set_defaults(run=run_ics, needs=())


def run_minute(db: Database, args: argparse.Namespace) -> int:
    """Build the minute, then write it (a failure while building leaves no file)."""
    content = minute_for_meeting(db, args.meeting_id, anonymised=args.anonymised)
    args.out.write_bytes(content)
    print(args.out)
    return 0


def run_ics(db: Database, args: argparse.Namespace) -> int:
    """Write the follow-up calendar file."""
    content = render_follow_up_ics(load_meeting(db, args.meeting_id), anonymised=args.anonymised)
    args.out.write_bytes(content)
    print(args.out)
    return 0
