"""The minute's network section, reopened: what the network can help with, and 'Andre der kan hjælpe'."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from export.minute_cli import minute_for_meeting
from facilitation import services as s
from facilitation.demo import create_demo_case
from facilitation.storage import Database
from tests.conftest import ACTOR
from tests.support.docx_reading import full_text, headings, open_docx, table_after, table_rows

pytestmark = pytest.mark.integration

DAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 10, 0)
NOT_INVITED_HELPERS = ("Lone Møller", "Ole Vestergaard")  # the demo's two who were not invited but could be asked


def test_the_others_who_can_help_are_the_not_invited_people_on_the_map_with_what_they_can_do(db: Database) -> None:
    mid = create_demo_case(db, DAY)
    document = open_docx(minute_for_meeting(db, mid, now=NOW, viewer=ACTOR))
    assert "Hvad netværket kan" in headings(document) and "Andre der kan hjælpe" in headings(document)
    rows = table_rows(table_after(document, "Andre der kan hjælpe"))
    assert [row[0] for row in rows[1:]] == list(NOT_INVITED_HELPERS)
    lone = dict((row[0], row) for row in rows[1:])["Lone Møller"]
    assert "Samvær og fritid" in lone[2] and "kan spørges" in lone[2] and "Ferier" in lone[2]
    hvem = [row[0] for row in table_rows(table_after(document, "Hvem var med"))]
    assert not set(NOT_INVITED_HELPERS) & set(hvem), "resources, not participants"


def test_the_network_section_tells_the_family_in_plain_sentences_who_can_help_with_what(db: Database) -> None:
    mid = create_demo_case(db, DAY)
    text = full_text(open_docx(minute_for_meeting(db, mid, now=NOW, viewer=ACTOR)))
    assert "personer kan hjælpe med praktiske ting" in text
    assert "Lone Møller og Ole Vestergaard kender familien og kan måske spørges." in text


def test_the_anonymised_minute_names_the_helpers_by_initials_only_and_leaves_their_free_text_out(
    db: Database,
) -> None:
    mid = create_demo_case(db, DAY)
    document = open_docx(minute_for_meeting(db, mid, anonymised=True, now=NOW, viewer=ACTOR))
    text = full_text(document)
    assert not any(name in text for name in NOT_INVITED_HELPERS)
    rows = table_rows(table_after(document, "Andre der kan hjælpe"))
    assert [row[0] for row in rows[1:]] == ["L.M.", "O.V."]
    assert all("Ferier" not in cell for row in rows for cell in row), "free text stays out of the anonymised copy"


def test_a_meeting_without_helpers_beyond_the_invited_has_no_others_section(db: Database) -> None:
    mid = create_demo_case(db, DAY)
    for person in s.load_meeting(db, mid, viewer=ACTOR).participants:
        if person.name in NOT_INVITED_HELPERS:
            s.remove_participant(db, ACTOR, mid, person.id)
    assert "Andre der kan hjælpe" not in headings(open_docx(minute_for_meeting(db, mid, now=NOW, viewer=ACTOR)))


def test_the_family_s_plan_is_grouped_by_person_so_the_mother_finds_her_job_goal(db: Database) -> None:
    mid = create_demo_case(db, DAY)
    document = open_docx(minute_for_meeting(db, mid, now=NOW, viewer=ACTOR))
    assert "Familiens plan" in headings(document) and "Mål" not in headings(document)
    text = full_text(document)
    alma, sanne, family = (text.index(title) for title in ("For Alma", "For Sanne Juhl", "For hele familien"))
    assert alma < sanne < family
    sannes_part = text[sanne:family]
    assert "plan for job eller uddannelse" in sannes_part and "Peter Brandt, jobcentret" in sannes_part
    assert "Kontakt til jobcentret om et afklaringsforløb" in sannes_part
    assert "Alma har en voksen hos sig hver aften" in text[alma:sanne]


def test_the_anonymised_plan_names_the_mother_by_initials(db: Database) -> None:
    mid = create_demo_case(db, DAY)
    text = full_text(open_docx(minute_for_meeting(db, mid, anonymised=True, now=NOW, viewer=ACTOR)))
    assert "For S.J." in text and "Sanne Juhl" not in text
