"""The case's measures on the intervention ladder over time, as one calm picture (a PNG).

The ladder's steps (the configured ladder unless one is given) run up the left side, lowest at the bottom; a step
a measure has that the ladder has not (stored under an earlier ladder) gets a row of its own above the top. Each
measure is a bar on its step from its start to its end (or to the last meeting, when it goes on); each meeting is
a thin line with its date. A move down the ladder — the Aabenraa model's aim — reads as the bars moving down
over time. Default steps are named from the reader's catalog, configured ones as written; no names are drawn
(the measures' own texts are not on the picture), so the same picture serves the anonymised handover.
matplotlib's Agg canvas, no pyplot.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, timedelta

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from facilitation import settings
from facilitation.domain.measures import ladder_with, step_words
from facilitation.domain.model import Measure
from facilitation.domain.words import DEFAULT

BAR = "#2B6CB0"
GRID = "#E3E8EE"
TEXT = "#3A4350"


def render_ladder_chart(
    measures: Sequence[Measure], meeting_days: Sequence[date], *, ladder: Sequence[str] | None = None,
    language: str = DEFAULT, width_px: int = 1500, height_px: int = 620, dpi: int = 200,
) -> bytes:
    """A PNG of the measures on the ladder between the first and the last meeting (or measure) day."""
    days = sorted(meeting_days)
    rows = ladder_with(settings.ladder() if ladder is None else ladder, measures)
    first = min([*days, *(m.start for m in measures)], default=date.today())
    last = max([*days, *(m.end or first for m in measures)], default=first)
    if last <= first:
        last = first + timedelta(days=1)
    figure = Figure(figsize=(width_px / dpi, height_px / dpi), dpi=dpi, facecolor="white")
    FigureCanvasAgg(figure)
    axes = figure.add_axes((0.3, 0.16, 0.67, 0.8))
    for spine in axes.spines.values():
        spine.set_visible(False)
    axes.set_yticks(range(len(rows)), [step_words(step, language) for step in rows], fontsize=7, color=TEXT)
    axes.set_ylim(-0.6, len(rows) - 0.4)
    axes.set_xlim(first.toordinal() - 2, last.toordinal() + 2)
    for row in range(len(rows)):
        axes.axhline(row, color=GRID, linewidth=0.8, zorder=0)
    for day in days:
        axes.axvline(day.toordinal(), color=GRID, linewidth=1.2, zorder=1)
    axes.set_xticks([d.toordinal() for d in days], [f"{d.day}.{d.month}.{d.year}" for d in days], fontsize=7,
                    color=TEXT)
    axes.tick_params(length=0)
    for measure in measures:
        start, end = measure.start.toordinal(), (measure.end or last).toordinal()
        axes.barh(rows.index(measure.step), max(end - start, 1.0), left=start, height=0.42, color=BAR,
                  zorder=2)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()
