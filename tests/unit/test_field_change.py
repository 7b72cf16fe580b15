"""A field saved on change saves only a value someone changed (a replaced field's replayed value is not one)."""

from __future__ import annotations

import pytest

from ui import forms


@pytest.fixture
def saved(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The actions forms.on_submit was asked to run (the widget values come from a plain dict)."""
    values = {"notes.9.old": "Alle præsenterede sig", "notes.9.new": "Skrevet på den anden computer"}
    monkeypatch.setattr(forms.session, "widget_value", lambda key, default=None: values.get(key, default))
    ran: list[str] = []
    monkeypatch.setattr(forms, "on_submit", lambda form_key, action, **_: ran.append(str(action())))
    return ran


def test_a_replaced_field_still_holding_the_value_it_was_drawn_with_saves_nothing(saved: list[str]) -> None:
    forms.on_field_change("notes_9", "notes.9.old", "Alle præsenterede sig", lambda: "old")
    assert saved == [], "it would put the old note back over the other laptop's"


def test_a_field_someone_changed_is_saved(saved: list[str]) -> None:
    forms.on_field_change("notes_9", "notes.9.new", "Alle præsenterede sig", lambda: "new")
    assert saved == ["new"]
