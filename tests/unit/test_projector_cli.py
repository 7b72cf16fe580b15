"""`python -m facilitation projector-link`: the operator gets a one-time link for a meeting's fixed screen."""

from __future__ import annotations

import argparse

import pytest

from facilitation.domain.validation import NotFoundError
from facilitation.projector_cli import add_projector_link_command, projector_link
from facilitation.services import pairing
from facilitation.storage import Database


def _args(*argv: str) -> argparse.Namespace:
    """The command line parsed as `python -m facilitation` parses it once the command is wired in."""
    parser = argparse.ArgumentParser(prog="python -m facilitation")
    add_projector_link_command(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(list(argv))


def test_the_projector_link_command_prints_a_link_that_pairs_once(
    db: Database, meeting_id: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert projector_link(db, _args("projector-link", str(meeting_id), "--base", "https://tavle.example.dk/")) == 0
    out, err = capsys.readouterr()
    link = out.strip()
    assert link.startswith("https://tavle.example.dk/pair/")
    assert "2 minutes" in err and "once" in err
    token = link.rsplit("/", 1)[1]
    assert pairing.redeem_pairing_link(db, token) is not None
    assert pairing.redeem_pairing_link(db, token) is None


def test_the_projector_link_command_refuses_a_missing_meeting(db: Database, meeting_id: int) -> None:
    with pytest.raises(NotFoundError):
        projector_link(db, _args("projector-link", str(meeting_id + 1000), "--base", "http://127.0.0.1:8501"))


@pytest.mark.parametrize("base", ["tavle.example.dk", "ftp://tavle.example.dk", "https://", "http://h/?x=1"])
def test_the_projector_link_command_wants_an_http_address(base: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        _args("projector-link", "1", "--base", base)
    assert "address" in capsys.readouterr().err


def test_the_projector_link_command_says_it_is_the_operators(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        _args("--help")
    assert "operator" in capsys.readouterr().out
