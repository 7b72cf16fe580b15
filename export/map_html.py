"""The interactive network map: one self-contained HTML page (pyvis / vis-network 9.1.2), no network.

pyvis is unmaintained, so it is used only here. The page needs no internet: vis-network is
inlined (`cdn_resources="in_line"`) and the Bootstrap links pyvis adds anyway are stripped.
The quarters and rings are painted on the canvas by a `beforeDrawing` hook, in the same
coordinates as the people, who are fixed at the positions of `facilitation.network.layout`.

Participant text never becomes markup: node and edge data reach the page only through
Jinja's `tojson` (which writes `<`, `>`, `&` and `'` as \\u escapes), labels are drawn on the
canvas as text (`font.multi` off), and vis-network 9 shows a string `title` with `innerText`.
The one pyvis feature that would use `innerHTML` (link popups, switched on when a title holds
"href") is kept off; `render_map_html` refuses to return a page where it slipped through.
"""

from __future__ import annotations

import json
import math
import re
from html import escape
from pathlib import Path
from typing import Any

import pyvis
from pyvis.network import Network

from export.map_style import (
    CHILD_COLOUR,
    RING_COLOUR,
    SECTOR_COLOURS,
    STRAINED_COLOUR,
    TIE_COLOUR,
    attendance_name,
    person_text,
    relation_text,
    sector_fill,
    sector_name,
)
from facilitation.domain.model import Attendance, MeetingRecord, Sector
from facilitation.domain.name_lines import name_lines
from facilitation.domain.network import (
    SECTOR_START,
    MapGeometry,
    MapGraph,
    build_graph,
    map_geometry,
    relation_edges,
)
from facilitation.domain.support import SupportKind, given_kinds
from facilitation.domain.words import DEFAULT, text

FAINT = 0.18  # a person who does not give the support the map is filtered by
FAINT_TIE = "#C4C8CE"  # ties and names of the people faded by a filter
PIXELS_PER_UNIT = 90  # one NODE_SPACING; a person's dot is 28 px across
PERSON_SIZE = 14
CHILD_SIZE = 26
_REMOTE_LINK = re.compile(r"<link\b[^>]*?\bhref\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>", re.IGNORECASE)
_REMOTE_SCRIPT = re.compile(
    r"<script\b[^>]*?\bsrc\s*=\s*[\"']?\s*(?:https?:)?//[^>]*>\s*</script\s*>", re.IGNORECASE
)
_REMOTE_ANY = re.compile(r"<(?:link|script)\b[^>]*?\b(?:href|src)\s*=\s*[\"']?\s*(?:https?:)?//", re.IGNORECASE)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>")
_DEAD_COMMENT = re.compile(r"<!--\s*<link[^>]*node_modules.*?-->", re.DOTALL)  # pyvis's commented-out vis.js
_CSS_LENGTH = re.compile(r"\d{1,5}(?:px|vh|%)")
_LIBRARY_URL = re.compile(r"/[A-Za-z0-9_./-]*/")


def _options() -> dict[str, Any]:
    """vis-network options: a fixed picture (no physics, no dragging) that can be zoomed and hovered."""
    return {
        "physics": {"enabled": False},
        "layout": {"randomSeed": 1, "improvedLayout": False},
        "interaction": {"hover": True, "dragNodes": False, "tooltipDelay": 120, "multiselect": False},
        "nodes": {
            "font": {"size": 26, "face": "sans-serif", "multi": False, "strokeWidth": 5, "strokeColor": "#ffffff"},
            "borderWidth": 3,
            "scaling": {"label": {"drawThreshold": 1}},  # names stay visible when the whole map fits
        },
        "edges": {
            "smooth": False,
            "font": {"size": 18, "multi": False, "align": "horizontal", "strokeWidth": 5},
            "scaling": {"label": {"drawThreshold": 1}},
        },
    }


class UnsafeMapError(RuntimeError):
    """The generated page would load something from the internet or render text as HTML."""


