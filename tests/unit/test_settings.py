"""The settings the product's rules read from the environment: the intervention ladder (MOEDETAVLEN_LADDER)."""

from __future__ import annotations

import pytest

from facilitation import settings
from facilitation.domain.measures import DEFAULT_LADDER, STEP_MAX


def test_unset_or_empty_gives_the_default_ladder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(settings.LADDER_ENV, raising=False)
    assert settings.ladder() == DEFAULT_LADDER
    for empty in ("", "  ", " ; ;"):
        monkeypatch.setenv(settings.LADDER_ENV, empty)
        assert settings.ladder() == DEFAULT_LADDER


def test_a_configured_ladder_is_read_lowest_step_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(settings.LADDER_ENV, "Almene tilbud; Forebyggende;;Anbringelse;forebyggende")
    assert settings.ladder() == ("Almene tilbud", "Forebyggende", "Anbringelse")


def test_a_wrong_ladder_names_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(settings.LADDER_ENV, "Almene tilbud;" + "x" * (STEP_MAX + 1))
    with pytest.raises(ValueError, match="^MOEDETAVLEN_LADDER: a ladder step is longer than 40"):
        settings.ladder()
