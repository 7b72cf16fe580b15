"""The operator's command line for accounts, members and the access log, run in-process on the test's database."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date

import pytest

from facilitation import services as s
from facilitation.__main__ import main
from facilitation.demo import DEMO_EMAIL
from facilitation.domain.access import Purpose
from facilitation.services import access, accounts, members
from facilitation.storage import Database
from tests.support.accounts import caseworker, cheap_passwords

pytestmark = pytest.mark.integration


@pytest.fixture(autouse=True)
def _cheap() -> Iterator[None]:
    with cheap_passwords():
        yield


def run(argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        stdin: str = "") -> tuple[int, str, str]:
    """Run one command with `stdin`; returns its exit code, stdout and stderr."""
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_help_says_these_are_the_operators_tools(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "operator" in capsys.readouterr().out


def test_users_add_passwd_disable_and_list(
    db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(["users", "add", "Line Bech", "--email", "Line@Kommune.invalid", "--password-stdin"],
                       capsys, monkeypatch, "første kodeord\n")
    assert code == 0 and "line@kommune.invalid" in out
    assert accounts.authenticate(db, "line@kommune.invalid", "første kodeord") is not None
    assert run(["users", "passwd", "line@kommune.invalid", "--password-stdin"], capsys, monkeypatch,
               "andet kodeord\n")[0] == 0
    assert accounts.authenticate(db, "line@kommune.invalid", "første kodeord") is None
    assert accounts.authenticate(db, "line@kommune.invalid", "andet kodeord") is not None
    code, out, _ = run(["users", "list"], capsys, monkeypatch)
    assert code == 0 and "Line Bech\tline@kommune.invalid\tactive" in out and "$argon2" not in out
    assert run(["users", "disable", "line@kommune.invalid"], capsys, monkeypatch)[0] == 0
    assert accounts.authenticate(db, "line@kommune.invalid", "andet kodeord") is None
    assert "disabled" in run(["users", "list"], capsys, monkeypatch)[1]


def test_users_add_asks_twice_and_refuses_passwords_that_differ(
    db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = iter(["et kodeord her", "et andet kodeord"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    code, _, err = run(["users", "add", "Line", "--email", "line@kommune.invalid"], capsys, monkeypatch)
    assert code == 2 and "differ" in err
    assert accounts.list_accounts(db) == []


def test_a_refused_account_or_an_unknown_address_fails_clearly(
    db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(["users", "add", "Line", "--email", "ikke-en-adresse", "--password-stdin"], capsys,
                       monkeypatch, "et langt kodeord\n")
    assert code == 1 and "not a valid e-mail address" in err
    code, _, err = run(["users", "disable", "ukendt@kommune.invalid"], capsys, monkeypatch)
    assert code == 1 and "does not exist" in err


def test_members_add_gives_an_account_access_to_a_case(
    db: Database, meeting_id: int, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ole = caseworker(db, "Ole Sand", "ole@kommune.invalid")
    case_id = s.get_meeting(db, meeting_id, viewer="test").case_id
    command = ["members", "add", str(case_id), "OLE@kommune.invalid", "--role", "primary"]
    assert run(command, capsys, monkeypatch)[0] == 0
    assert [(m.caseworker.id, m.role) for m in members.members_of(db, case_id, viewer=ole)] == [(ole.id, "primary")]
    assert "primary\tOle Sand" in run(["members", "list", str(case_id)], capsys, monkeypatch)[1]
    assert "gav en rådgiver adgang (Ole Sand, primary)" in run(["access-report", str(case_id)], capsys, monkeypatch)[1]


def test_access_report_prints_who_did_what_when_and_why_without_case_text(
    db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    line = caseworker(db, "Line Bech", "line@kommune.invalid", purpose=Purpose.FOLLOW_UP)
    case_id = s.create_case(db, line, "Familien Kragholm", "Vilfred", "assessment")
    mid = s.create_meeting(db, line, case_id, "follow_up", date(2026, 3, 2))
    access.open_meeting(db, line, mid)
    s.add_board_item(db, line, mid, "worry", "Mor drikker om aftenen")
    access.log_export(db, line, mid, "minute_docx")
    code, out, _ = run(["access-report", str(case_id)], capsys, monkeypatch)
    assert code == 0
    lines = out.strip().splitlines()
    assert lines[0] == f"Adgangslog for sag {case_id} (nyeste først)"
    assert "Line Bech\thentede en eksport (møde" in lines[1] and lines[1].endswith("formål: opfølgning")
    assert any("Line Bech\tså mødet" in text for text in lines)
    assert "Kragholm" not in out and "Vilfred" not in out and "drikker" not in out


def test_purge_log_says_how_many_lines_went(
    db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(["purge-log"], capsys, monkeypatch)
    assert code == 0 and out.startswith("0 access-log lines")


def test_demo_prints_the_demo_accounts_password_once_and_it_signs_in_to_the_demo_case(
    db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run(["demo"], capsys, monkeypatch)
    first, meeting_id = out.strip().splitlines()[-2:]
    assert code == 0 and first.startswith(f"Log ind som {DEMO_EMAIL} med adgangskoden ")
    password = first.split("adgangskoden ")[1].split(" ")[0]
    demo = accounts.authenticate(db, DEMO_EMAIL, password)
    assert demo is not None
    assert s.load_meeting(db, int(meeting_id), viewer=demo).case.family_name == "Familien Juhl (demo)"
    code, again, _ = run(["demo"], capsys, monkeypatch)
    assert code == 0 and "adgangskoden" not in again, "an existing demo account keeps its password"
    assert accounts.authenticate(db, DEMO_EMAIL, password) is not None
    assert len(s.list_cases(db, viewer=demo)) == 4  # each run: the Juhl case and the overdue Berg case
    assert run(["demo", "--if-empty"], capsys, monkeypatch)[1] == ""
