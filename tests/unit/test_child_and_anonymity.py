"""The child as a participant (the map's centre), standard relation words, initials that tell people apart,
the anonymised variant without free text, long texts in an appendix, and the caseworkers' phone and e-mail."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from export.map_html import render_map_html
from export.map_png import render_map_png
from export.minute import render_minute
from facilitation import services as s
from facilitation.__main__ import main
from facilitation.demo import create_demo_case
from facilitation.domain import model as m
from facilitation.domain.anonymity import distinct_initials, first_names, labels_for
from facilitation.domain.network import CHILD, build_graph, person_node
from facilitation.domain.people import relation_word
from facilitation.domain.validation import ValidationError, phone_number
from facilitation.services import accounts, members
from facilitation.storage import Database
from tests.conftest import ACTOR
from tests.support.docx_reading import full_text, headings, open_docx
from tests.unit.helpers import refused

NOW = datetime(2026, 11, 25, 10, 0)
TOWN = "Vejle"


@pytest.fixture
def demo(db: Database) -> int:
    return create_demo_case(db, date(2026, 11, 25))


def _record(db: Database, mid: int) -> m.MeetingRecord:
    return s.load_meeting(db, mid, viewer=ACTOR)


def test_the_child_can_be_listed_as_a_participant_present_or_absent(db: Database, meeting_id: int) -> None:
    child = s.add_participant(db, ACTOR, meeting_id, "Alma", ring=0, attendance="absent")
    person = _record(db, meeting_id).participant(child)
    assert person is not None and person.is_child and person.attendance == m.Attendance.ABSENT
    s.edit_participant(db, ACTOR, meeting_id, child, attendance="present")
    assert _record(db, meeting_id).participant(child).attendance == m.Attendance.PRESENT  # type: ignore[union-attr]
    with refused(db, "out_of_range", meeting_id, field="ring"):
        s.add_participant(db, ACTOR, meeting_id, "Ingen", ring=-1)


def test_the_child_as_participant_is_the_maps_centre_not_a_second_node(db: Database, demo: int) -> None:
    child = s.add_participant(db, ACTOR, demo, "Alma", ring=0, attendance="present")
    record = _record(db, demo)
    mother = next(p for p in record.participants if p.name == "Sanne Juhl")
    s.add_relation(db, ACTOR, demo, mother.id, child, "mor til")
    graph = build_graph(_record(db, demo))
    assert person_node(child) not in graph
    assert [n for n, d in graph.nodes(data=True) if d["kind"] == "child"] == [CHILD]
    assert graph.nodes[CHILD]["attendance"] == "present"
    assert graph.nodes[CHILD]["participant_ids"] == (child,)
    assert graph.edges[person_node(mother.id), CHILD]["tie"] == "relation"
    assert graph.number_of_nodes() == len(record.participants)  # the listed child is the centre: no extra node
    html = render_map_html(_record(db, demo))
    assert html.count('"label": "Alma"') == 1
    assert render_map_png(_record(db, demo)).startswith(b"\x89PNG")


@pytest.mark.parametrize(("attendance", "sentence"), [
    ("present", "Alma var med til mødet."),
    ("absent", "Alma var ikke med til mødet."),
    ("not_invited", "Alma var ikke inviteret til mødet."),
])
def test_the_minute_says_whether_the_child_came(db: Database, demo: int, attendance: str, sentence: str) -> None:
    s.add_participant(db, ACTOR, demo, "Alma", ring=0, attendance=attendance)
    text = full_text(open_docx(render_minute(_record(db, demo), now=NOW)))
    assert sentence in text
    anonymised = full_text(open_docx(render_minute(_record(db, demo), now=NOW, anonymised=True)))
    assert sentence.replace("Alma", "A.") in anonymised


def test_without_the_child_listed_the_minute_says_nothing_about_the_child_coming(db: Database, demo: int) -> None:
    text = full_text(open_docx(render_minute(_record(db, demo), now=NOW)))
    assert "var med til mødet" not in text and "ikke med til mødet" not in text


def test_a_typed_relation_that_is_a_standard_word_counts_as_one_and_nothing_else_is_guessed() -> None:
    def person(relation: str, word: str = "") -> m.Participant:
        return m.Participant(1, 1, "X", relation, m.Sector.FAMILY, 1, m.Group.FAMILY, m.Attendance.PRESENT, "", 0,
                             standard_relation=word)

    assert relation_word(person("Mormor")) == "maternal_grandmother"
    assert relation_word(person(" nabo ")) == "neighbour"
    assert relation_word(person("Mother")) == "mother"
    assert relation_word(person("Far (bor i Vejle)")) == ""
    assert relation_word(person("Far (bor i Vejle)", "father")) == "father"


def test_a_standard_relation_outside_the_list_is_refused(db: Database, meeting_id: int) -> None:
    with refused(db, "invalid_choice", meeting_id, field="standard_relation"):
        s.add_participant(db, ACTOR, meeting_id, "Ole", standard_relation="bedste ven fra Vejle")
    pid = s.add_participant(db, ACTOR, meeting_id, "Ole", relation="Nabo, bor i Vejle", standard_relation="neighbour")
    assert _record(db, meeting_id).participant(pid).standard_relation == "neighbour"  # type: ignore[union-attr]


def test_the_anonymised_minute_and_map_carry_no_free_text_relation(db: Database, demo: int) -> None:
    s.add_participant(db, ACTOR, demo, "Jytte Berg", relation=f"Moster, bor i {TOWN}",
                      standard_relation="maternal_aunt", attendance="absent")
    s.add_participant(db, ACTOR, demo, "Poul Berg", relation=f"Onkel fra {TOWN}")  # no word chosen
    record = _record(db, demo)
    mother = next(p for p in record.participants if p.name == "Sanne Juhl")
    poul = next(p for p in record.participants if p.name == "Poul Berg")
    s.add_relation(db, ACTOR, demo, poul.id, mother.id, f"nabo til i {TOWN}")
    record = _record(db, demo)
    plain = full_text(open_docx(render_minute(record, now=NOW)))
    assert TOWN in plain  # the family's own copy keeps what was typed
    anonymised = full_text(open_docx(render_minute(record, now=NOW, anonymised=True)))
    assert TOWN not in anonymised
    assert "Moster" in anonymised and "Far" in anonymised and "Mormor" in anonymised
    for language in ("da", "en"):
        html = render_map_html(record, anonymised=True, language=language)
        assert TOWN not in html
        graph = build_graph(record, anonymised=True, language=language)
        texts = [str(v) for _, d in graph.nodes(data=True) for v in d.values() if isinstance(v, str)]
        texts += [str(d["kind"]) for _, _, d in graph.edges(data=True)]
        assert not any(TOWN in text for text in texts)
    graph = build_graph(record, anonymised=True, language="en")
    assert graph.nodes[person_node(mother.id)]["relation"] == "Mother"


def test_a_child_and_a_cousin_with_the_same_first_name_get_initials_that_tell_them_apart(
    db: Database, demo: int
) -> None:
    cousin = s.add_participant(db, ACTOR, demo, "Alma", relation="Kusine", standard_relation="cousin")
    record = _record(db, demo)
    labels = labels_for(record)
    assert labels.child == "A."
    assert labels.people[cousin] != labels.child
    assert len(set(labels.people.values())) == len(labels.people)  # nobody shares initials with anyone
    graph = build_graph(record, anonymised=True)
    assert graph.nodes[CHILD]["label"] != graph.nodes[person_node(cousin)]["label"]
    text = full_text(open_docx(render_minute(record, now=NOW, anonymised=True)))
    assert labels.people[cousin] in text


def test_distinct_initials_use_two_letters_then_numbers() -> None:
    assert distinct_initials(["Alma", "Anna"]) == ["Al.", "An."]
    assert distinct_initials(["Alma", "Alma"]) == ["A.", "A.2"]
    assert distinct_initials(["Sanne Juhl", "Søren Jensen", "Mads"]) == ["Sa.Ju.", "Sø.Je.", "M."]
    assert distinct_initials(["Alma", "Alma Hansen"]) == ["A.", "A.H."]


def test_first_names_drop_ages_and_family_names() -> None:
    assert first_names("Alma") == "Alma"
    assert first_names("Alma Juhl (8 år)") == "Alma"
    assert first_names("Alma (8) og Bo (5)") == "Alma og Bo"
    assert first_names("(8 år)") == "?"


def test_a_very_long_board_note_goes_to_the_appendix_and_the_body_points_there(db: Database, demo: int) -> None:
    sentence = "Sanne fortæller om aftenerne, og hvordan det er at stå alene med det hele. "
    note = sentence * 60  # about 4,500 characters
    s.add_board_item(db, ACTOR, demo, "worry", note)
    document = open_docx(render_minute(_record(db, demo), now=NOW))
    assert headings(document)[-1] == "Hele teksten"
    paragraphs = [p.text for p in document.paragraphs]
    appendix = paragraphs.index("Hele teksten")
    assert note.strip() in "\n".join(paragraphs[appendix:])
    body = full_text(document).split("Hele teksten\n", 1)[0]
    assert note.strip() not in body
    assert "(resten står i bilaget »Hele teksten«, nr. 1)" in body
    assert sentence.strip() in body  # the first lines stay where the note stands


def test_short_texts_make_no_appendix(db: Database, demo: int) -> None:
    document = open_docx(render_minute(_record(db, demo), now=NOW))
    assert "Hele teksten" not in headings(document)


def test_the_contacts_give_the_caseworkers_phone_and_e_mail(db: Database, demo: int) -> None:
    record = _record(db, demo)
    line = accounts.create_account(db, "Line Bech", "line.bech@kommune.dk", None)
    members.add_member(db, ACTOR, record.case.id, line.id, "primary")
    accounts.set_phone(db, line.id, "+45 12 34 56 78")
    text = full_text(open_docx(render_minute(_record(db, demo), now=NOW)))
    contacts = text.split("Sådan fanger I os", 1)[1]
    assert "Telefon: +45 12 34 56 78" in contacts and "E-mail: line.bech@kommune.dk" in contacts
    anonymised = full_text(open_docx(render_minute(_record(db, demo), now=NOW, anonymised=True)))
    assert "12 34 56 78" not in anonymised and "line.bech" not in anonymised


def test_a_caseworker_who_is_not_a_member_of_the_case_gives_no_contact(db: Database, demo: int) -> None:
    outsider = accounts.create_account(db, "Line Bech", "line.bech@kommune.dk", None)
    accounts.set_phone(db, outsider.id, "12345678")
    assert _record(db, demo).reach == {}


@pytest.mark.parametrize("typed", ["ring mig", "<script>", "12", "1" * 60])
def test_a_phone_number_that_is_not_one_is_refused(typed: str) -> None:
    with pytest.raises(ValidationError) as info:
        phone_number(typed)
    assert info.value.code in ("phone_invalid", "too_long")


def test_the_users_command_sets_the_phone(db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    worker = accounts.create_account(db, "Line Bech", "line.bech@kommune.dk", None)
    assert main(["users", "contact", "Line.Bech@kommune.dk", "--phone", "+45 12 34 56 78"]) == 0
    assert accounts.get_account(db, worker.id).phone == "+45 12 34 56 78"
    assert main(["users", "contact", "line.bech@kommune.dk", "--phone", "ring mig"]) == 1
    assert "is not a phone number" in capsys.readouterr().err
    assert main(["users", "contact", "line.bech@kommune.dk", "--phone", ""]) == 0
    assert accounts.get_account(db, worker.id).phone == ""
