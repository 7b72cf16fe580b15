"""The Word minute 'Referat og aftaler', reopened with python-docx: complete, calm, safe, and anonymisable."""

from __future__ import annotations

import dataclasses
import re
from datetime import date, datetime

import pytest

from export.minute import cleaned, render_minute
from export.minute_cli import minute_for_meeting
from facilitation import services as s
from facilitation.demo import create_demo_case
from facilitation.domain.dates import long_date
from facilitation.domain.model import ActionStatus, Attendance, CaseType, Group, MeetingStatus
from facilitation.domain.roles import Role
from facilitation.storage import Database
from tests.conftest import ACTOR
from tests.support.docx_reading import (
    all_texts,
    empty_sections,
    full_text,
    headings,
    open_docx,
    picture_count,
    table_after,
    table_rows,
)
from tests.support.drawings import canvas, layer

pytestmark = pytest.mark.integration  # every test renders the whole .docx: matplotlib map and chart, Pillow drawing

DAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 10, 0)
CONTACT = "Tlf. 72 36 12 34 · line.bech@kommune.dk"


@pytest.fixture
def full_meeting(db: Database) -> int:
    """The demo case's follow-up meeting, with timings, a decision, a drawing, answers and a contact."""
    mid = create_demo_case(db, DAY)
    first, second = s.load_meeting(db, mid, viewer=ACTOR).agenda[:2]
    s.start_agenda_item(db, ACTOR, mid, first.id, now=datetime(2026, 11, 25, 9, 0))
    s.end_agenda_item(db, ACTOR, mid, first.id, now=datetime(2026, 11, 25, 9, 12))
    s.start_agenda_item(db, ACTOR, mid, second.id, now=datetime(2026, 11, 25, 9, 12))
    s.add_decision(db, ACTOR, mid, "Mormor henter også om fredagen", first.id)
    s.record_evaluation(db, ACTOR, mid, "Sanne Juhl", 4, 5, "Jeg følte mig hørt 💛")
    s.record_evaluation(db, ACTOR, mid, "", 5, 3, "")
    s.set_role_contact(db, ACTOR, mid, "facilitator", CONTACT)
    drawing = s.create_drawing(db, ACTOR, mid, "Almas tegning")
    s.save_drawing(db, ACTOR, mid, drawing, canvas(2), layer())
    return mid


def test_every_participant_is_named_by_group_and_the_absent_are_listed(db: Database, full_meeting: int) -> None:
    record = s.load_meeting(db, full_meeting, viewer=ACTOR)
    document = open_docx(minute_for_meeting(db, full_meeting, now=NOW, viewer=ACTOR))
    rows = table_rows(table_after(document, "Hvem var med"))
    group = None
    seen: dict[str, tuple[str | None, str, str]] = {}
    for row in rows[1:]:
        if len(set(row)) == 1:  # a merged band row names the group
            group = row[0]
            continue
        seen[row[0]] = (group, row[1], row[2])
    groups = {Group.FAMILY: "Familien", Group.NETWORK: "Netværket", Group.PROFESSIONAL: "Fagpersoner"}
    present = [p for p in record.participants if p.attendance == Attendance.PRESENT]
    assert seen == {p.name: (groups[p.group], p.relation, p.can_help_with) for p in present}
    absent_line = next(t for t in all_texts(document) if t.startswith("Meldt afbud:"))
    for person in record.participants:
        if person.attendance == Attendance.ABSENT:
            assert person.name in absent_line
    assert "Line Bech (mødeleder, ordstyrer)" in full_text(document)


def test_every_action_row_says_what_who_by_when_and_who_coordinates(db: Database, full_meeting: int) -> None:
    record = s.load_meeting(db, full_meeting, viewer=ACTOR)
    document = open_docx(minute_for_meeting(db, full_meeting, now=NOW, viewer=ACTOR))
    rows = table_rows(table_after(document, "Det har vi aftalt"))
    assert rows[0] == ["Hvad skal der ske?", "Hvem gør det?", "Hvornår?", "Hvem koordinerer?"]
    coordinators = {"family": "Familien", "caseworker": "Rådgiveren"}
    assert rows[1:] == [
        [a.what, a.who, long_date(a.due) if a.due else "Ingen dato", coordinators[a.coordinator]]
        for a in record.actions
    ]
    assert len(rows) - 1 == len(record.actions) == 7


