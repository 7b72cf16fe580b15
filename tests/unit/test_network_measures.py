"""Network measures on small hand-built maps whose answers are known: star, chain, cliques, isolated, empty."""

from __future__ import annotations

from dataclasses import replace

import pytest

from facilitation.domain import model as m
from facilitation.domain.network import build_graph, person_node
from facilitation.domain.network_measures import CSV_COLUMNS, changes, csv_row, measure
from facilitation.domain.network_story import family_sentences, names_list
from facilitation.domain.support import Direction, Support, SupportKind, from_stored, stored, supports
from facilitation.domain.validation import ValidationError
from tests.unit.map_records import crowd, record_with

F, N, S, P = m.Sector.FAMILY, m.Sector.FRIENDS_NEIGHBOURS, m.Sector.SCHOOL_DAYCARE_WORK, m.Sector.PROFESSIONAL


def related(record: m.MeetingRecord) -> m.MeetingRecord:
    """Everyone's tie to the child stated (a relation written), as a caseworker fills in the map."""
    return replace(record, participants=[replace(p, relation="kender barnet") for p in record.participants])


def nodes(*indexes: int) -> tuple[str, ...]:
    return tuple(person_node(i + 1) for i in indexes)


def test_an_empty_network_has_nothing_to_count_and_no_support() -> None:
    found = measure(build_graph(record_with([])))
    assert (found.size, found.density, found.isolated, found.key_people, found.cliques) == (0, 0.0, (), (), ())
    assert dict(found.per_sector) == {s: 0 for s in m.Sector}
    assert found.missing_support == tuple(SupportKind)


def test_a_star_around_the_child_has_no_ties_between_people_and_no_key_person() -> None:
    found = measure(build_graph(related(record_with(crowd(4, F, 1)))))
    assert found.size == 4 and found.per_sector[F] == 4 and found.per_ring[1] == 4
    assert (found.ties_between_people, found.density) == (0, 0.0)
    assert found.isolated == () and found.key_people == () and found.brokers == () and found.cliques == ()


def test_a_chain_makes_the_middle_people_the_ones_others_reach_the_child_through() -> None:
    # the child knows only A; A knows B; B knows C: B is reached through A, C through B and A
    record = record_with([("A", F, 1), ("B", N, 2), ("C", P, 3)], [(0, 1, "kender", False), (1, 2, "kender", False)])
    record = replace(record, participants=[replace(p, relation="mor" if p.name == "A" else "")
                                           for p in record.participants])
    found = measure(build_graph(record))
    assert found.isolated == ()
    assert found.brokers == nodes(0, 1), "A carries the most paths, then B; C is the end of the chain"
    assert found.key_people == nodes(0, 1), "A (child + B) and B (A + C) have two ties each"
    assert found.ties_between_people == 2 and found.density == pytest.approx(2 / 3)
    assert found.cliques == ()


def test_two_groups_who_all_know_each_other_are_two_cliques() -> None:
    people = crowd(3, F, 1, "Familie") + crowd(4, N, 2, "Ven")
    ties = [(a, b, "", False) for a in range(3) for b in range(a + 1, 3)]
    ties += [(a, b, "", False) for a in range(3, 7) for b in range(a + 1, 7)]
    found = measure(build_graph(related(record_with(people, ties))))
    assert found.cliques == (nodes(0, 1, 2), nodes(3, 4, 5, 6))
    assert found.ties_between_people == 3 + 6 and found.density == pytest.approx(9 / 21)
    assert found.key_people == nodes(3, 4, 5), "four friends have 3 ties + the child; at most three are named"


def test_a_person_with_no_tie_to_the_child_and_none_to_anyone_is_isolated() -> None:
    record = related(record_with([("Mor", F, 1), ("Gammel nabo", N, 3), ("Onkel", F, 2)], [(0, 2, "bror", False)]))
    record = replace(record, participants=[replace(p, relation="") if p.name in ("Gammel nabo", "Onkel") else p
                                           for p in record.participants])
    found = measure(build_graph(record))
    assert found.isolated == nodes(1), "the uncle has no stated tie to the child, but he knows the mother"


def test_a_chosen_standard_relation_is_a_stated_tie_to_the_child() -> None:
    record = record_with([("Mormor", F, 1)])
    record = replace(record, participants=[replace(record.participants[0], standard_relation="maternal_grandmother")])
    assert measure(build_graph(record)).isolated == ()


def test_the_child_listed_as_a_participant_is_the_centre_and_not_counted() -> None:
    record = related(record_with([("Alma", F, 0), ("Mor", F, 1)]))
    found = measure(build_graph(record))
    assert found.size == 1 and found.per_ring == {1: 1, 2: 0, 3: 0}


def test_private_network_and_professionals_are_counted_by_group() -> None:
    record = related(record_with([("Mor", F, 1), ("Nabo", N, 2), ("Lærer", S, 2), ("PPR", P, 3)]))
    groups = {"Mor": m.Group.FAMILY, "Nabo": m.Group.NETWORK, "Lærer": m.Group.PROFESSIONAL,
              "PPR": m.Group.PROFESSIONAL}
    record = replace(record, participants=[replace(p, group=groups[p.name]) for p in record.participants])
    found = measure(build_graph(record))
    assert (found.private, found.professional) == (2, 2)


