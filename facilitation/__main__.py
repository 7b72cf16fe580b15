"""Command line: `python -m facilitation demo | dump MEETING_ID | load FILE.json`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from facilitation.demo import create_demo_case
from facilitation.domain.validation import NotFoundError
from facilitation.storage import open_database
from facilitation.storage.backup import BackupError, dumps_meeting, loads_meeting

CLI_ACTOR = "command line"


def main(argv: list[str] | None = None) -> int:
    """Run one command against the configured database (DATABASE_URL or data/)."""
    parser = argparse.ArgumentParser(prog="python -m facilitation", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("demo", help="create the fictional demo case (two meetings); prints the newest meeting id last")
    commands.add_parser("migrate", help="bring the database schema up to date")
    dump = commands.add_parser("dump", help="write a meeting as JSON to stdout")
    dump.add_argument("meeting_id", type=int)
    load = commands.add_parser("load", help="store a JSON file as a new meeting; prints its id last")
    load.add_argument("file", type=Path)
    args = parser.parse_args(argv)

    db = open_database()
    try:
        if args.command == "demo":
            print(create_demo_case(db))
        elif args.command == "dump":
            sys.stdout.write(dumps_meeting(db, args.meeting_id) + "\n")
        elif args.command == "load":
            try:
                text = args.file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as error:
                print(f"error: cannot read {args.file}: {error}", file=sys.stderr)
                return 2
            print(loads_meeting(db, CLI_ACTOR, text))
        return 0
    except NotFoundError as error:
        print(f"error: {error.what} {error.ident} does not exist", file=sys.stderr)
        return 1
    except BackupError as error:
        print(f"error: {error} (nothing was stored)", file=sys.stderr)
        return 1
    finally:
        db.dispose()


if __name__ == "__main__":
    sys.exit(main())
