"""The network map (netværkskort) as a graph, its deterministic layout, and maps compared over time.

The child is the node `CHILD` at the centre; each person is a node `p<participant id>` with
their sector (a quarter of the map) and ring (1 = closest). Every person has a `tie="child"`
edge to the child (their relation to the child, e.g. "Mor"); ties between people recorded as
`Relation`s are `tie="relation"` edges. The child listed as a participant (ring 0) is the
centre node, never a second node. Renderers draw only the relation edges: the ring shows
the tie to the child. Coordinates are map units with y pointing up; renderers scale them.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TypeAlias

import networkx as nx

from facilitation.domain.anonymity import initials, labels_for
from facilitation.domain.model import RING_CLOSEST, RING_FURTHEST, Attendance, MeetingRecord, Participant, Sector
from facilitation.domain.people import relation_word
from facilitation.domain.words import DEFAULT, text

__all__ = [
    "CHILD", "MapChanges", "MapGeometry", "MapGraph", "RingChange", "SectorChange", "build_graph",
    "compare_maps", "initials", "layout", "map_geometry", "person_node", "relation_edges",
]

CHILD = "child"
NODE_SPACING = 1.0  # least distance between the centres of any two nodes
CENTRE_RADIUS = 2.0  # the child's disc; ring 1 starts here
RING_WIDTH = 2.5  # width of a ring band that is not crowded; crowded bands grow
QUARTER = math.pi / 2
# Counter-clockwise from the positive x axis: family top left, friends top right,
# school/daycare/work bottom right, professionals bottom left.
SECTOR_START: dict[Sector, float] = {
    Sector.FRIENDS_NEIGHBOURS: 0.0,
    Sector.FAMILY: QUARTER,
    Sector.PROFESSIONAL: 2 * QUARTER,
    Sector.SCHOOL_DAYCARE_WORK: 3 * QUARTER,
}

Point = tuple[float, float]
MapGraph: TypeAlias = "nx.Graph[str]"  # a string: networkx's Graph is generic only in its stubs
"""The map's graph: nodes are `CHILD` and `person_node(...)` strings."""


def person_node(participant_id: int) -> str:
    """The graph node of a participant."""
    return f"p{participant_id}"


def build_graph(record: MeetingRecord, anonymised: bool = False, language: str = DEFAULT) -> MapGraph:
    """The meeting's map: the child, everyone around the child, and the ties between them.

    A participant who is the child (ring 0) is the centre node itself, carrying their attendance; ties
    to them are ties to the centre. Anonymised, a person carries only initials and their standard
    relation word (in `language`): no free text, neither the typed relation, resources nor tie words.
    """
    children = [p for p in record.participants if p.is_child]
    if anonymised:
        labels = labels_for(record)
        child_label = labels.child
    else:
        child_label = record.case.child_names
    graph: MapGraph = nx.Graph(anonymised=anonymised, meeting_id=record.meeting.id)
    graph.add_node(CHILD, kind="child", label=child_label, attendance=_child_attendance(children),
                   participant_ids=tuple(p.id for p in children))
    nodes = {p.id: CHILD for p in children}
    for order, person in enumerate(p for p in record.participants if not p.is_child):
        node = nodes[person.id] = person_node(person.id)
        relation = _standard_word(person, language) if anonymised else person.relation
        graph.add_node(
            node, kind="person", label=labels.people[person.id] if anonymised else person.name,
            relation=relation, sector=person.sector,
            ring=min(max(person.ring, RING_CLOSEST), RING_FURTHEST), group=person.group,
            attendance=person.attendance, resources="" if anonymised else person.can_help_with, order=order,
            participant_id=person.id, tied_to_child=person.tied_to_child, supports=person.supports,
            could_be_asked=person.could_be_asked,
        )
        graph.add_edge(CHILD, node, tie="child", kind=relation, strained=False)
    for tie in record.relations:
        source, target = nodes.get(tie.from_id), nodes.get(tie.to_id)
        if source is None or target is None or source == target:
            continue
        statement = (source, "" if anonymised else tie.kind, target)
        if graph.has_edge(source, target) and graph.edges[source, target].get("tie") == "relation":
            data = graph.edges[source, target]  # a second tie between the same two people
            data["statements"] += (statement,)
            data["kind"] = " / ".join(kind for _, kind, _ in data["statements"] if kind)
            data["strained"] = data["strained"] or tie.strained
        else:  # also replaces the implicit tie to the child when a tie to the child is recorded
            graph.add_edge(
                source, target, tie="relation", kind=statement[1], strained=tie.strained,
                statements=(statement,),
            )
    return graph


def _child_attendance(children: Sequence[Participant]) -> str:
    """Whether the child came: present if any listed child came, else the first one's; '' if not listed."""
    if any(p.attendance == Attendance.PRESENT for p in children):
        return Attendance.PRESENT.value
    return children[0].attendance.value if children else ""


def _standard_word(person: Participant, language: str) -> str:
    word = relation_word(person)
    return text(f"standard_relation.{word}", language) if word else ""


def relation_edges(graph: MapGraph) -> Iterator[tuple[str, str, dict[str, object]]]:
    """The ties between people (not the ties to the child), in a stable order."""
    for source, target, data in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1])):
        if data.get("tie") == "relation":
            yield source, target, data


@dataclass(frozen=True)
class MapGeometry:
    """Positions (map units, y up) and ring_radii: the child's disc and the outer edge of each ring."""

    positions: dict[str, Point]
    ring_radii: tuple[float, ...]

    @property
    def outer_radius(self) -> float:
        """The radius of the outermost ring."""
        return self.ring_radii[-1]


