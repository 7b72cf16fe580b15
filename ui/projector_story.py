"""The projector's "Forløbet" screen: how far each goal has come since it was first asked, and the room's scale.

Left, each goal still worked on (or reached) with a calm bar from 0 to 10: the first answer as a thin mark,
the latest as the filled part, the two numbers in words beside it; right, the room's median on the scale at
each meeting. Pure HTML by the projection rule (ui/projection.py); long lists turn their pages.
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitation.domain import words
from facilitation.domain.case_story import summaries
from facilitation.domain.goal_progress import GoalTrail, goal_trails
from facilitation.domain.model import GoalStatus, MeetingRecord
from ui import projection as p
from ui.text import h

GOALS_SHARE = 0.62  # of the wall's width
GOAL_VH = p.LINE_VH * 3 + 2.8  # two lines of text, the bar's line, the margins and a little slack
BAR_COLOUR = "#2B6CB0"
CSS = f"""
.mt-story {{ display: grid; grid-template-columns: 62fr 32fr; gap: 4vw; align-items: start; }}
.mt-story-left {{ height: {p.STAGE_VH - 1:.1f}vh; }}
.mt-goal {{ margin: 0 0 1.6vh; }}
.mt-goal-text {{ display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }}
.mt-goal-row {{ display: flex; align-items: center; gap: 1.4vw; margin-top: .6vh; }}
.mt-track {{ position: relative; flex: 1; height: 2.2vh; background: #E6E9EE; border-radius: 1.1vh; }}
.mt-fill {{ position: absolute; inset: 0 auto 0 0; background: {BAR_COLOUR}; border-radius: 1.1vh; }}
.mt-first {{ position: absolute; top: -.5vh; bottom: -.5vh; width: .5vh; background: {p.INK}; }}
.mt-goal-nums {{ font-variant-numeric: tabular-nums; white-space: nowrap; font-weight: 700; }}
.mt-medians {{ list-style: none; margin: 0; padding: 0; }}
.mt-medians li {{ display: flex; justify-content: space-between; gap: 2vw; border-bottom: .25vh solid #9AA3AE;
  padding: 1.2vh 0; }}
.mt-medians b {{ font-variant-numeric: tabular-nums; }}
"""


def story_screen(records: Sequence[MeetingRecord], language: str, at: int) -> str:
    """The screen's stage for the case up to the last of `records` (oldest first)."""
    trails = [t for t in goal_trails(records) if t.status != GoalStatus.DROPPED]
    blocks = [_goal(trail, language) for trail in trails]
    if not blocks:
        blocks = [f'<p class="mt-muted">{h(words.text("projector.story_no_goals", language))}</p>']
    pages = ["".join(blocks[i] for i in page) for page in p.pack([GOAL_VH] * len(blocks), p.STAGE_VH - p.LINE_VH - 2)]
    label = lambda page, count: h(words.text("projector.page", language, page=page, pages=count))  # noqa: E731
    return (f'<div class="mt-story" data-testid="mt-story"><div class="mt-story-left">{p.paged(pages, label, at=at)}'
            f'</div><div>{_medians(records, language)}</div></div>')


def _goal(trail: GoalTrail, language: str) -> str:
    latest, first = trail.latest_progress, trail.first_progress
    if latest is None:
        numbers = words.text("handover.not_asked", language)
    elif first is not None and first != latest:
        numbers = words.text("projector.story_from_to", language, first=first, latest=latest)
    else:
        numbers = f"{latest}/10"
    reached = f' · {h(words.label("goal_status", GoalStatus.ACHIEVED, language))}' if (
        trail.status == GoalStatus.ACHIEVED) else ""
    fill = 0 if latest is None else latest * 10
    mark = "" if first is None else f'<span class="mt-first" style="left:calc({first * 10}% - .25vh)"></span>'
    return (f'<div class="mt-goal" data-progress="{latest if latest is not None else ""}">'
            f'<div class="mt-goal-text">{h(trail.goal.text)}</div>'
            f'<div class="mt-goal-row"><span class="mt-track" role="img" aria-label="{h(numbers)}">'
            f'<span class="mt-fill" style="width:{fill}%"></span>{mark}</span>'
            f'<span class="mt-goal-nums">{h(numbers)}{reached}</span></div></div>')


def _medians(records: Sequence[MeetingRecord], language: str) -> str:
    mark = words.text("decimal_mark", language)
    rows = "".join(
        f'<li><span>{h(f"{s.day.day}.{s.day.month}.{s.day.year}")}</span>'
        f'<b>{"–" if s.median is None else h(f"{s.median:g}".replace(".", mark))}</b></li>'
        for s in summaries(records)
    )
    title = words.text("projector.story_scale", language)
    return f'<p class="mt-muted">{h(title)}</p><ul class="mt-medians">{rows}</ul>'
