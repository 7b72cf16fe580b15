"""Command line exports: `python -m export map MEETING_ID --html FILE.html --png FILE.png [--anonymised]`,
`python -m export network MEETING_ID --csv FILE.csv` (the network's measures, one row per meeting of the case).

Every export takes `--language da|en` (Danish by default): the file is written in the reader's language.

Each export is a subcommand registered by an `add_*_command` function that sets `run` on its
parser; later exports (the minute, the calendar file) add theirs the same way.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from export.map_html import render_map_html
from export.map_png import render_map_png
from export.minute_cli import add_handover_command, add_ics_command, add_language_option, add_minute_command
from export.network_csv import render_network_csv
from facilitation.domain.access import COMMAND_LINE
from facilitation.domain.validation import NotFoundError
from facilitation.services import load_meeting
from facilitation.services.export_data import case_meetings_of
from facilitation.storage import Database, open_database


def add_map_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `map`: the network map as interactive HTML and/or a PNG picture."""
    parser = commands.add_parser("map", help="write a meeting's network map as HTML and/or PNG")
    parser.add_argument("meeting_id", type=int)
    parser.add_argument("--html", type=Path, help="write the interactive map (self-contained HTML) here")
    parser.add_argument("--png", type=Path, help="write the static picture (PNG) here")
    parser.add_argument("--anonymised", action="store_true", help="initials instead of names")
    add_language_option(parser)
    parser.set_defaults(run=run_map, needs=("html", "png"))


def run_map(db: Database, args: argparse.Namespace) -> int:
    """Write the map files asked for (after both are made, so a failure leaves no half export)."""
    record = load_meeting(db, args.meeting_id, viewer=COMMAND_LINE)
    outputs: list[tuple[Path, bytes]] = []
    if args.html:
        page = render_map_html(record, anonymised=args.anonymised, language=args.language)
        outputs.append((args.html, page.encode("utf-8")))
    if args.png:
        outputs.append((args.png, render_map_png(record, anonymised=args.anonymised, language=args.language)))
    for path, content in outputs:
        path.write_bytes(content)
        print(path)
    return 0


def add_network_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register `network`: the network's measures as CSV, one row per meeting of the meeting's case."""
    parser = commands.add_parser("network", help="write the network's measures (one row per meeting) as CSV")
    parser.add_argument("meeting_id", type=int)
    parser.add_argument("--csv", type=Path, help="write the measures here")
    parser.set_defaults(run=run_network, needs=("csv",))


def run_network(db: Database, args: argparse.Namespace) -> int:
    """Write the measures of every meeting of the case."""
    content = render_network_csv(case_meetings_of(db, args.meeting_id, viewer=COMMAND_LINE))
    args.csv.write_text(content, encoding="utf-8")
    print(args.csv)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run one export against the configured database (DATABASE_URL or data/)."""
    parser = argparse.ArgumentParser(prog="python -m export", description="Export a meeting to files.")
    commands = parser.add_subparsers(dest="command", required=True)
    add_map_command(commands)
    add_minute_command(commands)
    add_ics_command(commands)
    add_network_command(commands)
    add_handover_command(commands)
    args = parser.parse_args(argv)
    if args.needs and not any(getattr(args, name) for name in args.needs):
        parser.error(f"{args.command}: give at least one of " + ", ".join(f"--{n}" for n in args.needs))

    db = open_database()
    try:
        return int(args.run(db, args))
    except NotFoundError as error:
        print(f"error: {error.what} {error.ident} does not exist", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"error: cannot write {error.filename}: {error.strerror}", file=sys.stderr)
        return 2
    finally:
        db.dispose()


if __name__ == "__main__":
    sys.exit(main())
