"""The map layout: deterministic, sectors as quarters, rings as bands, and no two people overlapping."""

from __future__ import annotations

import itertools
import math
import random
from dataclasses import replace

import networkx as nx
import pytest

from export.map_html import PERSON_SIZE, PIXELS_PER_UNIT
from export.map_png import PERSON_RADIUS
from facilitation.domain import model as m
from facilitation.domain.network import (
    CENTRE_RADIUS,
    CHILD,
    NODE_SPACING,
    RING_WIDTH,
    SECTOR_START,
    MapGeometry,
    build_graph,
    layout,
    map_geometry,
)
from tests.unit.map_records import crowd, record_with

# The widest dot either renderer draws, in map units.
NODE_DIAMETER = max(2 * PERSON_RADIUS, 2 * PERSON_SIZE / PIXELS_PER_UNIT)


def _every_quarter_and_ring() -> m.MeetingRecord:
    """Two people in each ring of each sector, a few of them tied together (built in memory)."""
    people = [p for sector in m.Sector for ring in (1, 2, 3) for p in crowd(2, sector, ring, prefix=f"{sector}-{ring}")]
    return record_with(people, [(0, 1, "mor til", False), (2, 7, "nabo til", True), (5, 20, "ven med", False)])


def _closest_pair(positions: dict[str, tuple[float, float]]) -> float:
    return min(math.dist(a, b) for a, b in itertools.combinations(positions.values(), 2))


def _in_place(graph: nx.Graph, geometry: MapGeometry, node: str) -> bool:
    """Whether a person lies in their sector's quarter and between their ring's circles."""
    x, y = geometry.positions[node]
    data = graph.nodes[node]
    angle = math.atan2(y, x) % (2 * math.pi)
    start = SECTOR_START[data["sector"]]
    radius = math.hypot(x, y)
    low, high = geometry.ring_radii[data["ring"] - 1], geometry.ring_radii[data["ring"]]
    return start < angle < start + math.pi / 2 and low < radius < high


def test_the_same_meeting_always_gives_the_same_positions() -> None:
    first = layout(build_graph(_every_quarter_and_ring()))
    second = layout(build_graph(_every_quarter_and_ring()))
    assert first == second
    assert list(first) == list(second)


def test_the_child_is_at_the_centre_and_everyone_in_their_quarter_and_ring() -> None:
    graph = build_graph(_every_quarter_and_ring())
    geometry = map_geometry(graph)
    assert geometry.positions[CHILD] == (0.0, 0.0)
    people = [n for n in graph if n != CHILD]
    assert all(_in_place(graph, geometry, n) for n in people)
    assert _closest_pair(geometry.positions) >= NODE_SPACING - 1e-9


def test_uncrowded_rings_are_evenly_wide_circles() -> None:
    geometry = map_geometry(build_graph(record_with([("Ane", m.Sector.FAMILY, 1)])))
    assert geometry.ring_radii == (
        CENTRE_RADIUS, CENTRE_RADIUS + RING_WIDTH, CENTRE_RADIUS + 2 * RING_WIDTH, CENTRE_RADIUS + 3 * RING_WIDTH,
    )


def test_an_empty_map_has_only_the_child() -> None:
    assert layout(build_graph(record_with([]))) == {CHILD: (0.0, 0.0)}


@pytest.mark.parametrize("ring", [1, 2, 3])
@pytest.mark.parametrize("sector", list(m.Sector))
def test_sixty_people_in_one_sector_and_ring_do_not_overlap(sector: m.Sector, ring: int) -> None:
    neighbours = [(f"Nabo {s.value} {r}", s, r) for s in m.Sector for r in (1, 2, 3)]
    graph = build_graph(record_with(crowd(60, sector, ring) + neighbours))
    geometry = map_geometry(graph)
    assert _closest_pair(geometry.positions) >= NODE_SPACING - 1e-9 > NODE_DIAMETER
    assert all(_in_place(graph, geometry, n) for n in graph if n != CHILD)


def test_a_crowded_ring_uses_sub_rings_and_pushes_the_outer_rings_out() -> None:
    graph = build_graph(record_with(crowd(60, m.Sector.FAMILY, 1)))
    geometry = map_geometry(graph)
    radii = {round(math.hypot(*geometry.positions[n]), 6) for n in graph if n != CHILD}
    assert len(radii) > 1
    assert geometry.ring_radii[1] > CENTRE_RADIUS + RING_WIDTH


def test_two_hundred_people_spread_at_random_never_overlap() -> None:
    chance = random.Random(20261125)
    for _ in range(20):
        people = [
            (f"P{i}", chance.choice(list(m.Sector)), chance.randint(1, 3)) for i in range(chance.randint(1, 200))
        ]
        graph = build_graph(record_with(people))
        geometry = map_geometry(graph)
        if len(geometry.positions) > 1:
            assert _closest_pair(geometry.positions) >= NODE_SPACING - 1e-9
        assert all(_in_place(graph, geometry, n) for n in graph if n != CHILD)


def test_positions_follow_the_list_order_not_the_database_ids() -> None:
    record = record_with(crowd(3, m.Sector.FAMILY, 2))
    record = replace(record, participants=record.participants[::-1])  # ids 3, 2, 1 in list order
    positions = layout(build_graph(record))
    angles = [math.atan2(positions[f"p{i}"][1], positions[f"p{i}"][0]) for i in (3, 2, 1)]
    assert angles == sorted(angles)  # counter-clockwise through the quarter, in list order
