"""Loading a meeting file on the Meeting page: it becomes the caseworker's new case, or is refused in plain words."""

from __future__ import annotations

import json
from typing import Any

from streamlit.testing.v1 import AppTest

from facilitation import services
from facilitation.domain.access import AccessKind
from facilitation.services import access
from facilitation.storage import Database
from tests.app.conftest import meeting_id, open_fold, open_page
from tests.conftest import ACTOR
from ui.text import md


def choose_file(app: AppTest, content: bytes) -> AppTest:
    if not app.get("file_uploader"):
        open_fold(app, "meeting_file.open")
    (picker,) = app.get("file_uploader")
    picker.set_value(("møde.json", content, "application/json"))  # type: ignore[attr-defined]
    return app


def case_count(db: Database) -> int:
    return len(services.list_cases(db, viewer=ACTOR))


def test_a_meeting_file_is_loaded_as_a_new_case_of_the_caseworker_and_its_meeting_opens(
    app: AppTest, db: Database, demo_text: str
) -> None:
    open_page(app, "meeting")
    before = case_count(db)
    choose_file(app, demo_text.encode("utf-8")).button(key="meeting_file.submit").click().run()
    assert not app.exception and not app.error
    new_id = meeting_id(app)
    record = services.load_meeting(db, new_id, viewer=ACTOR)
    assert record.case.family_name == "Familien Juhl (demo)" and len(record.decisions) == 2
    assert case_count(db) == before + 1
    assert [m.id for m in services.list_meetings(db, record.case.id, viewer=ACTOR)] == [new_id]
    (toast,) = app.toast
    assert toast.value == "Mødefilen er indlæst som en ny sag, og mødet er åbnet."
    log = access.case_log(db, ACTOR, record.case.id)
    assert (AccessKind.EDIT, "load_file") in [(line.kind, line.detail) for line in log]  # then opened: a view


def test_a_bad_meeting_file_is_explained_in_danish_and_nothing_is_stored(
    app: AppTest, db: Database, demo_data: dict[str, Any]
) -> None:
    demo_data["participants"][2]["ring"] = 7
    demo_data["participants"][2]["name"] = "**Birthe** <b>Juhl</b>"
    open_page(app, "meeting")
    before, shown = case_count(db), meeting_id(app)
    choose_file(app, json.dumps(demo_data).encode()).button(key="meeting_file.submit").click().run()
    assert not app.exception
    (error,) = app.error  # Markdown source: what the family typed shows as typed, never as bold or a tag
    assert error.value.startswith(md("deltager 3 »**Birthe** <b>Juhl</b>«: »ring« (Hvor tæt på barnet) skal være "))
    assert error.value.endswith(md(", ikke 7. Intet er gemt."))
    assert case_count(db) == before and meeting_id(app) == shown


def test_a_file_that_is_not_text_and_a_missing_file_are_refused_in_plain_words(app: AppTest, db: Database) -> None:
    open_fold(open_page(app, "meeting"), "meeting_file.open")
    app.button(key="meeting_file.submit").click().run()
    assert [e.value for e in app.error] == [
        "Vælg først en mødefil, og vent, til den er lagt op (den står under feltet)."
    ]
    choose_file(app, b"\xff\xd8\xff\xe0 JFIF").button(key="meeting_file.submit").click().run()
    assert [e.value for e in app.error] == [
        md("Filen er ikke tekst i UTF-8, som en mødefil skal være (er det den rigtige fil?). Intet er gemt.")
    ]


def test_the_error_follows_the_ui_language(app: AppTest, db: Database, demo_text: str) -> None:
    open_page(app, "meeting")
    app.session_state["session.language"] = "en"
    open_page(app, "meeting")
    choose_file(app, demo_text[:200].encode()).button(key="meeting_file.submit").click().run()
    (error,) = app.error
    assert error.value.startswith(md("The file is not valid JSON: a text that starts at line "))
    assert error.value.endswith(md("Nothing was stored."))
