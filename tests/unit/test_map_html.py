"""The interactive map page: offline, laid out as the layout says, and participant text never markup."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from export.map_html import PIXELS_PER_UNIT, render_map_html
from export.map_style import SECTOR_COLOURS, STRAINED_COLOUR
from facilitation import services as s
from facilitation.demo import create_demo_meeting
from facilitation.domain import model as m
from facilitation.domain.network import build_graph, layout
from facilitation.storage import Database
from tests.conftest import ACTOR
from tests.unit.map_records import record_with

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(1)</script>"
REMOTE = re.compile(r"<(?:script|link)\b[^>]*\b(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//", re.IGNORECASE)


@pytest.fixture
def demo(db: Database) -> m.MeetingRecord:
    return s.load_meeting(db, create_demo_meeting(db), viewer=ACTOR)


def _data(html: str, name: str) -> list[dict[str, Any]]:
    """The nodes or edges handed to vis-network, as the browser will read them."""
    match = re.search(rf"{name} = new vis\.DataSet\((\[.*?\])\);", html)
    assert match, name
    return json.loads(match.group(1))


def _by_label(html: str) -> dict[str, dict[str, Any]]:
    """The map's nodes by name (a long name is drawn over lines: 'Birthe\\nVestergaard')."""
    return {_name(node["label"]): node for node in _data(html, "nodes")}


def _name(label: str) -> str:
    return label.replace("-\n", "-").replace("\n", " ")


def test_the_page_needs_no_internet(demo: m.MeetingRecord) -> None:
    html = render_map_html(demo)
    assert not REMOTE.search(html)
    assert "cdn.jsdelivr.net" not in html and "bootstrap" not in html.lower()
    assert "vis-network" in html and "new vis.Network(" in html  # vis-network is inlined
    assert html.startswith("<!DOCTYPE html>")


def test_people_are_fixed_where_the_layout_puts_them(demo: m.MeetingRecord) -> None:
    html = render_map_html(demo)
    positions = layout(build_graph(demo))
    nodes = {node["id"]: node for node in _data(html, "nodes")}
    assert set(nodes) == set(positions)
    for node_id, (x, y) in positions.items():
        assert nodes[node_id]["x"] == pytest.approx(x * PIXELS_PER_UNIT, abs=0.01)
        assert nodes[node_id]["y"] == pytest.approx(-y * PIXELS_PER_UNIT, abs=0.01)
        assert nodes[node_id]["fixed"] is True and nodes[node_id]["physics"] is False
    assert '"physics": {"enabled": false}' in html


def test_the_same_meeting_gives_the_same_page(demo: m.MeetingRecord) -> None:
    assert render_map_html(demo) == render_map_html(demo)


def test_people_are_coloured_by_sector_and_absent_people_are_hollow(demo: m.MeetingRecord) -> None:
    nodes = _by_label(render_map_html(demo))
    assert nodes["Sanne Juhl"]["color"]["background"] == SECTOR_COLOURS[m.Sector.FAMILY]
    assert nodes["Henny Kragh"]["color"]["background"] == SECTOR_COLOURS[m.Sector.FRIENDS_NEIGHBOURS]
    assert nodes["Jonas Friis"]["color"]["background"] == SECTOR_COLOURS[m.Sector.SCHOOL_DAYCARE_WORK]
    assert nodes["Peter Brandt"]["color"]["background"] == SECTOR_COLOURS[m.Sector.PROFESSIONAL]
    assert nodes["Erik Juhl"]["color"]["background"] == "#ffffff"  # absent
    assert nodes["Erik Juhl"]["color"]["border"] == SECTOR_COLOURS[m.Sector.FAMILY]
    assert "borderDashes" in nodes["Lone Møller"]["shapeProperties"]  # not invited


def test_hover_shows_relation_resources_and_ties(demo: m.MeetingRecord) -> None:
    title = _by_label(render_map_html(demo))["Birthe Juhl"]["title"]
    assert title.splitlines()[:2] == ["Birthe Juhl", "Mormor"]
    assert "Kan hjælpe med: Henter Alma i SFO tirsdag og torsdag" in title
    assert "Birthe Juhl mor til Sanne Juhl" in title
    assert "Erik Juhl gift med Birthe Juhl" in title


def test_strained_ties_are_dashed_red(demo: m.MeetingRecord) -> None:
    edges = _data(render_map_html(demo), "edges")
    assert len(edges) == 6
    strained = [e for e in edges if e["dashes"]]
    assert [e["label"] for e in strained] == ["tidligere par"]
    assert strained[0]["color"]["color"] == STRAINED_COLOUR
    assert "(anstrengt relation)" in strained[0]["title"]
    assert all(e["dashes"] is False for e in edges if e not in strained)


def test_quarters_and_rings_are_painted_under_the_people(demo: m.MeetingRecord) -> None:
    html = render_map_html(demo)
    assert 'network.on("beforeDrawing", paint)' in html
    picture = json.loads(re.search(r"var picture = (\{.*?\});\n", html).group(1))  # type: ignore[union-attr]
    assert len(picture["rings"]) == 4
    assert [q["name"] for q in picture["quarters"]] == [
        "Familie", "Venner og naboer", "Skole, dagtilbud og arbejde", "Professionelle"
    ]