def test_the_title_names_the_child_the_date_and_the_place_in_danish(db: Database, full_meeting: int) -> None:
    document = open_docx(minute_for_meeting(db, full_meeting, now=NOW, viewer=ACTOR))
    texts = all_texts(document)
    assert document.paragraphs[0].text == "Referat og aftaler"
    assert document.paragraphs[0].style.name == "Title"
    assert "Opfølgningsmøde om Alma" in texts
    assert "25. november 2026 · kl. 9.30–11.30 · Familiehuset, mødelokale 2" in texts


@pytest.mark.parametrize(("case_type", "meeting_day", "due"), [
    ("assessment", date(2026, 11, 25), "6. januar 2027"),
    ("compensation", date(2026, 11, 30), "28. februar 2027"),
    ("compensation", date(2027, 11, 30), "29. februar 2028"),
    ("compensation", date(2026, 8, 31), "30. november 2026"),
])
def test_the_next_follow_up_date_follows_the_cadence(db: Database, case_type: str, meeting_day: date,
                                                     due: str) -> None:
    case_id = s.create_case(db, ACTOR, "Familien Hansen", "Emil", case_type)
    mid = s.create_meeting(db, ACTOR, case_id, "start", meeting_day, with_default_agenda=False)
    text = full_text(open_docx(minute_for_meeting(db, mid, now=NOW, viewer=ACTOR)))
    assert f"Vi mødes igen til opfølgning senest {due}." in text


def test_an_agreed_follow_up_date_replaces_the_cadence_in_the_minute(db: Database, full_meeting: int) -> None:
    s.set_follow_up_date(db, ACTOR, full_meeting, date(2027, 1, 4))
    text = full_text(open_docx(minute_for_meeting(db, full_meeting, now=NOW, viewer=ACTOR)))
    assert "senest 4. januar 2027." in text and "senest 6. januar 2027" not in text


def test_the_map_the_scaling_chart_and_the_drawing_are_pictures(db: Database, full_meeting: int) -> None:
    document = open_docx(minute_for_meeting(db, full_meeting, now=NOW, viewer=ACTOR))
    assert picture_count(document) == 3
    assert {"Netværkskortet", "Skalering", "Tegninger fra mødet"} <= set(headings(document))
    assert "Almas tegning" in all_texts(document)
    blobs = [shape._inline.graphic.graphicData.pic.blipFill.blip.embed for shape in document.inline_shapes]
    images = [document.part.related_parts[r].blob for r in blobs]
    assert all(image.startswith(b"\x89PNG") for image in images)


def test_scaling_shows_earlier_meetings_beside_today(db: Database, full_meeting: int) -> None:
    rows = table_rows(table_after(open_docx(minute_for_meeting(db, full_meeting, now=NOW, viewer=ACTOR)), "Skalering"))
    assert rows[0] == ["Hvem", "2. sep. 2026", "14. okt. 2026", "I dag", "Hvorfor det tal?"]
    assert ["Sanne Juhl", "3", "4", "6", "Vi har en plan nu, og mor hjælper"] in rows
    assert ["Kasper Møller", "1", "2", "4", "Jeg er stadig bekymret for aftnerne"] in rows


def test_the_agenda_shows_planned_and_used_minutes_even_while_the_meeting_runs(db: Database,
                                                                               full_meeting: int) -> None:
    assert s.get_meeting(db, full_meeting, viewer=ACTOR).status != MeetingStatus.ENDED
    document = open_docx(minute_for_meeting(db, full_meeting, now=NOW, viewer=ACTOR))
    rows = table_rows(table_after(document, "Mødets forløb"))
    assert rows[0] == ["Punkt", "Planlagt", "Brugt"]
    assert rows[1][1:] == ["5 min.", "12 min."]
    assert rows[2][1:] == ["15 min.", "48 min."], "a running item counts up to now"
    assert rows[3][2] == "—", "an item not reached yet"
    text = full_text(document)
    assert "Besluttet: Mormor henter også om fredagen" in text
    assert "Alle præsenterede sig." in text