def render_map_html(
    record: MeetingRecord, *, anonymised: bool = False, height: str = "720px", library_url: str | None = None,
    language: str = DEFAULT, support: SupportKind | None = None,
) -> str:
    """The meeting's network map as one HTML page in `language`, self-contained unless `library_url` is given.

    With `library_url` (a same-origin folder such as "/app/static/", served by the app), the page
    links vis-network from there instead of inlining its ~690 KB, so the browser loads it once.
    With `support`, the people who do not give that kind of support are drawn faint (the map keeps its places).
    """
    if not _CSS_LENGTH.fullmatch(height):  # pyvis writes it into the page's CSS as it is
        raise ValueError(f"height must be a CSS length such as '720px', not {height!r}")
    graph = build_graph(record, anonymised, language)
    geometry = map_geometry(graph)
    faint = set() if support is None else {node for node in graph if not gives_support(graph, node, support)}
    net = Network(height=height, width="100%", directed=False, cdn_resources="in_line", bgcolor="#ffffff")
    for node, data in graph.nodes(data=True):
        x, y = geometry.positions[node]
        x_px, y_px = round(x * PIXELS_PER_UNIT, 2), round(-y * PIXELS_PER_UNIT, 2)  # the canvas has y down
        style = _node_style(graph, node, data, language)
        if node in faint:
            style["opacity"] = FAINT
            style["font"] = {**style.get("font", {}), "color": FAINT_TIE}
        net.add_node(node, x=x_px, y=y_px, **style)
    for source, target, data in relation_edges(graph):
        colour = STRAINED_COLOUR if data["strained"] else TIE_COLOUR
        if source in faint or target in faint:
            colour = FAINT_TIE
        net.add_edge(
            source, target, label=data["kind"] or None, title=_plain(relation_text(graph, source, target, language)),
            color={"color": colour, "highlight": colour, "hover": colour},
            dashes=[10, 8] if data["strained"] else False, width=3 if data["strained"] else 2,
        )
    net.options = _options()  # a dict: pyvis writes it out with json.dumps; it holds no participant text
    html = _finish_page(net.generate_html(), geometry, language)
    if library_url is not None:
        html = _link_library(html, library_url)
    _check(html)
    return html


def library_files() -> dict[str, Path]:
    """The vis-network files pyvis inlines, by the name a served folder should give them."""
    folder = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    return {name: folder / name for name in ("vis-network.min.js", "vis-network.css")}


def _link_library(html: str, url: str) -> str:
    if not _LIBRARY_URL.fullmatch(url):
        raise ValueError(f"library_url must be a same-origin folder such as '/app/static/', not {url!r}")
    files = library_files()
    script = "<script>" + files["vis-network.min.js"].read_text(encoding="utf-8") + "</script>"
    style = "<style>" + files["vis-network.css"].read_text(encoding="utf-8") + "</style>"
    if script not in html or style not in html:
        raise UnsafeMapError("pyvis no longer inlines vis-network as expected")
    html = html.replace(script, f'<script src="{url}vis-network.min.js"></script>', 1)
    return html.replace(style, f'<link rel="stylesheet" href="{url}vis-network.css">', 1)


def _finish_page(html: str, geometry: MapGeometry, language: str) -> str:
    """pyvis's page without its remote links and empty heading, plus a title, tooltip style and background."""
    html = _REMOTE_SCRIPT.sub("", _REMOTE_LINK.sub("", html))
    html = _DEAD_COMMENT.sub("", _EMPTY_HEADING.sub("", html))
    title = f"<title>{escape(text('map.title', language))}</title>"
    html = html.replace('<meta charset="utf-8">', f'<meta charset="utf-8">\n{title}', 1)
    html = html.replace("</head>", _TOOLTIP_STYLE + "</head>", 1)
    body_end = html.rfind("</body>")
    page_end = _toolbar(language) + _background_script(geometry, language) + html[body_end:]
    return "<!DOCTYPE html>\n" + html[:body_end] + page_end


def _toolbar(language: str) -> str:
    """The zoom, whole-map and full-screen buttons, labelled in `language`."""
    words = {"toolbar": "map.toolbar", "zoom_in": "map.zoom_in", "zoom_out": "map.zoom_out", "fit": "map.fit",
             "fit_help": "map.fit_help", "fullscreen": "map.fullscreen"}
    return _TOOLBAR.format(**{name: escape(text(key, language), quote=True) for name, key in words.items()})


