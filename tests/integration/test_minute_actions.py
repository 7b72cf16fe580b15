"""The Word minute's actions, reopened with python-docx: overdue ones are marked, those not agreed yet stand apart."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from export.minute_cli import minute_for_meeting
from facilitation import services as s
from facilitation.domain.dates import long_date
from facilitation.storage import Database
from tests.conftest import ACTOR
from tests.integration.test_minute import DAY, NOW
from tests.support.docx_reading import empty_sections, full_text, headings, open_docx, table_after, table_rows

pytestmark = pytest.mark.integration

WORDS = {
    "da": {"agreed": "Det har vi aftalt", "pending": "Ikke aftalt endnu", "overdue": "Overskredet",
           "header": ["Hvad skal der ske?", "Hvem gør det?", "Hvornår?", "Hvem koordinerer?"],
           "family": "Familien", "intro": "men vi har ikke aftalt hvem eller hvornår endnu"},
    "en": {"agreed": "What we agreed", "pending": "Not agreed yet", "overdue": "Overdue",
           "header": ["What needs to happen?", "Who does it?", "By when?", "Who coordinates?"],
           "family": "The family", "intro": "but have not yet agreed who or by when"},
}


@pytest.fixture
def meeting(db: Database) -> int:
    """A meeting with one agreed action, one past its date, one without an owner and one without a date."""
    case_id = s.create_case(db, ACTOR, "Familien Hansen", "Emil", "assessment")
    mid = s.create_meeting(db, ACTOR, case_id, "follow_up", DAY, with_default_agenda=False)
    s.add_action(db, ACTOR, mid, "Tale med sundhedsplejersken", "Mor", DAY + timedelta(days=14))
    s.add_action(db, ACTOR, mid, "Ringe til skolen", "Far", DAY - timedelta(days=3))
    s.add_action(db, ACTOR, mid, "Finde en, der kan hente Emil om tirsdagen", "", DAY + timedelta(days=7))
    s.add_action(db, ACTOR, mid, "Spørge mormor om weekenderne", "Mor", None)
    return mid


@pytest.mark.parametrize("language", ["da", "en"])
def test_actions_not_agreed_yet_are_listed_on_their_own_and_overdue_ones_are_marked(
    db: Database, meeting: int, language: str
) -> None:
    words = WORDS[language]
    document = open_docx(minute_for_meeting(db, meeting, now=NOW, viewer=ACTOR, language=language))
    assert headings(document) == [words["agreed"], words["pending"]]
    agreed = table_rows(table_after(document, words["agreed"]))
    assert agreed[0] == words["header"]
    assert [row[0] for row in agreed[1:]] == ["Tale med sundhedsplejersken", "Ringe til skolen"]
    on_time, late = agreed[1][2], agreed[2][2]
    assert words["overdue"] not in on_time
    assert late == long_date(DAY - timedelta(days=3), language) + "\n" + words["overdue"]
    pending = table_rows(table_after(document, words["pending"]))
    assert pending[0] == words["header"]
    assert pending[1:] == [
        ["Finde en, der kan hente Emil om tirsdagen", "–", long_date(DAY + timedelta(days=7), language),
         words["family"]],
        ["Spørge mormor om weekenderne", "Mor", "–", words["family"]],
    ]
    assert words["intro"] in full_text(document)
    assert empty_sections(document) == []


def test_a_minute_with_every_action_agreed_has_no_not_agreed_section_and_nothing_overdue(db: Database) -> None:
    case_id = s.create_case(db, ACTOR, "Familien Hansen", "Emil", "assessment")
    mid = s.create_meeting(db, ACTOR, case_id, "start", DAY, with_default_agenda=False)
    s.add_action(db, ACTOR, mid, "Tale med sundhedsplejersken", "Mor", date(2026, 12, 9))
    text = full_text(open_docx(minute_for_meeting(db, mid, now=NOW, viewer=ACTOR)))
    assert "Ikke aftalt endnu" not in text and "Overskredet" not in text


def test_an_action_settled_without_an_owner_is_not_waiting_for_one(db: Database, meeting: int) -> None:
    ownerless = s.load_meeting(db, meeting, viewer=ACTOR).actions[2]
    s.edit_action(db, ACTOR, meeting, ownerless.id, status="dropped")
    document = open_docx(minute_for_meeting(db, meeting, now=NOW, viewer=ACTOR))
    assert [row[0] for row in table_rows(table_after(document, "Ikke aftalt endnu"))[1:]] == [
        "Spørge mormor om weekenderne"]
    agreed = table_rows(table_after(document, "Det har vi aftalt"))
    assert agreed[-1][0] == "Finde en, der kan hente Emil om tirsdagen  (droppet)"