def test_the_board_safety_goals_goals_and_the_childs_houses_are_in_the_minute(db: Database,
                                                                             full_meeting: int) -> None:
    document = open_docx(minute_for_meeting(db, full_meeting, now=NOW, viewer=ACTOR))
    record = s.load_meeting(db, full_meeting, viewer=ACTOR)
    text = full_text(document)
    for item in record.board:
        assert item.text in text
    for goal in record.goals:
        assert goal.text in text
    assert table_rows(table_after(document, "Det talte vi om"))[0] == [
        "Det går godt", "Det er vi bekymrede for", "Det skal der ske"]
    assert "Almas tre huse" in headings(document)
    assert "— Jonas Friis" in text


def test_the_evaluation_and_the_contacts_are_at_the_end(db: Database, full_meeting: int) -> None:
    document = open_docx(minute_for_meeting(db, full_meeting, now=NOW, viewer=ACTOR))
    rows = table_rows(table_after(document, "Hvordan var mødet?"))
    assert rows[-2:] == [["Sanne Juhl", "4 af 5", "5 af 5", "Jeg følte mig hørt 💛"],  # after the demo's three
                         ["Alle sammen", "5 af 5", "3 af 5", ""]]
    assert len(rows) == 1 + 3 + 2
    assert "I gennemsnit: hørt 4,2 af 5, nyttigt 4,2 af 5 (5 svar)." in all_texts(document)
    assert headings(document)[-1] == "Sådan fanger I os"
    assert CONTACT in full_text(document)


def test_the_header_says_confidential_and_the_footer_numbers_the_pages(db: Database, full_meeting: int) -> None:
    document = open_docx(minute_for_meeting(db, full_meeting, now=NOW, viewer=ACTOR))
    section = document.sections[0]
    assert "FORTROLIGT" in section.header.paragraphs[0].text
    footer = section.footer.paragraphs[0]._p.xml
    assert 'w:instr="PAGE"' in footer and 'w:instr="NUMPAGES"' in footer
    assert section.footer.paragraphs[0].text.startswith("Side ")


def test_no_section_is_ever_printed_empty(db: Database, full_meeting: int) -> None:
    assert empty_sections(open_docx(minute_for_meeting(db, full_meeting, now=NOW, viewer=ACTOR))) == []
    case_id = s.create_case(db, ACTOR, "Familien Tom", "Ida", "compensation")
    bare = s.create_meeting(db, ACTOR, case_id, "start", DAY, with_default_agenda=False)
    document = open_docx(minute_for_meeting(db, bare, now=NOW, viewer=ACTOR))
    assert empty_sections(document) == []
    assert headings(document) == [], "nothing recorded: no section at all"
    assert "Vi mødes igen til opfølgning senest 25. februar 2027." in full_text(document)


def test_a_meeting_with_only_some_parts_gets_only_those_sections(db: Database) -> None:
    case_id = s.create_case(db, ACTOR, "Familien Hansen", "Emil", "assessment")
    mid = s.create_meeting(db, ACTOR, case_id, "start", DAY, with_default_agenda=False)
    s.add_board_item(db, ACTOR, mid, "worry", "Emil sover dårligt")
    s.add_action(db, ACTOR, mid, "Tale med sundhedsplejersken", "Mor", DAY)
    document = open_docx(minute_for_meeting(db, mid, now=NOW, viewer=ACTOR))
    assert headings(document) == ["Det har vi aftalt", "Det talte vi om"]
    assert table_rows(table_after(document, "Det talte vi om")) == [["Det er vi bekymrede for"], ["Emil sover dårligt"]]
    assert empty_sections(document) == []


