"""What the network map looks like, shared by the interactive and the static picture.

Colours are the Okabe-Ito palette (distinguishable with the common colour-vision deficiencies).
The words (sector names, attendance, the legend) come from the catalogs in the reader's language;
they are constants, never participant text.
"""

from __future__ import annotations

from facilitation.domain.model import Attendance, Sector
from facilitation.domain.network import MapGraph
from facilitation.domain.support import given_kinds, received_kinds
from facilitation.domain.words import DEFAULT, label, text

SECTOR_COLOURS: dict[Sector, str] = {
    Sector.FAMILY: "#E69F00",
    Sector.FRIENDS_NEIGHBOURS: "#009E73",
    Sector.SCHOOL_DAYCARE_WORK: "#0072B2",
    Sector.PROFESSIONAL: "#CC79A7",
}
CHILD_COLOUR = "#1F2A44"
RING_COLOUR = "#9AA0A6"
TIE_COLOUR = "#6B7280"
STRAINED_COLOUR = "#C0392B"


def sector_name(sector: Sector, language: str = DEFAULT) -> str:
    """The sector's name on the map and in its legend (the app's word for it)."""
    return label("sector", sector, language)


def attendance_name(attendance: Attendance, language: str = DEFAULT) -> str:
    """Whether a person takes part, as the map's hover and legend say it (lower case)."""
    return label("map.attendance", attendance, language)


def sector_fill(sector: Sector, alpha: float) -> str:
    """The sector's colour as CSS rgba() with the given opacity (for the quarter backgrounds)."""
    colour = SECTOR_COLOURS[sector].lstrip("#")
    red, green, blue = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({red}, {green}, {blue}, {alpha})"


def relation_text(graph: MapGraph, source: str, target: str, language: str = DEFAULT) -> str:
    """One tie in words, e.g. 'Birthe Juhl mor til Sanne Juhl (anstrengt relation)'."""
    data = graph.edges[source, target]
    parts = []
    for start, kind, end in data["statements"]:
        words = [graph.nodes[start]["label"], kind, graph.nodes[end]["label"]]
        parts.append(" ".join(w for w in words if w) if kind else " – ".join(words[::2]))
    tie = "; ".join(parts)
    return f"{tie} ({text('map.strained', language)})" if data["strained"] else tie


def person_text(graph: MapGraph, node: str, language: str = DEFAULT) -> str:
    """Everything the hover shows about a person, as plain text lines."""
    data = graph.nodes[node]
    lines = [data["label"]]
    if data["relation"]:
        lines.append(data["relation"])
    lines.append(
        f"{sector_name(data['sector'], language)} · {text('map.ring', language, ring=data['ring'])} · "
        f"{attendance_name(data['attendance'], language)}"
    )
    if data["resources"]:
        lines.append(f"{text('field.can_help_with', language)}: {data['resources']}")
    for field, kinds in (("field.gives", given_kinds(data.get("supports", ()))),
                         ("field.receives", received_kinds(data.get("supports", ())))):
        if kinds:
            lines.append(f"{text(field, language)}: {', '.join(label('support_kind', k, language) for k in kinds)}")
    if data.get("could_be_asked"):
        lines.append(text("network.col_could_be_asked", language))
    ties = [
        relation_text(graph, node, other, language)
        for other in sorted(graph.neighbors(node))
        if graph.edges[node, other].get("tie") == "relation"
    ]
    if ties:
        lines.append(text("map.relations", language))
        lines.extend(f"– {tie}" for tie in ties)
    return "\n".join(lines)
