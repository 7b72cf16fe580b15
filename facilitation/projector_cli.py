"""`python -m facilitation projector-link MEETING_ID --base URL`: a one-time projector link for the operator."""

from __future__ import annotations

import argparse
import sys
from urllib.parse import urlsplit

from facilitation.domain.access import PAIRING_LINK_VALID
from facilitation.domain.validation import ValidationError
from facilitation.services.pairing import create_pairing_link
from facilitation.storage import Database

PROJECTOR_LINK = "projector-link"
OPERATOR = "command line"


def add_projector_link_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the projector-link command to the command line's sub-commands."""
    minutes = int(PAIRING_LINK_VALID.total_seconds() // 60)
    command = commands.add_parser(
        PROJECTOR_LINK,
        help=f"for the server's operator: print a one-time link (valid {minutes} minutes) that pairs the "
        "browser opening it, e.g. a meeting room's fixed screen, as the meeting's projector",
    )
    command.add_argument("meeting_id", type=int)
    command.add_argument("--base", required=True, type=_base_url,
                         help="the app's address as the screen reaches it, e.g. https://moedetavlen.example.dk")


def projector_link(db: Database, args: argparse.Namespace) -> int:
    """Create the link and print it (stdout) with how long and how often it works (stderr); exit status."""
    try:
        token = create_pairing_link(db, OPERATOR, args.meeting_id)
    except ValidationError as error:  # the meeting is ended: no projector shows it
        print(f"error: meeting {args.meeting_id}: {error.code}", file=sys.stderr)
        return 1
    minutes = int(PAIRING_LINK_VALID.total_seconds() // 60)
    print(f"{args.base}/pair/{token}")
    print(f"Open it on the projector within {minutes} minutes; it works once.", file=sys.stderr)
    return 0


def _base_url(text: str) -> str:
    """The --base address without a trailing slash; only http(s) with a host."""
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise argparse.ArgumentTypeError("give the app's address, e.g. https://moedetavlen.example.dk")
    return text.strip().rstrip("/")