def test_carried_actions_show_how_they_went_and_open_ones_stay_in_the_agreement(db: Database,
                                                                                full_meeting: int) -> None:
    record = s.load_meeting(db, full_meeting, viewer=ACTOR)
    later = s.plan_meeting(db, ACTOR, record.case.id, "follow_up", date(2027, 1, 6))
    carried = s.load_meeting(db, later, viewer=ACTOR).actions
    s.edit_action(db, ACTOR, later, carried[0].id, status="done")
    s.edit_action(db, ACTOR, later, carried[1].id, status="dropped")
    document = open_docx(minute_for_meeting(db, later, now=NOW, viewer=ACTOR))
    review = table_rows(table_after(document, "Aftaler fra sidste møde"))
    assert [row[2] for row in review[1:]] == ["Gjort", "Droppet"] + ["Fortsætter"] * (len(carried) - 2)
    agreed = table_rows(table_after(document, "Det har vi aftalt"))
    assert len(agreed) - 1 == len(carried) - 2
    assert all(row[0].endswith("(fra sidst)") for row in agreed[1:])


def _names_in(record_names: list[str]) -> list[str]:
    return [part for name in record_names for part in re.findall(r"[^\W\d_]{2,}", name)]


def test_the_anonymised_minute_holds_no_name_place_or_contact(db: Database, full_meeting: int) -> None:
    record = s.load_meeting(db, full_meeting, viewer=ACTOR)
    document = open_docx(minute_for_meeting(db, full_meeting, anonymised=True, now=NOW, viewer=ACTOR))
    texts = all_texts(document)
    text = "\n".join(texts)
    people = [p.name for p in record.participants] + list(record.roles.values()) + ["Alma", "Juhl"]
    for name in people:
        assert name not in text, name
    for part in _names_in(people):
        assert not re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text), part
    assert record.meeting.place not in text and CONTACT not in text
    assert "S.J." in text and "Opfølgningsmøde om A." in texts
    assert picture_count(document) == 2, "the map and the chart; drawings may hold handwritten names"
    assert "Sådan fanger I os" not in headings(document)


def test_the_anonymised_minute_scrubs_names_from_every_free_text(db: Database) -> None:
    case_id = s.create_case(db, ACTOR, "Familien Østergaard", "Åse", "assessment")
    mid = s.create_meeting(db, ACTOR, case_id, "network", DAY, "Østergade 12, 2. th.", "Åse og Bjørns plan",
                           with_default_agenda=False)
    bjorn = s.add_participant(db, ACTOR, mid, "Bjørn Østergaard", relation="Far til Åse")
    s.add_participant(db, ACTOR, mid, "Ditte Møller", relation="Bjørns kæreste", attendance="absent")
    s.set_role(db, ACTOR, mid, "facilitator", "Line Bech")
    item = s.add_agenda_item(db, ACTOR, mid, "Bjørns ønsker", 10)
    s.save_note(db, ACTOR, mid, item, "Bjørn og Ditte Møller talte med Line Bech om Åses skole.")
    s.add_board_item(db, ACTOR, mid, "working_well", "BJØRN henter hver dag", said_by="Ditte")
    s.record_score(db, ACTOR, mid, bjorn, 7, "Fordi Ditte hjælper")
    s.add_action(db, ACTOR, mid, "Ringe til Ditte", "Bjørn Østergaard")
    s.record_evaluation(db, ACTOR, mid, "Bjørn", 5, 5, "Tak, Line")
    text = full_text(open_docx(minute_for_meeting(db, mid, anonymised=True, now=NOW, viewer=ACTOR)))
    for part in ("Bjørn", "Østergaard", "Ditte", "Møller", "Line", "Bech", "Åse", "Østergade"):
        assert not re.search(rf"(?<!\w){part}", text), part
    assert "B. og D.M. talte med L.B. om Å.'s skole." in text


def test_control_characters_from_any_source_are_cleaned_and_never_crash_the_export(db: Database,
                                                                                  full_meeting: int) -> None:
    with db.engine.begin() as connection:  # as if loaded by another path, past the services' cleaning
        connection.exec_driver_sql(
            "UPDATE participants SET name = ?, can_help_with = ? WHERE meeting_id = ? AND name = 'Sanne Juhl'",
            ("Sanne\x00 Ju\x08hl\x1b", "Mor\x0bgen\x0c", full_meeting))
        connection.exec_driver_sql("UPDATE agenda_items SET notes = ? WHERE meeting_id = ? AND position = 0",
                                   ("Noter\x01 med\x7f styretegn", full_meeting))
    text = full_text(open_docx(minute_for_meeting(db, full_meeting, now=NOW, viewer=ACTOR)))
    assert "Sanne Juhl" in text and "Morgen" in text and "Noter med styretegn" in text