def test_support_that_nobody_gives_is_missing_and_receiving_is_not_giving() -> None:
    record = related(record_with([("Mormor", F, 1), ("Nabo", N, 2), ("Mor", F, 1)]))
    offers = {"Mormor": supports(["practical", "emotional:both"]), "Nabo": supports([("company", "gives")]),
              "Mor": supports(["information:receives"])}
    record = replace(record, participants=[replace(p, supports=offers[p.name]) for p in record.participants])
    found = measure(build_graph(record))
    assert found.givers[SupportKind.PRACTICAL] == nodes(0) and found.givers[SupportKind.COMPANY] == nodes(1)
    assert found.missing_support == (SupportKind.INFORMATION, SupportKind.LINKING)


def test_people_who_could_be_asked_are_listed_and_counted() -> None:
    record = related(record_with([("Mor", F, 1), ("Faster", F, 3)]))
    record = replace(record, participants=[replace(p, could_be_asked=p.name == "Faster") for p in record.participants])
    found = measure(build_graph(record))
    assert found.could_be_asked == nodes(1) and csv_row(found)["could_be_asked"] == 1


def test_the_csv_row_holds_counts_in_the_named_columns_and_no_names() -> None:
    record = related(record_with([("Birthe Juhl", F, 1), ("Nabo", N, 2)], [(0, 1, "", False)]))
    row = csv_row(measure(build_graph(record)))
    assert tuple(row) == CSV_COLUMNS
    assert {"family", "friends_neighbours", "school_daycare_work", "professional", "density", "isolated"} <= set(row)
    assert (row["family"], row["friends_neighbours"], row["density"]) == (1, 1, 1.0)
    assert all(isinstance(value, int | float) for value in row.values())


def test_the_change_since_the_last_meeting_names_each_measure_that_moved() -> None:
    before = measure(build_graph(related(record_with([("Mor", F, 1)]))))
    after = measure(build_graph(related(record_with([("Mor", F, 1), ("Nabo", N, 2)], [(0, 1, "", False)]))))
    moved = {change.name: (change.before, change.after) for change in changes(before, after)}
    assert moved["size"] == (1, 2) and moved["friends_neighbours"] == (0, 1) and moved["density"] == (0.0, 1.0)
    assert "family" not in moved
    assert changes(None, after) == () and changes(after, after) == ()


def test_supports_are_checked_one_per_kind_and_survive_storage() -> None:
    checked = supports(["practical:gives", "practical:receives", "company"])
    assert checked == (Support(SupportKind.PRACTICAL, Direction.BOTH), Support(SupportKind.COMPANY))
    assert from_stored(stored(checked)) == checked and from_stored("") == ()
    with pytest.raises(ValidationError):
        supports(["cooking"])
    with pytest.raises(ValidationError):
        supports(["practical:sometimes"])


def test_the_family_reads_who_can_help_with_what_what_nobody_gives_and_who_could_be_asked() -> None:
    record = related(record_with([("Mormor", F, 1), ("Nabo", N, 2), ("Morbror", F, 2), ("Farmor", F, 3)]))
    offers = {"Mormor": supports(["practical"]), "Nabo": supports(["practical", "company"]),
              "Morbror": supports(["practical"]), "Farmor": supports(["company"])}
    record = replace(record, participants=[replace(p, supports=offers[p.name], could_be_asked=p.name == "Farmor")
                                           for p in record.participants])
    graph = build_graph(record)
    names = {node: data["label"] for node, data in graph.nodes(data=True)}
    said = family_sentences(measure(graph), names)
    assert said == [
        "3 personer kan hjælpe med praktiske ting og 2 personer kan være sammen med barnet eller familien i fritiden.",
        "Ingen har endnu sagt, at de kan være der, når det er svært, give råd og viden og sætte familien i kontakt "
        "med andre.",
        "Farmor kender familien og kan måske spørges.",
    ]
    english = family_sentences(measure(graph), names, "en")
    assert english[2] == "They know the family and could perhaps be asked: Farmor."


def test_an_empty_map_and_a_map_without_support_say_so_plainly() -> None:
    assert family_sentences(measure(build_graph(record_with([]))), {}) == ["Der er endnu ingen på netværkskortet."]
    lonely = measure(build_graph(related(record_with([("Mor", F, 1)]))))
    assert family_sentences(lonely, {}) == ["Ingen har endnu fortalt, hvad de kan hjælpe med."]


def test_a_long_list_of_names_is_cut_to_four_and_the_rest_counted() -> None:
    assert names_list(["A", "B", "C", "D", "E", "F"]) == "A, B, C, D og 2 andre"
    assert names_list(["A", "B"]) == "A og B" and names_list(["A"]) == "A" and names_list([]) == ""
