"""Measures of the network map (after easyNWK): sizes, density, isolated and key people, cliques, support.

All are computed on the map's graph (facilitation.domain.network.build_graph). The child is the centre and
is not counted. A person's tie to the child counts when it is stated (a relation to the child is written or
chosen, or a tie to the child is recorded); ties between people are the recorded relations. Density and
cliques look only at the ties between people: everyone stands around the child, so counting the child
would make every pair of people a triangle.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

import networkx as nx

from facilitation.domain.model import RING_CLOSEST, RING_FURTHEST, Group, Sector
from facilitation.domain.network import CHILD, MapGraph
from facilitation.domain.support import Support, SupportKind

CLIQUE_MIN = 3
KEY_PEOPLE_MAX = 3
PRIVATE_GROUPS = (Group.FAMILY, Group.NETWORK)


@dataclass(frozen=True)
class NetworkMeasures:
    """The measures of one map; people are graph nodes (person_node ids), in the map's order."""

    size: int
    per_sector: Mapping[Sector, int]
    per_ring: Mapping[int, int]
    private: int
    professional: int
    ties_between_people: int
    density: float
    isolated: tuple[str, ...]
    key_people: tuple[str, ...]
    brokers: tuple[str, ...]
    cliques: tuple[tuple[str, ...], ...]
    givers: Mapping[SupportKind, tuple[str, ...]]
    could_be_asked: tuple[str, ...]

    @property
    def missing_support(self) -> tuple[SupportKind, ...]:
        """The kinds of support nobody on the map gives ("ingen giver praktisk hjælp")."""
        return tuple(kind for kind in SupportKind if not self.givers[kind])


def people(graph: MapGraph) -> list[str]:
    """The people on the map (not the child), in the map's order."""
    found = [node for node, data in graph.nodes(data=True) if data.get("kind") == "person"]
    return sorted(found, key=lambda node: (graph.nodes[node].get("order", 0), node))


def tie_graph(graph: MapGraph) -> MapGraph:
    """The map's stated ties only: recorded relations, and ties to the child that are written or recorded."""
    ties: MapGraph = nx.Graph()
    ties.add_nodes_from(graph.nodes)
    for source, target, data in graph.edges(data=True):
        if data.get("tie") == "relation":
            ties.add_edge(source, target)
        elif _stated_tie_to_child(graph, target if source == CHILD else source):
            ties.add_edge(source, target)
    return ties


def _stated_tie_to_child(graph: MapGraph, node: str) -> bool:
    return bool(graph.nodes[node].get("tied_to_child", True))


def between_people(graph: MapGraph) -> MapGraph:
    """The ties between people only (the child left out)."""
    ties = tie_graph(graph)
    return ties.subgraph(people(graph)).copy()


def measure(graph: MapGraph) -> NetworkMeasures:
    """Every measure of the map."""
    order = people(graph)
    data = {node: graph.nodes[node] for node in order}
    ties = tie_graph(graph)
    among = ties.subgraph(order)
    return NetworkMeasures(
        size=len(order),
        per_sector=MappingProxyType({s: sum(data[n]["sector"] == s for n in order) for s in Sector}),
        per_ring=MappingProxyType({r: sum(data[n]["ring"] == r for n in order)
                                   for r in range(RING_CLOSEST, RING_FURTHEST + 1)}),
        private=sum(data[n].get("group") in PRIVATE_GROUPS for n in order),
        professional=sum(data[n].get("group") == Group.PROFESSIONAL for n in order),
        ties_between_people=among.number_of_edges(),
        density=nx.density(among) if len(order) > 1 else 0.0,
        isolated=tuple(n for n in order if ties.degree(n) == 0),
        key_people=_key_people(ties, order),
        brokers=_brokers(ties, order),
        cliques=_cliques(among, order),
        givers=MappingProxyType({kind: tuple(n for n in order if _gives(data[n], kind)) for kind in SupportKind}),
        could_be_asked=tuple(n for n in order if data[n].get("could_be_asked")),
    )


def _key_people(ties: MapGraph, order: Sequence[str]) -> tuple[str, ...]:
    """The most connected people ("stars"): the most ties, at least two (a tie to the child alone is no star)."""
    most = max((ties.degree(n) for n in order), default=0)
    if most < 2:
        return ()
    return tuple(n for n in order if ties.degree(n) == most)[:KEY_PEOPLE_MAX]


def _brokers(ties: MapGraph, order: Sequence[str]) -> tuple[str, ...]:
    """The people others reach the child through (betweenness above zero), the most important first."""
    between = nx.betweenness_centrality(ties) if ties.number_of_nodes() > 2 else {}
    ranked = sorted((n for n in order if between.get(n, 0.0) > 1e-12), key=lambda n: (-between[n], order.index(n)))
    return tuple(ranked[:KEY_PEOPLE_MAX])


def _cliques(among: MapGraph, order: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    """Groups of three or more people who all know each other (maximal cliques), in the map's order."""
    rank = {node: i for i, node in enumerate(order)}
    found = [tuple(sorted(c, key=rank.__getitem__)) for c in nx.find_cliques(among) if len(c) >= CLIQUE_MIN]
    return tuple(sorted(found, key=lambda c: [rank[n] for n in c]))


def _gives(data: Mapping[str, object], kind: SupportKind) -> bool:
    offered = data.get("supports", ())
    return isinstance(offered, tuple) and any(isinstance(s, Support) and s.kind == kind and s.given for s in offered)


@dataclass(frozen=True)
class MeasureChange:
    """One measure that changed since the last meeting: its name (a CSV column) and the two values."""

    name: str
    before: float
    after: float


def csv_row(measures: NetworkMeasures) -> dict[str, int | float]:
    """The measures as one CSV row: counts only (no names), columns named in English."""
    row: dict[str, int | float] = {"size": measures.size}
    row.update({sector.value: count for sector, count in measures.per_sector.items()})
    row.update({f"ring_{ring}": count for ring, count in measures.per_ring.items()})
    row.update({
        "private_network": measures.private, "professionals": measures.professional,
        "ties_between_people": measures.ties_between_people, "density": round(measures.density, 3),
        "isolated": len(measures.isolated), "key_people": len(measures.key_people),
        "brokers": len(measures.brokers), "cliques": len(measures.cliques),
        "could_be_asked": len(measures.could_be_asked),
    })
    row.update({f"gives_{kind.value}": len(givers) for kind, givers in measures.givers.items()})
    return row


CSV_COLUMNS = tuple(csv_row(NetworkMeasures(
    0, {s: 0 for s in Sector}, {r: 0 for r in range(RING_CLOSEST, RING_FURTHEST + 1)}, 0, 0, 0, 0.0, (), (), (),
    (), {k: () for k in SupportKind}, ())))
"""The CSV export's columns, in order."""


def changes(before: NetworkMeasures | None, after: NetworkMeasures) -> tuple[MeasureChange, ...]:
    """What changed since the last meeting's map, measure by measure (nothing when there was no earlier map)."""
    if before is None:
        return ()
    old, new = csv_row(before), csv_row(after)
    return tuple(MeasureChange(name, old[name], new[name]) for name in CSV_COLUMNS if old[name] != new[name])