def layout(graph: MapGraph) -> dict[str, Point]:
    """Where each node goes: the same graph always gives the same positions."""
    return map_geometry(graph).positions


def map_geometry(graph: MapGraph) -> MapGeometry:
    """Positions and ring radii; people spread along their ring's arc, on sub-rings when crowded."""
    groups: dict[tuple[int, Sector], list[str]] = {}
    for node, data in graph.nodes(data=True):
        if data.get("kind") == "person":
            groups.setdefault((data["ring"], Sector(data["sector"])), []).append(node)
    for people in groups.values():
        people.sort(key=lambda n: (graph.nodes[n]["order"], n))
    positions: dict[str, Point] = {CHILD: (0.0, 0.0)} if CHILD in graph else {}
    radii = [CENTRE_RADIUS]
    for ring in range(RING_CLOSEST, RING_FURTHEST + 1):
        width = _place_ring(radii[-1], {s: groups.get((ring, s), []) for s in Sector}, positions)
        radii.append(radii[-1] + width)
    return MapGeometry(positions, tuple(radii))


def _place_ring(inner: float, sectors: dict[Sector, list[str]], positions: dict[str, Point]) -> float:
    """Place one ring band's people starting at radius `inner`; returns the band's width.

    All sub-rings ("arcs") of a band lie on one grid at least NODE_SPACING apart and at least
    half a spacing from the band's edges. The angular margin at the quarter lines is the one needed
    at the band's innermost arc, so people in neighbouring quarters never come closer than
    NODE_SPACING, and consecutive people on an arc are spaced by at least one chord of it.
    """
    first = inner + NODE_SPACING / 2
    margin = math.asin(NODE_SPACING / (2 * first))
    span = QUARTER - 2 * margin
    needed = {s: _arcs_needed(len(people), first, span) for s, people in sectors.items()}
    arcs = max(1, *needed.values())
    width = max(RING_WIDTH, arcs * NODE_SPACING)
    step = width / arcs  # at least NODE_SPACING; spreads few arcs over a wide band
    grid = [inner + step * (j + 0.5) for j in range(arcs)]
    for sector, people in sectors.items():
        if not people:
            continue
        start = (arcs - needed[sector]) // 2  # a less crowded quarter uses the middle arcs
        chosen = grid[start : start + needed[sector]]
        counts = _share(len(people), [_capacity(radius, span) for radius in chosen])
        queue = iter(people)
        for radius, count in zip(chosen, counts, strict=True):
            for i in range(count):
                angle = SECTOR_START[sector] + margin + span * (i + 0.5) / count
                positions[next(queue)] = (radius * math.cos(angle), radius * math.sin(angle))
    return width


def _capacity(radius: float, span: float) -> int:
    """How many people fit on an arc of `span` radians at `radius`, NODE_SPACING apart."""
    return max(1, math.floor(span / (2 * math.asin(NODE_SPACING / (2 * radius)))))


def _arcs_needed(count: int, first: float, span: float) -> int:
    arcs, room = 0, 0
    while room < count:
        room += _capacity(first + arcs * NODE_SPACING, span)
        arcs += 1
    return arcs


def _share(count: int, capacities: list[int]) -> list[int]:
    """Split `count` over arcs in proportion to their capacities (largest remainder, exact)."""
    total = sum(capacities)
    shares = [count * c // total for c in capacities]
    by_remainder = sorted(range(len(capacities)), key=lambda j: (-(count * capacities[j] % total), j))
    for j in by_remainder[: count - sum(shares)]:
        shares[j] += 1
    return shares


@dataclass(frozen=True)
class RingChange:
    """A person whose ring changed between two meetings."""

    name: str
    old_ring: int
    new_ring: int


@dataclass(frozen=True)
class SectorChange:
    """A person who is in another quarter of the map than at the earlier meeting."""

    name: str
    old_sector: Sector
    new_sector: Sector


@dataclass(frozen=True)
class MapChanges:
    """Closer/further (ring), new, left, moved_sector and unchanged people, matched by name."""

    closer: tuple[RingChange, ...]
    further: tuple[RingChange, ...]
    new: tuple[str, ...]
    left: tuple[str, ...]
    moved_sector: tuple[SectorChange, ...]
    unchanged: tuple[str, ...]


def compare_maps(old: MeetingRecord, new: MeetingRecord) -> MapChanges:
    """How the map changed from an earlier meeting to a later one, person by person."""
    before, after = _by_name(old.participants), _by_name(new.participants)
    closer, further, moved, unchanged = [], [], [], []
    for key, person in after.items():
        earlier = before.get(key)
        if earlier is None:
            continue
        if person.ring < earlier.ring:
            closer.append(RingChange(person.name, earlier.ring, person.ring))
        elif person.ring > earlier.ring:
            further.append(RingChange(person.name, earlier.ring, person.ring))
        if person.sector != earlier.sector:
            moved.append(SectorChange(person.name, earlier.sector, person.sector))
        if person.ring == earlier.ring and person.sector == earlier.sector:
            unchanged.append(person.name)
    return MapChanges(
        closer=tuple(closer), further=tuple(further),
        new=tuple(p.name for k, p in after.items() if k not in before),
        left=tuple(p.name for k, p in before.items() if k not in after),
        moved_sector=tuple(moved), unchanged=tuple(unchanged),
    )


def _by_name(people: Sequence[Participant]) -> dict[str, Participant]:
    """People keyed by their name ignoring case and spacing; the first of two namesakes counts."""
    keyed: dict[str, Participant] = {}
    for person in people:
        keyed.setdefault(" ".join(person.name.split()).casefold(), person)
    return keyed

