"""The minute's "Den hjælp, familien får": each running measure in words, reopened with python-docx."""

from __future__ import annotations

from datetime import date

import pytest

from export.minute_cli import minute_for_meeting
from facilitation import services as s
from facilitation.domain.dates import long_date
from facilitation.domain.model import LegalBasis
from facilitation.domain.words import label
from facilitation.storage import Database
from tests.conftest import ACTOR
from tests.integration.test_minute import DAY, NOW, full_meeting  # noqa: F401  (the fixture: a fully recorded meeting)
from tests.support.docx_reading import empty_sections, full_text, headings, open_docx

pytestmark = pytest.mark.integration  # every test renders the whole .docx
HEADING = "Den hjælp, familien får"


def _section(content: bytes) -> str:
    """The text from the measures' heading to the next heading."""
    text = full_text(open_docx(content))
    start = text.index(HEADING)
    following = [h for h in headings(open_docx(content)) if text.index(h) > start]
    return text[start:text.index(following[0]) if following else None]


def test_every_running_measure_is_in_the_minute_in_words(db: Database, full_meeting: int) -> None:  # noqa: F811
    record = s.load_meeting(db, full_meeting, viewer=ACTOR)
    assert record.measures, "the demo case has measures"
    section = _section(minute_for_meeting(db, full_meeting, now=NOW, viewer=ACTOR))
    for measure in record.measures:
        assert measure.what in section
        assert f"Efter {label('legal_basis', measure.legal_basis)}" in section
        assert f"Udføres af {measure.provider}" in section
        assert f"Fra {long_date(measure.start)} og fortsat" in section
    assert "Trin på indsatstrappen: Intensiv indsats i hjemmet" in section
    assert "Trin på indsatstrappen: Forebyggende indsats" in section
    assert "Derfor mødes vi så tit: Sagen har en børnefaglig undersøgelse (§50) eller en §52-indsats i gang." in section


def test_an_ended_or_later_measure_is_left_out_and_no_measure_means_no_section(db: Database) -> None:
    case_id = s.create_case(db, ACTOR, "Familien Hansen", "Emil", "compensation")
    mid = s.create_meeting(db, ACTOR, case_id, "start", DAY, with_default_agenda=False)
    s.add_action(db, ACTOR, mid, "Tale med sundhedsplejersken", "Mor", DAY)
    ended = s.add_measure(db, ACTOR, case_id, what="Aflastning", legal_basis="sel_44", start=date(2026, 1, 5),
                          end=date(2026, 6, 30), step="preventive")
    s.add_measure(db, ACTOR, case_id, what="Efterværn", legal_basis="sel_52", start=date(2027, 3, 1),
                  step="preventive")
    document = open_docx(minute_for_meeting(db, mid, now=NOW, viewer=ACTOR))
    assert HEADING not in headings(document) and empty_sections(document) == []
    s.edit_measure(db, ACTOR, ended, end=None)
    section = _section(minute_for_meeting(db, mid, now=NOW, viewer=ACTOR))
    assert "Aflastning" in section and "Efterværn" not in section
    assert "Udføres af" not in section, "no provider given: no provider line"
    assert "Sagen har kun kompenserende/støttende indsatser" in section


def test_the_english_minute_writes_the_measures_in_english(db: Database, full_meeting: int) -> None:  # noqa: F811
    text = full_text(open_docx(minute_for_meeting(db, full_meeting, language="en", now=NOW, viewer=ACTOR)))
    assert "The help the family gets" in text
    assert f"Under {label('legal_basis', LegalBasis.SEL_52, 'en')}" in text
    assert "Step on the intervention ladder: Intensive support at home" in text


def test_the_anonymised_minute_keeps_providers_but_scrubs_names_in_them(db: Database) -> None:
    case_id = s.create_case(db, ACTOR, "Familien Østergaard", "Åse", "assessment")
    mid = s.create_meeting(db, ACTOR, case_id, "start", DAY, with_default_agenda=False)
    s.add_participant(db, ACTOR, mid, "Bjørn Østergaard", relation="Far")
    s.add_measure(db, ACTOR, case_id, what="Samtaler for Bjørn", legal_basis="sel_52", provider="Familiehuset",
                  start=DAY, step="preventive")
    s.add_measure(db, ACTOR, case_id, what="Aflastning", legal_basis="sel_44", provider="Bjørn Østergaards søster",
                  start=DAY, step="network_placement")
    section = _section(minute_for_meeting(db, mid, anonymised=True, now=NOW, viewer=ACTOR))
    assert "Udføres af Familiehuset" in section and "Samtaler for B." in section
    assert "Bjørn" not in section and "Østergaard" not in section


def test_a_measure_serves_its_goal_s_copy_in_the_follow_up_minute(db: Database, full_meeting: int) -> None:  # noqa: F811
    record = s.load_meeting(db, full_meeting, viewer=ACTOR)
    linked = next(x for x in record.measures if x.goal_id is not None)
    goal = record.measure_goals[linked.id]
    assert goal.meeting_id == full_meeting and linked.goal_id != goal.id, "linked at the start meeting"
    section = _section(minute_for_meeting(db, full_meeting, now=NOW, viewer=ACTOR))
    assert f"Støtter målet: {goal.text}" in section
    later = s.plan_meeting(db, ACTOR, record.case.id, "follow_up", date(2027, 1, 6))  # copies, linked
    copy = s.load_meeting(db, later, viewer=ACTOR).measure_goals[linked.id]
    s.edit_goal(db, ACTOR, later, copy.id, text="Alma sover hjemme alle hverdage")  # the copy, reworded
    section = _section(minute_for_meeting(db, later, now=NOW, viewer=ACTOR))
    assert "Støtter målet: Alma sover hjemme alle hverdage" in section
