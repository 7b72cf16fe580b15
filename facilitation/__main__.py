"""The server operator's tools (not the caseworkers'): `python -m facilitation COMMAND`.

demo | migrate | dump MEETING_ID | load FILE.json | users add/passwd/contact/disable/enable/list |
members add/remove/list | purge-log | access-report CASE_ID. They act as the operator, who may reach
every case; caseworkers work in the app, signed in, and see only their own cases.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from facilitation import services as s
from facilitation.demo import create_demo_account, create_demo_case, demo_sign_in_line
from facilitation.domain import words
from facilitation.domain.access import COMMAND_LINE, AccessEvent, AccessKind, Caseworker, MemberRole
from facilitation.domain.validation import NotFoundError, ValidationError
from facilitation.projector_cli import PROJECTOR_LINK, add_projector_link_command, projector_link
from facilitation.services import access, accounts, members
from facilitation.services.meeting_file import load_meeting_file
from facilitation.storage import Database, open_database
from facilitation.storage.backup import BackupError, dumps_meeting

CLI_ACTOR = COMMAND_LINE
_DESCRIPTION = (
    "The server operator's tools for Mødetavlen (not the caseworkers': they sign in to the app). "
    "Every command runs against the configured database (DATABASE_URL or data/) as the operator."
)


def main(argv: list[str] | None = None) -> int:
    """Run one command against the configured database (DATABASE_URL or data/)."""
    args = _parser().parse_args(argv)
    db = open_database()  # migrates, and purges log lines older than six months
    try:
        return int(args.run(db, args))
    except NotFoundError as error:
        print(f"error: {error.what} {error.ident} does not exist", file=sys.stderr)
        return 1
    except ValidationError as error:
        params = {**error.params, "field": words.text(f"field.{error.params.get('field', '')}", "en")}
        print(f"error: {words.text(f'error.{error.code}', 'en', **params)}", file=sys.stderr)
        return 1
    except BackupError as error:
        print(f"error: {error.message('en')} {words.text('backup.nothing_stored', 'en')}", file=sys.stderr)
        return 1
    except _InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    finally:
        db.dispose()


class _InputError(Exception):
    """Input the command cannot use (an unreadable file, passwords that differ)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m facilitation", description=_DESCRIPTION)
    commands = parser.add_subparsers(dest="command", required=True)
    demo = _command(commands, "demo", _demo, "create the fictional demo case (two meetings) and the demo account "
                    "(its one-time password is printed once); prints the newest meeting id last")
    demo.add_argument("--if-empty", action="store_true", help="only when the database holds no case yet")
    _command(commands, "migrate", lambda db, args: 0, "bring the database schema up to date (and purge the old log)")
    dump = _command(commands, "dump", _dump, "write a meeting as JSON to stdout (logged)")
    dump.add_argument("meeting_id", type=int)
    load = _command(commands, "load", _load, "store a JSON file as a new meeting; prints its id last")
    load.add_argument("file", type=Path)
    _command(commands, "purge-log", _purge, "delete access-log lines older than six months")
    report = _command(commands, "access-report", _report,
                      "print a case's access log (who saw or changed it, when, why): for a citizen's request")
    report.add_argument("case_id", type=int)

    users = _command(commands, "users", None, "caseworker accounts").add_subparsers(dest="action", required=True)
    add = _command(users, "add", _user_add, "create an account (asks for the password twice)")
    add.add_argument("name")
    add.add_argument("--email", required=True)
    add.add_argument("--password-stdin", action="store_true", help="read the password as one line from stdin")
    passwd = _command(users, "passwd", _user_passwd, "set an account's password (and lift a lock)")
    passwd.add_argument("email")
    passwd.add_argument("--password-stdin", action="store_true", help="read the password as one line from stdin")
    for name, run, text in (("disable", _user_disable, "stop an account from signing in"),
                            ("enable", _user_enable, "let a disabled account sign in again")):
        _command(users, name, run, text).add_argument("email")
    contact = _command(users, "contact", _user_contact,
                       "set the phone number the minute gives for an account (its e-mail is the account's)")
    contact.add_argument("email")
    contact.add_argument("--phone", required=True, help='e.g. "+45 12 34 56 78"; "" removes it')
    _command(users, "list", _user_list, "list the accounts (never their passwords)")

    cases = _command(commands, "members", None, "who may open a case").add_subparsers(dest="action", required=True)
    member_add = _command(cases, "add", _member_add, "give an account access to a case")
    member_add.add_argument("case_id", type=int)
    member_add.add_argument("email")
    member_add.add_argument("--role", choices=[r.value for r in MemberRole], default=MemberRole.MAKKER.value)
    member_remove = _command(cases, "remove", _member_remove, "take an account's access to a case away")
    member_remove.add_argument("case_id", type=int)
    member_remove.add_argument("email")
    _command(cases, "list", _member_list, "list a case's members").add_argument("case_id", type=int)
    add_projector_link_command(commands)
    commands.choices[PROJECTOR_LINK].set_defaults(run=projector_link)
    return parser


def _command(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], name: str,
    run: Callable[[Database, argparse.Namespace], int] | None, text: str,
) -> argparse.ArgumentParser:
    parser = commands.add_parser(name, help=text, description=text)
    parser.set_defaults(run=run)
    return parser


