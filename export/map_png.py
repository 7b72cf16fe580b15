"""The static network map: a PNG for the Word minute, drawn with matplotlib's Agg canvas.

It uses the same layout as the interactive map. No pyplot: a Figure with its own Agg canvas
keeps no global state, so concurrent sessions cannot draw into each other's pictures.
matplotlib draws the shapes, the sector names and the child; the people's names and the tie words are
drawn afterwards by Pillow in the same font (DejaVu Sans), as plain text (a "$" in a name is just a
dollar sign): matplotlib's text layout took over half of a 200-person map. The key is drawn once per
size and language and laid on top.
"""

from __future__ import annotations

import io
import math
import warnings
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import Any, Literal

from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, Patch, Wedge
from PIL import Image, ImageDraw, ImageFont

from export.map_style import (
    CHILD_COLOUR,
    RING_COLOUR,
    SECTOR_COLOURS,
    STRAINED_COLOUR,
    TIE_COLOUR,
    attendance_name,
    sector_name,
)
from facilitation.domain.model import Attendance, MeetingRecord, Sector
from facilitation.domain.name_lines import name_lines
from facilitation.domain.network import CHILD, SECTOR_START, build_graph, map_geometry, relation_edges
from facilitation.domain.words import DEFAULT, text

WIDTH_PX = 1600
HEIGHT_PX = 1700
DPI = 200
PERSON_RADIUS = 0.3  # map units; people are at least 1 unit apart
CHILD_RADIUS = 0.75
# Above this many people the names get no white box behind them: each box is a patch of its own, and a map of
# hundreds of people took seconds to draw (bench/big_meeting_bench.py); names that small overlap anyway.
BOXED_NAMES_MAX = 60
CHILD_LINE_CHARS = 6  # the child's name inside the centre circle, a short word a line
NAME_MAX_PT = 9.0
NAME_GROW = 1.3  # names start this much larger than 0.3 of a map unit and shrink until none touch
NAME_TOP_PT = 10.0
NAME_SHRINK = 0.9  # and a little smaller than that, on a crowded map, before two names may touch
LEGEND_STRIP = 0.3  # of the picture's height: room for the key (it sits in the lowest 15 %)
PNG_COMPRESSION = 1  # zlib's fastest: the 200-person map took 370 ms to pack at the default level, 195 ms at 1,
# and came out 3 % bigger


def render_map_png(
    record: MeetingRecord, *, anonymised: bool = False, width_px: int = WIDTH_PX,
    height_px: int = HEIGHT_PX, dpi: int = DPI, language: str = DEFAULT,
) -> bytes:
    """The meeting's network map as PNG bytes of exactly width_px × height_px pixels, its words in `language`."""
    canvas, axes, labels = _drawing(record, anonymised, width_px, height_px, dpi, language)
    with warnings.catch_warnings():
        # Names with emoji: DejaVu has no colour glyphs; matplotlib draws a box and warns. A box is fine.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font", category=UserWarning)
        canvas.draw()  # type: ignore[no-untyped-call]  # matplotlib leaves it untyped
    picture = _image(canvas)
    names = [label.size for label in labels if label.kind in _NAMES]
    legend = _legend(language, max(6.0, names[0] if names else 6.0), width_px, height_px, dpi)
    picture.alpha_composite(legend, (0, height_px - legend.height))
    picture = _draw_labels(picture.convert("RGB"), _place_labels(labels, axes, dpi, height_px))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", compress_level=PNG_COMPRESSION)
    return buffer.getvalue()


def name_boxes(
    record: MeetingRecord, *, width_px: int = WIDTH_PX, height_px: int = HEIGHT_PX, dpi: int = DPI,
) -> list[tuple[str, float, Box]]:
    """Each name on the picture: its text, size in points and pixel box (to check that names stay readable)."""
    _canvas, axes, labels = _drawing(record, False, width_px, height_px, dpi, DEFAULT)
    return [(item.label.text, item.label.size, item.box) for item in _place_labels(labels, axes, dpi, height_px)
            if item.label.kind in _NAMES]


