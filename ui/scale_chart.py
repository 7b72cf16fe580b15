"""The safety scale as inline SVG: everyone's number today, and the average over the meetings.

Plain strings, no Streamlit and no network: the same pictures serve the editing page, the
presentation and a projector. Every name and reason is escaped; the SVG scales to its box.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Sequence
from datetime import date

from facilitation.domain.model import SCORE_MAX, SCORE_MIN
from facilitation.domain.scaling import ScoreRound
from ui.text import shorten

# every text at least 7:1 on the paper
INK, MUTED, GRID, BAR, TRACK, DOT, PAPER = "#1E2430", "#3A4350", "#D9D5CC", "#2B5A87", "#ECE9E2", "#8C96A3", "#FBFAF7"


def decimal(value: float, language: str) -> str:
    """'5,2' in Danish, '5.2' in English (one decimal)."""
    text = f"{value:.1f}"
    return text.replace(".", ",") if language != "en" else text


def short_date(day: date, language: str) -> str:
    """'14.10.' in Danish, '14/10' in English: short enough for an axis."""
    return f"{day.day}/{day.month}" if language == "en" else f"{day.day}.{day.month}."


NAME_CHARS = 19  # what fits left of the bars at 28 units: a long name is cut at its end ('…'), never at its start
FONT = "'Source Sans 3','Source Sans Pro','DejaVu Sans',Arial,sans-serif"


def as_image(svg: str, alt: str, css_class: str = "mt-chart") -> str:
    """An <img> holding the SVG as a data URI (st.html strips inline SVG; an image needs no network)."""
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return f'<img class="{css_class}" src="data:image/svg+xml;base64,{data}" alt="{_e(alt)}">'


def scores_alt(rows: Sequence[tuple[str, int, str]], mean_label: str, language: str) -> str:
    """The chart in words for screen readers (and tests): 'Sanne Juhl: 6, …; Gennemsnit 5,2'."""
    if not rows:
        return ""
    mean = decimal(sum(score for _, score, _ in rows) / len(rows), language)
    return ", ".join(f"{name}: {score}" for name, score, _ in rows) + "; " + mean_label.format(mean=mean)


def _e(text: str) -> str:
    return html.escape(" ".join(text.split()), quote=True)


def scores_svg(rows: Sequence[tuple[str, int, str]], *, language: str, mean_label: str, title: str) -> str:
    """A horizontal bar per (name, score, reason) on a 0–10 axis, with a dashed line at the average."""
    width, left, right, top, row_h = 1200, 330, 1080, 46, 84
    span = right - left
    height = top + row_h * max(len(rows), 1) + 48

    def x(score: float) -> float:
        return left + span * (score - SCORE_MIN) / (SCORE_MAX - SCORE_MIN)

    parts = [
        f'<svg class="mt-chart mt-scores" viewBox="0 0 {width} {height}" role="img" aria-label="{_e(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="{FONT}" preserveAspectRatio="xMidYMin meet">'
        f"<title>{_e(title)}</title>"
    ]
    for tick in range(SCORE_MIN, SCORE_MAX + 1):
        parts.append(
            f'<line x1="{x(tick):.0f}" y1="{top - 8}" x2="{x(tick):.0f}" y2="{height - 44}" stroke="{GRID}" '
            f'stroke-width="{2 if tick in (SCORE_MIN, SCORE_MAX) else 1}"/>'
            f'<text x="{x(tick):.0f}" y="{top - 16}" font-size="22" fill="{MUTED}" text-anchor="middle">{tick}</text>'
        )
    if rows:  # the average first, so the bars and words are drawn over it
        mean = sum(score for _, score, _ in rows) / len(rows)
        parts.append(
            f'<line class="mt-mean" data-mean="{mean:.2f}" x1="{x(mean):.0f}" y1="{top}" x2="{x(mean):.0f}" '
            f'y2="{height - 40}" stroke="{INK}" stroke-width="3" stroke-dasharray="10 8"/>'
            f'<text x="{x(mean):.0f}" y="{height - 12}" font-size="26" font-weight="700" fill="{INK}" '
            f'text-anchor="middle">{_e(mean_label.format(mean=decimal(mean, language)))}</text>'
        )
    for i, (name, score, reason) in enumerate(rows):
        y = top + i * row_h
        bar = max(span * score / (SCORE_MAX - SCORE_MIN), 6)
        parts.append(
            f'<g class="mt-score" data-name="{_e(name)}" data-score="{score}">'
            f'<text x="8" y="{y + 34}" font-size="28" font-weight="600" fill="{INK}" '
            f'text-anchor="start">{_e(shorten(name, NAME_CHARS))}</text>'
            f'<rect x="{left}" y="{y + 8}" width="{span}" height="36" rx="6" fill="{TRACK}"/>'
            f'<rect x="{left}" y="{y + 8}" width="{bar:.0f}" height="36" rx="6" fill="{BAR}"/>'
            f'<text x="{width - 8}" y="{y + 39}" font-size="38" font-weight="700" fill="{INK}" '
            f'text-anchor="end">{score}</text>'
            f'<text x="{left}" y="{y + 72}" font-size="21" fill="{MUTED}" stroke="{PAPER}" stroke-width="6" '
            f'paint-order="stroke">{_e(shorten(reason, 80))}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def trend_svg(history: Sequence[ScoreRound], current_id: int, *, language: str, title: str) -> str:
    """The average of each meeting's scores as a line (everyone's numbers as dots), the last eight meetings."""
    rounds = list(history)[-8:]
    width, height, left, right, top, bottom = 640, 420, 56, 600, 40, 350

    def y(score: float) -> float:
        return bottom - (bottom - top) * (score - SCORE_MIN) / (SCORE_MAX - SCORE_MIN)

    def x(i: int) -> float:
        return (left + right) / 2 if len(rounds) == 1 else left + 30 + (right - left - 60) * i / (len(rounds) - 1)

    parts = [
        f'<svg class="mt-chart mt-trend" viewBox="0 0 {width} {height}" role="img" aria-label="{_e(title)}" '
        f'xmlns="http://www.w3.org/2000/svg" font-family="{FONT}" preserveAspectRatio="xMidYMin meet">'
        f"<title>{_e(title)}</title>"
    ]
    for tick in (0, 5, 10):
        parts.append(
            f'<line x1="{left}" y1="{y(tick):.0f}" x2="{right}" y2="{y(tick):.0f}" stroke="{GRID}"/>'
            f'<text x="{left - 12}" y="{y(tick) + 8:.0f}" font-size="22" fill="{MUTED}" text-anchor="end">{tick}</text>'
        )
    means = [(x(i), y(r.mean)) for i, r in enumerate(rounds) if r.mean is not None]
    if len(means) > 1:
        points = " ".join(f"{px:.0f},{py:.0f}" for px, py in means)
        parts.append(f'<polyline points="{points}" fill="none" stroke="{BAR}" stroke-width="5"/>')
    for i, r in enumerate(rounds):
        current = r.meeting_id == current_id
        parts.append(f'<g class="mt-round" data-date="{r.date.isoformat()}" data-mean="{(r.mean or 0):.2f}">')
        spread = len(r.scores) - 1  # side by side, so equal numbers do not hide each other
        parts.extend(
            f'<circle cx="{x(i) + 9 * (j - spread / 2):.0f}" cy="{y(score):.0f}" r="6" fill="{DOT}" '
            f'fill-opacity="0.6"><title>{_e(name)}: {score}</title></circle>'
            for j, (name, score) in enumerate(r.scores)
        )
        if r.mean is not None:
            parts.append(
                f'<circle cx="{x(i):.0f}" cy="{y(r.mean):.0f}" r="{12 if current else 9}" '
                f'fill="{BAR if current else "#fff"}" stroke="{BAR}" stroke-width="4"/>'
                f'<text x="{x(i) + 18:.0f}" y="{y(r.mean) - 16:.0f}" font-size="28" font-weight="700" fill="{INK}" '
                f'stroke="#fff" stroke-width="7" paint-order="stroke" text-anchor="start">'
                f"{decimal(r.mean, language)}</text>"
            )
        parts.append(
            f'<text x="{x(i):.0f}" y="{bottom + 40}" font-size="22" fill="{INK if current else MUTED}" '
            f'font-weight="{700 if current else 400}" text-anchor="middle">{short_date(r.date, language)}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)