def _child_text(data: dict[str, Any], language: str) -> str:
    """The child's hover: the name, what the centre is, and whether the child came (when listed)."""
    came = f"\n{attendance_name(data['attendance'], language)}" if data.get("attendance") else ""
    return f"{data['label']} {text('map.child_note', language)}{came}"


def _node_style(graph: MapGraph, node: str, data: dict[str, Any], language: str) -> dict[str, Any]:
    if data["kind"] == "child":
        return {
            "label": name_lines(data["label"]), "title": _plain(_child_text(data, language)),
            "shape": "dot",
            "size": CHILD_SIZE, "color": {"background": CHILD_COLOUR, "border": CHILD_COLOUR},
            "font": {"size": 24, "bold": {"size": 24}}, "fixed": True, "physics": False,
        }
    colour = SECTOR_COLOURS[data["sector"]]
    present = data["attendance"] == Attendance.PRESENT
    style: dict[str, Any] = {
        "label": name_lines(data["label"]), "title": _plain(person_text(graph, node, language)), "shape": "dot",
        "size": PERSON_SIZE, "fixed": True, "physics": False,
        "color": {
            "background": colour if present else "#ffffff", "border": colour,
            "highlight": {"background": colour, "border": CHILD_COLOUR},
            "hover": {"background": colour, "border": CHILD_COLOUR},
        },
    }
    if data["attendance"] == Attendance.NOT_INVITED:
        style["shapeProperties"] = {"borderDashes": [5, 4]}
    return style


def gives_support(graph: MapGraph, node: str, support: SupportKind) -> bool:
    """Whether a node gives this support (the child always counts: the map is drawn around them)."""
    data = graph.nodes[node]
    return data["kind"] == "child" or support in given_kinds(data.get("supports", ()))


def _plain(text: str) -> str:
    """Hover text for vis-network; breaks the word pyvis takes as a cue to render titles as HTML."""
    return text.replace("href", "hre\u2060f")  # U+2060 WORD JOINER: invisible, and not "href"


def _background_script(geometry: MapGeometry, language: str) -> str:
    """A script painting the quarters, rings and sector names under the people."""
    scale = PIXELS_PER_UNIT
    quarters = [
        {
            "start": SECTOR_START[sector], "name": sector_name(sector, language),
            "colour": SECTOR_COLOURS[sector], "fill": sector_fill(sector, 0.09),
        }
        for sector in Sector
    ]
    picture = {
        "rings": [round(r * scale, 2) for r in geometry.ring_radii],
        "quarters": quarters,
        "ringColour": RING_COLOUR,
        # half the room the picture needs across (sector names stick out) and down
        "halfWidth": round(geometry.outer_radius * scale * 1.04, 2),
        "halfHeight": round(geometry.outer_radius * scale * 1.12, 2),
    }
    return _BACKGROUND_JS.replace("__PICTURE__", _script_json(picture)).replace("__HALF_PI__", repr(math.pi / 2))


def _script_json(value: object) -> str:
    """JSON that is safe inside a <script> element (no '<', '>' or '&' characters at all)."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _check(html: str) -> None:
    if _REMOTE_ANY.search(html):
        raise UnsafeMapError("the map page still links a remote script or stylesheet")
    if "popup.innerHTML" in html:
        raise UnsafeMapError("pyvis switched its tooltips to HTML")


_TOOLTIP_STYLE = """<style>
div.vis-tooltip { font-family: sans-serif; font-size: 15px; white-space: pre-wrap; max-width: 30em; }
body { margin: 0; }
#mynetwork { border: none !important; }
#map-tools { position: fixed; top: 50%; right: 8px; transform: translateY(-50%); display: flex;
  flex-direction: column; gap: 6px; z-index: 10; }
#map-tools button { font: 600 15px sans-serif; padding: 6px 11px; border: 1px solid #9AA0A6;
  border-radius: 6px; background: #ffffff; color: #1F2A44; cursor: pointer; }