def _drawing(
    record: MeetingRecord, anonymised: bool, width_px: int, height_px: int, dpi: int, language: str,
) -> tuple[FigureCanvasAgg, Any, list[_Label]]:
    """The map's shapes on a figure not yet drawn, and its labels (the child's and the people's names first)."""
    graph = build_graph(record, anonymised, language)
    geometry = map_geometry(graph)
    outer = geometry.outer_radius
    figure = Figure(figsize=(width_px / dpi, height_px / dpi), dpi=dpi, facecolor="white")
    canvas = FigureCanvasAgg(figure)
    legend_share = 0.15
    axes = figure.add_axes((0.01, legend_share, 0.98, 0.99 - legend_share))
    axes.set_aspect("equal")
    axes.set_axis_off()
    half_width, half_height = outer * 1.03, outer * 1.12  # room for the sector names above and below
    axes.set_xlim(-half_width, half_width)
    axes.set_ylim(-half_height, half_height)
    points_per_unit = _points_per_unit(figure, axes, half_width, half_height)
    name_size = min(NAME_MAX_PT, max(4.0, 0.3 * points_per_unit))  # grown in _fit_names while names stay apart

    for sector in Sector:
        start = math.degrees(SECTOR_START[sector])
        axes.add_patch(Wedge((0, 0), outer, start, start + 90, facecolor=SECTOR_COLOURS[sector],
                             alpha=0.09, linewidth=0, zorder=0))
        # in the outer corner of the quarter, running inwards, so long names stay on the picture
        mid = SECTOR_START[sector] + math.pi / 4
        x, y = math.copysign(outer, math.cos(mid)), math.copysign(outer, math.sin(mid))
        axes.text(x, y, sector_name(sector, language), color=SECTOR_COLOURS[sector], fontsize=name_size + 2,
                  fontweight="bold", ha="left" if x < 0 else "right", va="bottom" if y > 0 else "top")
    for radius in geometry.ring_radii:
        axes.add_patch(Circle((0, 0), radius, fill=False, edgecolor=RING_COLOUR, linewidth=0.8, zorder=1))
    inner = geometry.ring_radii[0]
    for dx, dy in ((1, 0), (0, 1), (-1, 0), (0, -1)):
        axes.plot([dx * inner, dx * outer], [dy * inner, dy * outer], color=RING_COLOUR, linewidth=0.8, zorder=1)
    for ring, (low, high) in enumerate(zip(geometry.ring_radii, geometry.ring_radii[1:], strict=False), 1):
        axes.text(0, (low + high) / 2, str(ring), color=RING_COLOUR, fontsize=name_size, fontweight="bold",
                  ha="center", va="center", zorder=2,
                  bbox={"boxstyle": "circle,pad=0.2", "facecolor": "white", "edgecolor": "none"})

    positions = geometry.positions
    boxed = graph.number_of_nodes() <= BOXED_NAMES_MAX + 1
    labels: list[_Label] = []  # drawn by Pillow on the finished picture: matplotlib's text took most of the time
    ties: dict[bool, list[list[tuple[float, float]]]] = {False: [], True: []}
    for source, target, data in relation_edges(graph):
        (x1, y1), (x2, y2) = positions[source], positions[target]
        strained = bool(data["strained"])
        ties[strained].append([(x1, y1), (x2, y2)])
        if data["kind"] and math.dist(((x1 + x2) / 2, (y1 + y2) / 2), (0, 0)) > CHILD_RADIUS * 1.2:  # not on the child
            labels.append(_Label((x1 + x2) / 2, (y1 + y2) / 2, str(data["kind"]), name_size * 0.8,
                                 STRAINED_COLOUR if strained else TIE_COLOUR, 0.15, 0.85 if boxed else 0.0, "tie"))
    for strained, segments in ties.items():
        if segments:  # one collection per line style instead of one artist per tie
            axes.add_collection(LineCollection(
                segments, colors=STRAINED_COLOUR if strained else TIE_COLOUR,
                linestyles=[(0, (4, 3))] if strained else "solid", linewidths=1.6 if strained else 1.0, zorder=3,
            ), autolim=False)

    circles = []  # drawn as one collection: one artist instead of one per person
    for node, data in graph.nodes(data=True):
        x, y = positions[node]
        if node == CHILD:
            axes.add_patch(Circle((x, y), CHILD_RADIUS, facecolor=CHILD_COLOUR, edgecolor=CHILD_COLOUR, zorder=5))
            inside = 2 * CHILD_RADIUS * 0.85 * points_per_unit * dpi / 72  # the circle's width in pixels, less a rim
            labels.append(_Label(x, y, name_lines(str(data["label"]), CHILD_LINE_CHARS), name_size + 1, "white", 0, 0,
                                 "child", inside))
            continue
        colour = SECTOR_COLOURS[Sector(str(data["sector"]))]
        attendance = data["attendance"]
        circles.append(Circle(
            (x, y), PERSON_RADIUS, facecolor=colour if attendance == Attendance.PRESENT else "white",
            edgecolor=colour, linewidth=1.8, linestyle=(0, (2, 1.5)) if attendance == Attendance.NOT_INVITED else "-",
            zorder=5,
        ))
        name = str(data["label"])
        labels.append(_Label(x, y - PERSON_RADIUS * 1.15, name_lines(name) if boxed else name, name_size, "black",
                             0.1, 0.7 if boxed else 0.0, "name"))
    if circles:
        axes.add_collection(PatchCollection(circles, match_original=True, zorder=5), autolim=False)
    if boxed:
        labels = _fit_names(labels, axes, dpi, height_px, name_size)
    return canvas, axes, labels