def _demo(db: Database, args: argparse.Namespace) -> int:
    if args.if_empty and s.list_cases(db, viewer=CLI_ACTOR):
        return 0
    meeting_id = create_demo_case(db)
    password = create_demo_account(db, meeting_id)
    if password is not None:
        print(demo_sign_in_line(password))
    print(meeting_id)
    return 0


def _dump(db: Database, args: argparse.Namespace) -> int:
    text = dumps_meeting(db, args.meeting_id, viewer=CLI_ACTOR)
    access.log_operator_dump(db, args.meeting_id)
    sys.stdout.write(text + "\n")
    return 0


def _load(db: Database, args: argparse.Namespace) -> int:
    try:
        content = args.file.read_bytes()
    except OSError as error:
        raise _InputError(f"cannot read {args.file}: {error.strerror or error}") from None
    print(load_meeting_file(db, CLI_ACTOR, content))  # a file that is not UTF-8 text is a BackupError too
    return 0


def _purge(db: Database, args: argparse.Namespace) -> int:
    print(f"{access.purge_log(db)} access-log lines older than six months deleted")
    return 0


def _report(db: Database, args: argparse.Namespace) -> int:
    lines = access.case_log(db, CLI_ACTOR, args.case_id)
    names = {worker.id: worker.name for worker in accounts.list_accounts(db)}
    print(words.text("access_report.title", case_id=args.case_id))
    for event in lines:
        print(report_line(event, names))
    if not lines:
        print(words.text("access_report.empty"))
    return 0


def report_line(event: AccessEvent, names: Mapping[int, str]) -> str:
    """One line of the access report in Danish: when (UTC), who, what (whose access a member change was), why."""
    who = event.who or (words.text("access_report.operator") if event.caseworker_id is None
                        else words.text("access_report.account", id=event.caseworker_id))
    what = words.label("access_kind", event.kind)
    if event.meeting_id is not None and event.kind in (AccessKind.VIEW, AccessKind.EDIT, AccessKind.EXPORT,
                                                       AccessKind.DUMP):
        what += " " + words.text("access_report.meeting", id=event.meeting_id)
    if event.kind in (AccessKind.MEMBER_ADDED, AccessKind.MEMBER_REMOVED):
        role, _, worker_id = event.detail.rpartition("_")
        if worker_id.isdigit():
            what += f" ({names.get(int(worker_id), worker_id)}, {role})"
    purpose = words.label("purpose", event.purpose) if event.purpose else "–"
    return f"{event.at:%Y-%m-%d %H:%M} UTC\t{who}\t{what}\t{words.text('access_report.purpose')}: {purpose}"


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != first:
        raise _InputError("the two passwords differ; nothing was changed")
    return first


def _account(db: Database, email: str) -> Caseworker:
    worker = accounts.find_account(db, email)
    if worker is None:
        raise NotFoundError("account", email)
    return worker


def _user_add(db: Database, args: argparse.Namespace) -> int:
    worker = accounts.create_account(db, args.name, args.email, _password(args))
    print(f"account {worker.id} created for {worker.name} <{worker.email}>")
    return 0


def _user_passwd(db: Database, args: argparse.Namespace) -> int:
    worker = _account(db, args.email)
    accounts.set_password(db, worker.id, _password(args))
    print(f"password of {worker.email} changed")
    return 0


def _user_disable(db: Database, args: argparse.Namespace) -> int:
    accounts.disable_account(db, _account(db, args.email).id)
    print(f"{args.email} disabled")
    return 0


def _user_enable(db: Database, args: argparse.Namespace) -> int:
    accounts.enable_account(db, _account(db, args.email).id)
    print(f"{args.email} enabled")
    return 0


def _user_contact(db: Database, args: argparse.Namespace) -> int:
    worker = accounts.set_phone(db, _account(db, args.email).id, args.phone)
    print(f"phone of {worker.email} is now {worker.phone or '(none)'}")
    return 0


def _user_list(db: Database, args: argparse.Namespace) -> int:
    for worker in accounts.list_accounts(db):
        state = "disabled" if worker.disabled else (f"locked until {worker.locked_until:%Y-%m-%d %H:%M} UTC"
                                                    if worker.locked_until else "active")
        print(f"{worker.id}\t{worker.name}\t{worker.email}\t{state}")
    return 0


def _member_add(db: Database, args: argparse.Namespace) -> int:
    members.add_member(db, CLI_ACTOR, args.case_id, _account(db, args.email).id, args.role)
    print(f"{args.email} is now {args.role} of case {args.case_id}")
    return 0


def _member_remove(db: Database, args: argparse.Namespace) -> int:
    members.remove_member(db, CLI_ACTOR, args.case_id, _account(db, args.email).id)
    print(f"{args.email} no longer has access to case {args.case_id}")
    return 0


def _member_list(db: Database, args: argparse.Namespace) -> int:
    for member in members.members_of(db, args.case_id, viewer=CLI_ACTOR):
        print(f"{member.role}\t{member.caseworker.name}\t{member.caseworker.email}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
