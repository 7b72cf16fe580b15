"""What the network map looks like, shared by the interactive and the static picture.

Colours are the Okabe-Ito palette (distinguishable with the common colour-vision deficiencies).
The Danish words live here until the project has a message catalog; they are constants, never
participant text.
"""

from __future__ import annotations

import networkx as nx

from facilitation.domain.model import Attendance, Sector

SECTOR_COLOURS: dict[Sector, str] = {
    Sector.FAMILY: "#E69F00",
    Sector.FRIENDS_NEIGHBOURS: "#009E73",
    Sector.SCHOOL_DAYCARE_WORK: "#0072B2",
    Sector.PROFESSIONAL: "#CC79A7",
}
SECTOR_NAMES: dict[Sector, str] = {
    Sector.FAMILY: "Familie",
    Sector.FRIENDS_NEIGHBOURS: "Venner og naboer",
    Sector.SCHOOL_DAYCARE_WORK: "Skole, dagtilbud og arbejde",
    Sector.PROFESSIONAL: "Professionelle",
}
ATTENDANCE_NAMES: dict[Attendance, str] = {
    Attendance.PRESENT: "deltager i mødet",
    Attendance.ABSENT: "deltager ikke (afbud)",
    Attendance.NOT_INVITED: "ikke inviteret",
}
CHILD_COLOUR = "#1F2A44"
RING_COLOUR = "#9AA0A6"
TIE_COLOUR = "#6B7280"
STRAINED_COLOUR = "#C0392B"
STRAINED_NAME = "anstrengt relation"
RING_NAME = "Ring {ring}"
HELPS_WITH = "Kan hjælpe med: {resources}"
RELATIONS_HEADING = "Relationer:"
CHILD_NOTE = "(barnet)"


def sector_fill(sector: Sector, alpha: float) -> str:
    """The sector's colour as CSS rgba() with the given opacity (for the quarter backgrounds)."""
    colour = SECTOR_COLOURS[sector].lstrip("#")
    red, green, blue = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({red}, {green}, {blue}, {alpha})"


def relation_text(graph: nx.Graph, source: str, target: str) -> str:
    """One tie in words, e.g. 'Birthe Juhl mor til Sanne Juhl (anstrengt relation)'."""
    data = graph.edges[source, target]
    parts = []
    for start, kind, end in data["statements"]:
        words = [graph.nodes[start]["label"], kind, graph.nodes[end]["label"]]
        parts.append(" ".join(w for w in words if w) if kind else " – ".join(words[::2]))
    text = "; ".join(parts)
    return f"{text} ({STRAINED_NAME})" if data["strained"] else text


def person_text(graph: nx.Graph, node: str) -> str:
    """Everything the hover shows about a person, as plain text lines."""
    data = graph.nodes[node]
    lines = [data["label"]]
    if data["relation"]:
        lines.append(data["relation"])
    lines.append(
        f"{SECTOR_NAMES[data['sector']]} · {RING_NAME.format(ring=data['ring'])} · "
        f"{ATTENDANCE_NAMES[data['attendance']]}"
    )
    if data["resources"]:
        lines.append(HELPS_WITH.format(resources=data["resources"]))
    ties = [
        relation_text(graph, node, other)
        for other in sorted(graph.neighbors(node))
        if graph.edges[node, other].get("tie") == "relation"
    ]
    if ties:
        lines.append(RELATIONS_HEADING)
        lines.extend(f"– {tie}" for tie in ties)
    return "\n".join(lines)