def _fit_names(labels: list[_Label], axes: Any, dpi: int, height: int, size: float) -> list[_Label]:
    """The names as large as they can be without touching: from NAME_GROW × `size` (at most NAME_TOP_PT) down to
    NAME_SHRINK × `size`, each name below, above, right or left of its dot."""
    scale = min(NAME_GROW, max(1.0, NAME_TOP_PT / size))
    while True:
        sized = [replace(label, size=label.size * scale) if label.kind != "child" else label for label in labels]
        placed = _flip_crowded(sized, axes, dpi, height)
        boxes = [item.box for item in _place_labels(placed, axes, dpi, height) if item.label.kind in _NAMES]
        if scale <= NAME_SHRINK or not overlapping(boxes):
            return placed
        scale = max(NAME_SHRINK, scale * 0.93)


def _flip_crowded(labels: list[_Label], axes: Any, dpi: int, height: int) -> list[_Label]:
    """Each name below its dot, or where that place is taken (by a name or a dot), above, right or left of it."""
    dots = [_dot_box(label, axes, height) for label in labels if label.kind in _NAMES]
    taken: list[Box] = []
    result = []
    for label in labels:
        if label.kind in _NAMES:
            own = dots[len(taken)]
            obstacles = [*taken, *(dot for dot in dots if dot != own)]
            best: tuple[int, _Label, Box] | None = None
            for candidate in _places(label):
                box = _place_labels([candidate], axes, dpi, height)[0].box
                clashes = sum(_touch(box, other) for other in obstacles)
                if best is None or clashes < best[0]:
                    best = (clashes, candidate, box)
                if not clashes:
                    break
            assert best is not None
            _, label, box = best
            taken.append(box)
        result.append(label)
    return result


def _dot_box(label: _Label, axes: Any, height: int) -> Box:
    """The pixel box of the dot a name (still hanging below it) belongs to."""
    centre = label.y + PERSON_RADIUS * 1.15
    (left, low), (right, high) = axes.transData.transform([(label.x - PERSON_RADIUS, centre - PERSON_RADIUS),
                                                           (label.x + PERSON_RADIUS, centre + PERSON_RADIUS)])
    return float(left), height - float(high), float(right), height - float(low)


def _places(label: _Label) -> list[_Label]:
    """Where a name can go: below its dot, above it, right of it, left of it."""
    centre = label.y + PERSON_RADIUS * 1.15
    side = PERSON_RADIUS * 1.25
    return [label, replace(label, y=centre + PERSON_RADIUS * 1.15, kind="name_above"),
            replace(label, x=label.x + side, y=centre, kind="name_right"),
            replace(label, x=label.x - side, y=centre, kind="name_left")]


def _touch(first: Box, second: Box) -> bool:
    return first[0] < second[2] and second[0] < first[2] and first[1] < second[3] and second[1] < first[3]


@dataclass(frozen=True)
class _Label:
    """A text on the map: its anchor in map units, size in points, ink, white box (padding, opacity), placing."""

    x: float
    y: float
    text: str
    size: float
    colour: str
    pad: float  # of the font size, as matplotlib's boxstyle pad
    box_alpha: float  # 0: no box
    kind: Literal["name", "name_above", "name_right", "name_left", "tie", "child"]  # a name hangs below its dot
    # (or goes above, right or left of it where that place is taken); a tie's word and the child's name are centred
    fit_px: float = 0  # when set: the font shrinks until the text is no wider (the child's name in its circle)


Box = tuple[float, float, float, float]  # left, top, right, bottom in pixels
_NAMES = ("name", "name_above", "name_right", "name_left")
_ANCHORS = {"name": "ma", "name_above": "md", "name_right": "lm", "name_left": "rm"}  # Pillow's text anchors


@dataclass(frozen=True)
class _Placed:
    """A label where Pillow draws it: its anchor point in pixels, font, anchor code and box."""

    label: _Label
    where: tuple[float, float]
    font: ImageFont.FreeTypeFont
    anchor: str
    box: Box


def _place_labels(labels: list[_Label], axes: Any, dpi: int, height: int) -> list[_Placed]:
    """Each label's pixel position, font and box (with its padding) on a picture `height` pixels high."""
    if not labels:
        return []
    measure = ImageDraw.Draw(Image.new("1", (1, 1)))
    points = axes.transData.transform([(label.x, label.y) for label in labels])
    placed = []
    for label, (x, y) in zip(labels, points, strict=True):
        pixels = label.size * dpi / 72
        anchor, where = _ANCHORS.get(label.kind, "mm"), (float(x), height - float(y))
        while True:
            font = _font(round(pixels * 4) / 4, bold=label.kind == "child")
            left, top, right, bottom = measure.multiline_textbbox(where, label.text, font=font, anchor=anchor,
                                                                  align="center", spacing=0)
            if not label.fit_px or right - left <= label.fit_px or pixels <= label.size * dpi / 72 / 2:
                break
            pixels *= 0.9
        pad = label.pad * font.size
        placed.append(_Placed(label, where, font, anchor, (left - pad, top - pad, right + pad, bottom + pad)))
    return placed