def test_characters_xml_cannot_hold_are_removed_from_an_in_memory_record(db: Database, full_meeting: int) -> None:
    record = s.load_meeting(db, full_meeting, viewer=ACTOR)
    bad = "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x1f\x7f\x85\ud800\udfff\ufffe\uffff"
    broken = dataclasses.replace(
        record,
        case=dataclasses.replace(record.case, child_names=f"Al{bad}ma"),
        meeting=dataclasses.replace(record.meeting, place=f"Hus{bad}et", purpose=f"For{bad}mål\r\nnæste linje"),
        participants=[dataclasses.replace(p, name=f"{p.name}{bad}") for p in record.participants],
        actions=[dataclasses.replace(a, what=f"{a.what}{bad}", who=f"{bad}{a.who}") for a in record.actions],
        roles={role: f"{name}{bad}" for role, name in record.roles.items()},
    )
    for anonymised in (False, True):
        document = open_docx(render_minute(broken, anonymised=anonymised, now=NOW))
        text = full_text(document)
        assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", text)
    text = full_text(open_docx(render_minute(broken, now=NOW)))
    assert "Opfølgningsmøde om Alma" in text and "Formål\nnæste linje" in text


def test_long_notes_emoji_and_danish_letters_come_out_intact(db: Database) -> None:
    case_id = s.create_case(db, ACTOR, "Familien Ærø", "Åse 🦄", "compensation")
    mid = s.create_meeting(db, ACTOR, case_id, "start", DAY, with_default_agenda=False)
    item = s.add_agenda_item(db, ACTOR, mid, "Æbler, øl og ål 🍎", 10)
    note = ("Åse siger: »Jeg er glad for mormor« 👵🏽🧡 " * 400)[:9_999] + "!"
    s.save_note(db, ACTOR, mid, item, note)
    board_text = ("Ærlig talt går det godt 😊 ø å æ " * 400)[:10_000]
    s.add_board_item(db, ACTOR, mid, "working_well", board_text)
    s.add_participant(db, ACTOR, mid, "Øjvind Ærø-Åberg 👨‍👩‍👧", relation="Morfar 🧓")
    document = open_docx(minute_for_meeting(db, mid, now=NOW, viewer=ACTOR))
    texts = all_texts(document)
    assert len(note) == 10_000 and note in texts
    assert board_text.strip() in texts
    assert "Øjvind Ærø-Åberg 👨‍👩‍👧" in texts and "Opfølgningsmøde om Åse 🦄" not in texts
    assert "Opstartsmøde om Åse 🦄" in texts


def test_cleaning_a_record_keeps_its_enums_and_dates(db: Database, full_meeting: int) -> None:
    record = s.load_meeting(db, full_meeting, viewer=ACTOR)
    copy = cleaned(record)
    assert copy == record
    assert isinstance(copy.case.case_type, CaseType) and isinstance(next(iter(copy.roles)), Role)
    assert all(isinstance(a.status, ActionStatus) for a in copy.actions)


def test_a_drawing_nobody_drew_on_is_left_out(db: Database) -> None:
    case_id = s.create_case(db, ACTOR, "Familien Hansen", "Emil", "assessment")
    mid = s.create_meeting(db, ACTOR, case_id, "start", DAY, with_default_agenda=False)
    s.create_drawing(db, ACTOR, mid, "Tom tegning")
    document = open_docx(minute_for_meeting(db, mid, now=NOW, viewer=ACTOR))
    assert "Tegninger fra mødet" not in headings(document) and picture_count(document) == 0


def test_drawings_given_to_the_builder_are_placed_with_their_titles(db: Database, meeting_id: int) -> None:
    record = s.load_meeting(db, meeting_id, viewer=ACTOR)
    png = layer()
    document = open_docx(render_minute(record, drawings=[("Første\x00 tegning", png), ("Anden", png)], now=NOW))
    assert picture_count(document) == 2
    assert {"Første tegning", "Anden"} <= set(all_texts(document))
    anonymised = open_docx(render_minute(record, drawings=[("Første", png)], anonymised=True, now=NOW))
    assert picture_count(anonymised) == 0
