"""The minute's network section: what the network can help with, in plain sentences and a small table,
and "Andre der kan hjælpe" — people on the map who were not invited but can help (resources, not participants).
"""

from __future__ import annotations

from docx.document import Document

from export import docx_kit as k
from export.minute_names import Names
from export.minute_sections import relation
from export.minute_text import Words
from facilitation.domain.model import Attendance, MeetingRecord, Participant, Sector
from facilitation.domain.network import build_graph
from facilitation.domain.network_measures import measure
from facilitation.domain.network_story import family_sentences


def can_help(person: Participant) -> bool:
    """Whether a person is a resource: gives some support, could be asked, or has written what they can help with."""
    return person.could_be_asked or any(s.given for s in person.supports) or bool(person.can_help_with.strip())


def others_who_can_help(record: MeetingRecord) -> list[Participant]:
    """The people on the map who were not invited but can help, in the map's order."""
    return [p for p in record.participants if not p.is_child and p.attendance == Attendance.NOT_INVITED
            and can_help(p)]


def network(document: Document, record: MeetingRecord, names: Names, words: Words) -> None:
    """'Hvad netværket kan': a few sentences, people per sector, then the others who can help."""
    people = [p for p in record.participants if not p.is_child]
    if not people:
        return
    graph = build_graph(record, anonymised=names.anonymised, language=words.language)
    found = measure(graph)
    labels = {node: str(data.get("label", "")) for node, data in graph.nodes(data=True)}
    k.heading(document, words("minute.network"))
    for sentence in family_sentences(found, labels, words.language):
        k.paragraphs(document, sentence)
    helping = {s: sum(1 for p in people if p.sector == s and can_help(p)) for s in Sector}
    k.table(document, (words("field.sector"), words("network.measures_people"), words("minute.network_helping")), [
        (words.label("sector", sector), str(count), str(helping[sector]))
        for sector, count in found.per_sector.items()
    ], [8.0, 3.5, 4.5])
    others = others_who_can_help(record)
    if not others:
        return
    k.heading(document, words("minute.others_who_can_help"))
    k.paragraphs(document, words("minute.others_who_can_help_intro"), size=10)
    k.table(document, (words("field.name"), words("field.relation"), words("field.can_help_with")), [
        (names.participant(p), relation(p, names, words), _help_text(p, names, words)) for p in others
    ], [4.6, 4.4, 7.0])


def _help_text(person: Participant, names: Names, words: Words) -> str:
    gives = ", ".join(words.label("support_kind", s.kind) for s in person.supports if s.given)
    free = "" if names.anonymised else names.free(person.can_help_with)
    asked = words("minute.could_be_asked") if person.could_be_asked else ""
    return " · ".join(part for part in (gives, free, asked) if part)