def _draw_labels(picture: Image.Image, placed: list[_Placed]) -> Image.Image:
    """The names and tie words drawn onto the picture, each over its translucent white box when it has one."""
    ink = ImageDraw.Draw(picture, "RGBA")  # on an RGB picture: a translucent box is blended with what lies under
    for item in placed:  # in order: a name's box covers the tie words drawn before it
        label = item.label
        if label.box_alpha:
            pad = label.pad * item.font.size
            ink.rounded_rectangle(item.box, radius=pad, fill=(255, 255, 255, round(255 * label.box_alpha)))
        ink.multiline_text(item.where, label.text, fill=label.colour, font=item.font, anchor=item.anchor,
                           align="center", spacing=0)
    return picture


def overlapping(boxes: list[Box]) -> int:
    """How many pairs of boxes overlap (a sweep along x: fast for the few hundred names of a map)."""
    count = 0
    ordered = sorted(boxes)
    for i, (_left, top, right, bottom) in enumerate(ordered):
        for other_left, other_top, _other_right, other_bottom in ordered[i + 1:]:
            if other_left >= right:
                break
            if other_top < bottom and top < other_bottom:
                count += 1
    return count


@cache
def _font(pixels: float, bold: bool = False) -> ImageFont.FreeTypeFont:
    """matplotlib's own sans-serif (DejaVu Sans) at a size in pixels, for Pillow."""
    face = font_manager.FontProperties(weight="bold" if bold else "normal")
    return ImageFont.truetype(font_manager.findfont(face), pixels)


def _image(canvas: FigureCanvasAgg) -> Image.Image:
    """The drawn canvas as a Pillow picture (RGBA)."""
    rgba = canvas.buffer_rgba()  # type: ignore[no-untyped-call]  # matplotlib leaves it untyped
    return Image.frombuffer("RGBA", canvas.get_width_height(), rgba, "raw", "RGBA", 0, 1).copy()


@lru_cache(maxsize=16)
def _legend(language: str, size: float, width_px: int, height_px: int, dpi: int) -> Image.Image:
    """The key under the map, on a clear strip as wide as the map (the same for every map of a size and language).

    Drawn once: its texts alone took about a fifth of a 200-person map. Read only: the callers composite it.
    """
    strip_px = round(height_px * LEGEND_STRIP)
    figure = Figure(figsize=(width_px / dpi, strip_px / dpi), dpi=dpi)
    figure.patch.set_alpha(0)
    canvas = FigureCanvasAgg(figure)
    figure.legend(handles=_legend_handles(language), loc="lower center", ncol=2, frameon=False, fontsize=size,
                  bbox_to_anchor=(0.5, 0.005 * height_px / strip_px))
    canvas.draw()  # type: ignore[no-untyped-call]  # matplotlib leaves it untyped
    return _image(canvas)


def _legend_handles(language: str) -> list[Patch | Line2D]:
    """Sectors, attendance and strained ties, explained in the reader's language."""
    handles: list[Patch | Line2D] = [
        Patch(facecolor=SECTOR_COLOURS[s], edgecolor=SECTOR_COLOURS[s], label=sector_name(s, language))
        for s in Sector
    ]
    styles: tuple[tuple[Attendance, str, Any], ...] = (  # Any: matplotlib's LineStyleType is private
        (Attendance.PRESENT, TIE_COLOUR, "-"), (Attendance.ABSENT, "white", "-"),
        (Attendance.NOT_INVITED, "white", (0, (2, 1.5))),
    )
    for attendance, fill, style in styles:
        handles.append(Patch(facecolor=fill, edgecolor=TIE_COLOUR, linestyle=style, linewidth=1.5,
                             label=attendance_name(attendance, language).capitalize()))
    handles.append(Line2D([], [], color=STRAINED_COLOUR, linestyle=(0, (4, 3)), linewidth=1.6,
                          label=text("map.strained", language).capitalize()))
    return handles


def _points_per_unit(figure: Figure, axes: object, half_width: float, half_height: float) -> float:
    """How many typographic points one map unit spans (the axes keep an equal aspect)."""
    width_in, height_in = figure.get_size_inches()
    box = axes.get_position()  # type: ignore[attr-defined]
    points: float = 72 * min(width_in * box.width / (2 * half_width), height_in * box.height / (2 * half_height))
    return points
