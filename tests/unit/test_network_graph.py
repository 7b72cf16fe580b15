"""The network map as a graph: nodes, sectors, rings, ties; anonymisation; maps compared over time."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from facilitation.domain import model as m
from facilitation.domain.anonymity import child_initials, initials, name_scrubber
from facilitation.domain.network import CHILD, build_graph, compare_maps, person_node, relation_edges
from tests.unit.map_records import record_with, with_person

SANNE_HELPS = "Morgenrutiner, lektier om aftenen"


@pytest.fixture
def network() -> m.MeetingRecord:
    """Alma's network, in memory: someone in every sector, a strained tie, one absent and one not invited."""
    record = record_with(
        [
            ("Sanne Juhl", m.Sector.FAMILY, 1), ("Kasper Møller", m.Sector.FAMILY, 2),
            ("Birthe Juhl", m.Sector.FAMILY, 1), ("Lone Møller", m.Sector.FAMILY, 3),
            ("Mette Lund", m.Sector.FRIENDS_NEIGHBOURS, 2), ("Jonas Friis", m.Sector.SCHOOL_DAYCARE_WORK, 2),
            ("Ida Nørgaard", m.Sector.PROFESSIONAL, 3),
        ],
        [(2, 0, "mor til", False), (1, 0, "tidligere par", True), (3, 1, "mor til", False), (4, 0, "veninde", False)],
        child_names="Alma",
    )
    record = with_person(record, "Sanne Juhl", relation="Mor", can_help_with=SANNE_HELPS)
    record = with_person(record, "Birthe Juhl", relation="Mormor", can_help_with="Henter Alma i SFO tirsdag")
    record = with_person(record, "Lone Møller", relation="Farmor", attendance=m.Attendance.NOT_INVITED)
    return with_person(record, "Mette Lund", relation="Sannes veninde", attendance=m.Attendance.ABSENT)


def _person(record: m.MeetingRecord, name: str) -> m.Participant:
    return next(p for p in record.participants if p.name == name)


def test_the_child_is_the_centre_node_named_from_the_case(network: m.MeetingRecord) -> None:
    graph = build_graph(network)
    assert graph.nodes[CHILD] == {"kind": "child", "label": "Alma", "attendance": "", "participant_ids": ()}


def test_every_participant_is_a_node_with_sector_ring_and_attendance(network: m.MeetingRecord) -> None:
    graph = build_graph(network)
    people = [n for n, d in graph.nodes(data=True) if d["kind"] == "person"]
    assert len(people) == len(network.participants)
    sanne = graph.nodes[person_node(_person(network, "Sanne Juhl").id)]
    assert (sanne["label"], sanne["sector"], sanne["ring"]) == ("Sanne Juhl", m.Sector.FAMILY, 1)
    assert sanne["attendance"] == m.Attendance.PRESENT
    assert sanne["relation"] == "Mor"
    assert sanne["resources"] == SANNE_HELPS
    lone = graph.nodes[person_node(_person(network, "Lone Møller").id)]
    assert lone["attendance"] == m.Attendance.NOT_INVITED and lone["ring"] == 3
    sectors = {graph.nodes[n]["sector"] for n in people}
    assert sectors == set(m.Sector)


def test_relations_become_edges_between_people_with_strained_kept(network: m.MeetingRecord) -> None:
    graph = build_graph(network)
    ties = {(graph.nodes[a]["label"], graph.nodes[b]["label"]): d for a, b, d in relation_edges(graph)}
    assert len(ties) == len(network.relations)
    strained = [pair for pair, data in ties.items() if data["strained"]]
    assert [set(pair) for pair in strained] == [{"Kasper Møller", "Sanne Juhl"}]
    birthe, sanne = _person(network, "Birthe Juhl"), _person(network, "Sanne Juhl")
    data = graph.edges[person_node(birthe.id), person_node(sanne.id)]
    assert data["kind"] == "mor til"
    assert data["statements"] == ((person_node(birthe.id), "mor til", person_node(sanne.id)),)


def test_everyone_is_tied_to_the_child_by_their_relation_to_the_child(network: m.MeetingRecord) -> None:
    graph = build_graph(network)
    assert graph.degree(CHILD) == len(network.participants)
    sanne = person_node(_person(network, "Sanne Juhl").id)
    assert graph.edges[CHILD, sanne]["tie"] == "child"
    assert graph.edges[CHILD, sanne]["kind"] == "Mor"


def test_two_ties_between_the_same_two_people_become_one_edge() -> None:
    record = record_with(
        [("Ane", m.Sector.FAMILY, 1), ("Bo", m.Sector.FAMILY, 2)],
        [(0, 1, "mor til", False), (1, 0, "søn af", True)],
    )
    ((_, _, data),) = relation_edges(build_graph(record))
    assert data["kind"] == "mor til / søn af"
    assert data["strained"] is True
    assert len(data["statements"]) == 2


