"""The small scaling chart of the minute: each meeting's 0–10 answers as dots, their average as a line.

Drawn with matplotlib's Agg canvas and no pyplot (no global state between sessions). It shows no
names, only dates and numbers, so the same picture serves the anonymised minute.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patheffects import withStroke

from facilitation.domain.model import SCORE_MAX, SCORE_MIN

DOT = "#9DB3C9"
LINE = "#1F4E79"
GRID = "#E3E8EE"
TEXT = "#5F6B7A"


def render_scaling_chart(rounds: Sequence[tuple[str, Sequence[int]]], *, width_px: int = 1500,
                         height_px: int = 560, dpi: int = 200, decimal_mark: str = ",") -> bytes:
    """A PNG of (label, scores) rounds in time order; rounds without scores are left out."""
    shown = [(label, list(scores)) for label, scores in rounds if scores]
    figure = Figure(figsize=(width_px / dpi, height_px / dpi), dpi=dpi, facecolor="white")
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0.07, 0.17, 0.9, 0.76))
    positions = range(len(shown))
    xs: list[float] = []
    ys: list[int] = []
    for x, (_, scores) in zip(positions, shown, strict=True):
        for score in sorted(set(scores)):
            same = scores.count(score)
            step = min(0.06, 0.5 / same)  # equal answers side by side, centred on the meeting
            xs += [x + (index - (same - 1) / 2) * step for index in range(same)]
            ys += [score] * same
    axes.scatter(xs, ys, s=26, color=DOT, zorder=2, linewidths=0)  # one collection: fast for 40 people
    means = [sum(scores) / len(scores) for _, scores in shown]
    axes.plot(list(positions), means, color=LINE, linewidth=2.2, marker="o", markersize=6, zorder=3)
    for x, mean in zip(positions, means, strict=True):
        axes.annotate(f"{mean:.1f}".replace(".", decimal_mark), (x, mean), textcoords="offset points", xytext=(0, 9),
                      ha="center", fontsize=9, color=LINE, fontweight="bold", zorder=4,
                      path_effects=[withStroke(linewidth=3, foreground="white")])  # readable over the dots
    axes.set_ylim(SCORE_MIN - 0.5, SCORE_MAX + 0.8)
    axes.set_yticks(range(SCORE_MIN, SCORE_MAX + 1, 2))
    axes.set_xlim(-0.5, max(len(shown) - 0.5, 0.5))
    axes.set_xticks(list(positions), [label for label, _ in shown])
    axes.tick_params(colors=TEXT, labelsize=9, length=0)
    axes.grid(axis="y", color=GRID, linewidth=0.8, zorder=0)
    for side in ("top", "right", "left"):
        axes.spines[side].set_visible(False)
    axes.spines["bottom"].set_color(GRID)
    buffer = io.BytesIO()
    # zlib's fastest level: packing took as long as drawing at the default, for a file hardly smaller
    figure.savefig(buffer, format="png", dpi=dpi, facecolor="white", pil_kwargs={"compress_level": 1})
    return buffer.getvalue()