#map-tools button:hover { background: #eef2f7; }
:fullscreen #mynetwork { height: 100vh !important; }
@media print { #map-tools { display: none; } }
</style>
"""

_TOOLBAR = """
<div id="map-tools" role="toolbar" aria-label="{toolbar}">
  <button id="map-zoom-in" type="button" title="{zoom_in}" aria-label="{zoom_in}">+</button>
  <button id="map-zoom-out" type="button" title="{zoom_out}" aria-label="{zoom_out}">−</button>
  <button id="map-fit" type="button" title="{fit_help}">{fit}</button>
  <button id="map-fullscreen" type="button" title="{fullscreen}">{fullscreen}</button>
</div>
"""

_BACKGROUND_JS = """
<script type="text/javascript">
(function () {
  var picture = __PICTURE__;
  var rings = picture.rings, outer = rings[rings.length - 1], inner = rings[0];
  function paint(ctx) {
    ctx.save();
    picture.quarters.forEach(function (q) {
      // map angles run counter-clockwise with y up; the canvas has y down
      ctx.beginPath();
      ctx.moveTo(0, 0);
      ctx.arc(0, 0, outer, -q.start - __HALF_PI__, -q.start, false);
      ctx.closePath();
      ctx.fillStyle = q.fill;
      ctx.fill();
    });
    ctx.strokeStyle = picture.ringColour;
    ctx.lineWidth = 2;
    rings.forEach(function (r) {
      ctx.beginPath();
      ctx.arc(0, 0, r, 0, 2 * Math.PI);
      ctx.stroke();
    });
    [[1, 0], [0, 1], [-1, 0], [0, -1]].forEach(function (d) {
      ctx.beginPath();
      ctx.moveTo(d[0] * inner, d[1] * inner);
      ctx.lineTo(d[0] * outer, d[1] * outer);
      ctx.stroke();
    });
    ctx.font = "bold 22px sans-serif";
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    for (var i = 1; i < rings.length; i++) {
      var y = -(rings[i - 1] + rings[i]) / 2;
      ctx.fillStyle = "#ffffff";
      ctx.beginPath();
      ctx.arc(0, y, 16, 0, 2 * Math.PI);
      ctx.fill();
      ctx.fillStyle = picture.ringColour;
      ctx.fillText(String(i), 0, y);
    }
    ctx.font = "bold 30px sans-serif";
    picture.quarters.forEach(function (q) {
      // in the outer corner of the quarter, running inwards, so long names stay in view
      var mid = q.start + __HALF_PI__ / 2;
      var x = Math.cos(mid) < 0 ? -outer : outer, y = Math.sin(mid) < 0 ? outer + 8 : -outer - 8;
      ctx.textAlign = x < 0 ? "left" : "right";
      ctx.textBaseline = y < 0 ? "bottom" : "top";
      ctx.fillStyle = q.colour;
      ctx.fillText(q.name, x, y);
    });
    ctx.restore();
  }
  function fit() {
    var box = document.getElementById("mynetwork");
    var scale = Math.min(box.clientWidth / picture.halfWidth, box.clientHeight / picture.halfHeight) / 2;
    if (scale > 0) {
      network.moveTo({position: {x: 0, y: 0}, scale: scale});
    }
  }
  function zoom(factor) {
    network.moveTo({scale: network.getScale() * factor});
  }
  document.getElementById("map-zoom-in").onclick = function () { zoom(1.25); };
  document.getElementById("map-zoom-out").onclick = function () { zoom(0.8); };
  document.getElementById("map-fit").onclick = fit;
  document.getElementById("map-fullscreen").onclick = function () {
    if (document.fullscreenElement) { document.exitFullscreen(); }
    else if (document.documentElement.requestFullscreen) { document.documentElement.requestFullscreen(); }
  };
  document.addEventListener("fullscreenchange", function () { setTimeout(fit, 50); });
  network.on("beforeDrawing", paint);
  network.once("afterDrawing", fit);
  window.addEventListener("resize", fit);
  network.redraw();
})();
</script>
"""