def test_a_ring_outside_one_to_three_is_drawn_in_the_nearest_ring() -> None:
    record = record_with([("Ane", m.Sector.FAMILY, 1)])
    record = replace(record, participants=[replace(record.participants[0], ring=7)])
    assert build_graph(record).nodes["p1"]["ring"] == 3


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Sanne Juhl", "S.J."), ("Anne-Marie Ørsted", "A.M.Ø."), ("Peter", "P."), ("  ida  nørgaard ", "I.N."),
     ("", "?"), ("123", "?")],
)
def test_initials_are_the_first_letter_of_each_name(name: str, expected: str) -> None:
    assert initials(name) == expected


def test_several_children_get_initials_each() -> None:
    assert child_initials("Alma og Bo") == "A. og B."
    assert child_initials("Alma, Bo & Karl") == "A. og B. og K."


def test_the_scrubber_replaces_full_names_first_names_and_genitives() -> None:
    scrub = name_scrubber(["Sanne Juhl", "Alma", "Kasper Møller"])
    assert scrub("Henter Alma i SFO") == "Henter A. i SFO"
    assert scrub("Sannes vej tilbage til arbejde") == "S.'s vej tilbage til arbejde"
    assert scrub("ringer til sanne  juhl") == "ringer til S.J."
    assert scrub("Kør med Møller") == "Kør med M."
    assert scrub("Almanak og Sannesen") == "Almanak og Sannesen"  # whole words only


def test_the_anonymised_graph_holds_no_name_of_anyone(network: m.MeetingRecord) -> None:
    graph = build_graph(network, anonymised=True)
    texts = [str(v) for _, d in graph.nodes(data=True) for v in d.values() if isinstance(v, str)]
    texts += [str(d["kind"]) for _, _, d in graph.edges(data=True)]
    names = [p.name for p in network.participants] + ["Alma"]
    parts = {word for name in names for word in name.split()}
    for text in texts:
        assert not any(name in text for name in names), text
        assert not any(re.search(rf"(?<!\w){part}(?:'?s)?(?!\w)", text) for part in parts), text
    sanne = graph.nodes[person_node(_person(network, "Sanne Juhl").id)]
    assert sanne["label"] == "S.J."
    assert graph.nodes[CHILD]["label"] == "A."
    birthe = graph.nodes[person_node(_person(network, "Birthe Juhl").id)]
    assert birthe["resources"] == ""  # free text is left out of the anonymised map
    mette = graph.nodes[person_node(_person(network, "Mette Lund").id)]
    assert mette["relation"] == ""  # 'Sannes veninde' is no standard word
    assert sanne["relation"] == "Mor"  # 'Mor' is one, so it is shown as the standard word


def test_comparing_maps_finds_who_moved_closer_further_came_and_left() -> None:
    old = record_with([
        ("Sanne Juhl", m.Sector.FAMILY, 2), ("Erik Juhl", m.Sector.FAMILY, 1),
        ("Henny Kragh", m.Sector.FRIENDS_NEIGHBOURS, 3), ("Ole Vestergaard", m.Sector.FRIENDS_NEIGHBOURS, 3),
        ("Jonas Friis", m.Sector.SCHOOL_DAYCARE_WORK, 2),
    ])
    new = record_with([
        ("sanne  juhl", m.Sector.FAMILY, 1), ("Erik Juhl", m.Sector.FAMILY, 2),
        ("Henny Kragh", m.Sector.FRIENDS_NEIGHBOURS, 3), ("Jonas Friis", m.Sector.PROFESSIONAL, 2),
        ("Ida Nørgaard", m.Sector.PROFESSIONAL, 3),
    ], meeting_id=2)
    changes = compare_maps(old, new)
    assert [(c.name, c.old_ring, c.new_ring) for c in changes.closer] == [("sanne  juhl", 2, 1)]
    assert [(c.name, c.old_ring, c.new_ring) for c in changes.further] == [("Erik Juhl", 1, 2)]
    assert changes.new == ("Ida Nørgaard",)
    assert changes.left == ("Ole Vestergaard",)
    assert [(c.name, c.old_sector, c.new_sector) for c in changes.moved_sector] == [
        ("Jonas Friis", m.Sector.SCHOOL_DAYCARE_WORK, m.Sector.PROFESSIONAL)
    ]
    assert changes.unchanged == ("Henny Kragh",)


def test_a_map_compared_with_itself_has_no_changes(network: m.MeetingRecord) -> None:
    changes = compare_maps(network, network)
    assert changes.closer == changes.further == changes.new == changes.left == changes.moved_sector == ()
    assert changes.unchanged == tuple(p.name for p in network.participants)
