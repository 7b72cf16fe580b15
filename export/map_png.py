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
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

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
LEGEND_STRIP = 0.3  # of the picture's height: room for the key (it sits in the lowest 15 %)
PNG_COMPRESSION = 1  # zlib's fastest: the 200-person map took 370 ms to pack at the default level, 195 ms at 1,
# and came out 3 % bigger


def render_map_png(
    record: MeetingRecord, *, anonymised: bool = False, width_px: int = WIDTH_PX,
    height_px: int = HEIGHT_PX, dpi: int = DPI, language: str = DEFAULT,
) -> bytes:
    """The meeting's network map as PNG bytes of exactly width_px × height_px pixels, its words in `language`."""
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
    name_size = min(9.0, max(4.0, 0.3 * points_per_unit))

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
        if data["kind"]:
            labels.append(_Label((x1 + x2) / 2, (y1 + y2) / 2, str(data["kind"]), name_size * 0.8,
                                 STRAINED_COLOUR if strained else TIE_COLOUR, 0.15, 0.85 if boxed else 0.0, False))
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
            axes.text(x, y, _two_lines(str(data["label"])), color="white", fontsize=name_size + 1, fontweight="bold",
                      ha="center", va="center", zorder=6, parse_math=False)
            continue
        colour = SECTOR_COLOURS[Sector(str(data["sector"]))]
        attendance = data["attendance"]
        circles.append(Circle(
            (x, y), PERSON_RADIUS, facecolor=colour if attendance == Attendance.PRESENT else "white",
            edgecolor=colour, linewidth=1.8, linestyle=(0, (2, 1.5)) if attendance == Attendance.NOT_INVITED else "-",
            zorder=5,
        ))
        name = str(data["label"])
        labels.append(_Label(x, y - PERSON_RADIUS * 1.15, _two_lines(name) if boxed else name, name_size, "black",
                             0.1, 0.7 if boxed else 0.0, True))
    if circles:
        axes.add_collection(PatchCollection(circles, match_original=True, zorder=5), autolim=False)

    with warnings.catch_warnings():
        # Names with emoji: DejaVu has no colour glyphs; matplotlib draws a box and warns. A box is fine.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font", category=UserWarning)
        canvas.draw()  # type: ignore[no-untyped-call]  # matplotlib leaves it untyped
    picture = _image(canvas)
    legend = _legend(language, max(6.0, name_size), width_px, height_px, dpi)
    picture.alpha_composite(legend, (0, height_px - legend.height))
    picture = _draw_labels(picture.convert("RGB"), labels, axes, dpi)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", compress_level=PNG_COMPRESSION)
    return buffer.getvalue()


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
    below: bool  # True: hangs below the anchor (a person's name); False: centred on it (a tie's word)


def _draw_labels(picture: Image.Image, labels: list[_Label], axes: Any, dpi: int) -> Image.Image:
    """The names and tie words drawn onto the picture, each over its translucent white box when it has one."""
    if not labels:
        return picture
    height = picture.height
    points = axes.transData.transform([(label.x, label.y) for label in labels])
    placed = []
    for label, (x, y) in zip(labels, points, strict=True):
        placed.append((label, (float(x), height - float(y)), _font(round(label.size * dpi / 72 * 4) / 4),
                       "ma" if label.below else "mm"))
    ink = ImageDraw.Draw(picture, "RGBA")  # on an RGB picture: a translucent box is blended with what lies under
    for label, where, font, anchor in placed:  # in order: a name's box covers the tie words drawn before it
        if label.box_alpha:
            left, top, right, bottom = ink.multiline_textbbox(where, label.text, font=font, anchor=anchor,
                                                              align="center", spacing=0)
            pad = label.pad * font.size
            ink.rounded_rectangle((left - pad, top - pad, right + pad, bottom + pad), radius=pad,
                                  fill=(255, 255, 255, round(255 * label.box_alpha)))
        ink.multiline_text(where, label.text, fill=label.colour, font=font, anchor=anchor, align="center", spacing=0)
    return picture


@cache
def _font(pixels: float) -> ImageFont.FreeTypeFont:
    """matplotlib's own sans-serif (DejaVu Sans) at a size in pixels, for Pillow."""
    return ImageFont.truetype(font_manager.findfont(font_manager.FontProperties()), pixels)


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


def _two_lines(label: str) -> str:
    """A long name over two lines (first name, then the rest) so neighbours' names overlap less."""
    first, _, rest = label.partition(" ")
    return f"{first}\n{rest}" if rest and len(label) > 10 else label