def _evil_meeting(db: Database) -> m.MeetingRecord:
    meeting_id = create_demo_meeting(db)
    img = s.add_participant(db, ACTOR, meeting_id, IMG, can_help_with=f"{SCRIPT} og {IMG}")
    script = s.add_participant(
        db, ACTOR, meeting_id, SCRIPT, relation="</script><script>alert(2)</script>",
        can_help_with='<a href="javascript:alert(3)">link</a>', sector="friends_neighbours",
    )
    s.add_relation(db, ACTOR, meeting_id, img, script, "<b>ven</b>", strained=True)
    return s.load_meeting(db, meeting_id, viewer=ACTOR)


def test_markup_in_names_is_text_never_markup(db: Database) -> None:
    clean = render_map_html(s.load_meeting(db, create_demo_meeting(db), viewer=ACTOR))
    html = render_map_html(_evil_meeting(db))
    assert SCRIPT not in html
    assert "<img src=x onerror" not in html
    assert "alert(2)</script>" not in html and "<a href=" not in html and "<b>ven</b>" not in html
    assert html.count("</script>") == clean.count("</script>")  # nothing closed the data script early
    assert "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e" in html  # escaped inside the JSON
    nodes = _by_label(html)
    assert nodes[IMG]["title"].startswith(IMG + "\n")  # a plain string, which vis-network shows as text
    assert _name(nodes[SCRIPT]["label"]) == SCRIPT


def test_tooltips_stay_plain_text_even_when_they_mention_href(db: Database) -> None:
    html = render_map_html(_evil_meeting(db))
    assert "popup.innerHTML" not in html  # pyvis's HTML popup, switched on by "href" in a title
    # vis-network 9 puts a string title into the tooltip with innerText, never innerHTML.
    assert "else this.frame.innerText=t" in html
    titles = [n["title"] for n in _data(html, "nodes")] + [e["title"] for e in _data(html, "edges")]
    assert not any("href" in title for title in titles)
    assert any('<a hre\u2060f="javascript:alert(3)">' in title for title in titles)


def test_the_anonymised_page_shows_initials_and_no_names(demo: m.MeetingRecord) -> None:
    html = render_map_html(demo, anonymised=True)
    for person in demo.participants:
        assert person.name not in html
    names = {word for p in demo.participants for word in p.name.split()} | {"Alma"}
    shown = [_name(n["label"]) for n in _data(html, "nodes")] + [n["title"] for n in _data(html, "nodes")]
    shown += [e["title"] for e in _data(html, "edges")] + [e.get("label") or "" for e in _data(html, "edges")]
    for text in shown:
        assert not any(re.search(rf"(?<!\w){name}(?:'?s)?(?!\w)", text) for name in names), text
    labels = {_name(n["label"]) for n in _data(html, "nodes")}
    assert {"S.J.", "B.J.", "A."} <= labels


def test_a_meeting_with_nobody_yet_still_renders() -> None:
    html = render_map_html(record_with([]))
    assert [n["label"] for n in _data(html, "nodes")] == ["Alma"]


def test_the_height_must_be_a_css_length(demo: m.MeetingRecord) -> None:
    assert "height: 90vh;" in render_map_html(demo, height="90vh")
    with pytest.raises(ValueError):
        render_map_html(demo, height="1px; } body { display: none")


def test_long_names_are_drawn_over_lines_broken_between_words(demo: m.MeetingRecord) -> None:
    html = render_map_html(demo)
    labels = [n["label"] for n in _data(html, "nodes")]
    assert "Ole\nVestergaard" in labels and "Mads Juhl" in labels
    assert "\"widthConstraint\": {\"maximum\"" not in html, "vis-network's width limit splits long words"


def test_the_map_filtered_by_a_support_kind_fades_those_who_do_not_give_it(demo: m.MeetingRecord) -> None:
    from facilitation.domain.support import SupportKind, given_kinds

    html = render_map_html(demo, support=SupportKind.PRACTICAL)
    nodes = _by_label(html)
    givers = {p.name for p in demo.participants if SupportKind.PRACTICAL in given_kinds(p.supports)}
    assert "Birthe Juhl" in givers and "Peter Brandt" not in givers
    for name, node in nodes.items():
        faded = "opacity" in node
        assert faded == (name not in givers and name != demo.case.child_names), name
    assert all("opacity" not in node for node in _data(render_map_html(demo), "nodes")), "unfiltered: no fading"
    assert _by_label(html)["Birthe Juhl"]["x"] == _by_label(render_map_html(demo))["Birthe Juhl"]["x"]


def test_the_hover_says_what_a_person_gives_and_receives(demo: m.MeetingRecord) -> None:
    title = _by_label(render_map_html(demo))["Birthe Juhl"]["title"]
    assert "Giver familien: Følelsesmæssig støtte, Praktisk hjælp\nFår selv støtte til: Følelsesmæssig støtte" in title
    assert "Kan spørges" in _by_label(render_map_html(demo))["Lone Møller"]["title"]
