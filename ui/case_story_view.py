"""'Sagens forløb': the case's meetings, the scale, each goal's progress and the network, meeting by meeting."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import streamlit as st

from export.ladder_chart import render_ladder_chart
from facilitation import settings
from facilitation.domain.case_story import MeetingSummary, scores_by_person, summaries
from facilitation.domain.dates import long_date
from facilitation.domain.goal_progress import GoalTrail, goal_trails
from facilitation.domain.measures import highest_step, step_words
from facilitation.domain.model import Measure, MeetingRecord, PlanFor, Sector
from ui import session
from ui.i18n import label, t
from ui.plan_for import whom


def case_story(records: Sequence[MeetingRecord]) -> None:
    """The whole story of the case up to the last of `records` (oldest first)."""
    lang = session.language()
    story = summaries(records)
    first, last = story[0].day, story[-1].day
    st.caption(t("handover.span", count=len(story), first=long_date(first, lang), last=long_date(last, lang)))
    st.subheader(t("handover.meetings"))
    st.dataframe([_meeting_row(s, lang) for s in story], hide_index=True, width="stretch")
    _measures(records[-1], story)
    _scale(records, story)
    _goals(goal_trails(records), story, records[-1].case.child_names)
    st.subheader(t("handover.network_over_time"))
    st.dataframe([{t("handover.col_date"): _short(s), **{label("sector", sector): s.per_sector[sector]
                                                      for sector in Sector}, t("network.measures_people"): s.people}
                  for s in story], hide_index=True, width="content")


def _meeting_row(summary: MeetingSummary, lang: str) -> dict[str, object]:
    median = "–" if summary.median is None else f"{summary.median:g}".replace(".", t("decimal_mark"))
    return {t("handover.col_date"): long_date(summary.day, lang),
            t("handover.col_meeting"): label("kind", summary.kind),
            t("field.status"): label("status", summary.status), t("handover.col_people"): summary.people,
            t("handover.col_median"): median,
            t("handover.col_actions"): t("handover.actions_count", done=summary.done, open=summary.open,
                                         dropped=summary.dropped)}


def _short(summary: MeetingSummary) -> str:
    return f"{summary.day.day}.{summary.day.month}.{summary.day.year}"


def _measures(latest: MeetingRecord, story: Sequence[MeetingSummary]) -> None:
    """The case's measures, oldest first, and the highest step on the intervention ladder at each meeting."""
    if not latest.measures:
        return
    lang = session.language()
    st.subheader(t("measures.heading"))
    st.dataframe([{t("field.what"): m.what, t("field.legal_basis"): label("legal_basis", m.legal_basis),
                   t("field.provider"): m.provider, t("field.start"): long_date(m.start, lang),
                   t("field.end"): long_date(m.end, lang) if m.end else t("measures.ongoing"),
                   t("field.step"): step_words(m.step, lang),
                   t("field.measure_goal"): _goal_text(latest, m)}
                  for m in sorted(latest.measures, key=lambda m: (m.start, m.position))],
                 hide_index=True, width="stretch")
    ladder = settings.ladder()
    st.image(_ladder(latest.measures, tuple(s.day for s in story), ladder, lang), caption=t("handover.ladder_caption"),
             output_format="PNG", alt=t("case_story.ladder_alt", steps=", ".join(
                 f"{m.what}: {step_words(m.step, lang)}" for m in latest.measures)))
    steps = [(s, highest_step(latest.measures, s.day, ladder)) for s in story]
    st.caption(t("handover.ladder_over_time") + " " + " · ".join(
        f"{_short(s)}: {step_words(step, lang) if step else t('handover.no_measure')}" for s, step in steps))


def _goal_text(latest: MeetingRecord, measure: Measure) -> str:
    """The goal the measure serves, as it stands at the latest meeting ("" for none)."""
    goal = latest.measure_goals.get(measure.id)
    return "" if goal is None else goal.text


@st.cache_data(max_entries=32, show_spinner=False)
def _ladder(measures: tuple[Measure, ...], days: tuple[date, ...], ladder: tuple[str, ...], language: str) -> bytes:
    """The measures on the ladder over time (drawn again only when they, the meetings or the ladder change)."""
    return render_ladder_chart(measures, days, ladder=ladder, language=language)


def _scale(records: Sequence[MeetingRecord], story: Sequence[MeetingSummary]) -> None:
    """Each person's answer on the scale per meeting, and the room's median."""
    table = scores_by_person(records)
    if not table:
        return
    st.subheader(t("minute.scaling"))
    rows = [{t("minute.who"): name, **{_short(s): str(answers.get(s.meeting_id, "–")) for s in story}}
            for name, answers in table.items()]
    rows.append({t("minute.who"): t("case_story.median"),
                 **{_short(s): "–" if s.median is None else f"{s.median:g}".replace(".", t("decimal_mark"))
                    for s in story}})
    st.dataframe(rows, hide_index=True, width="content")


def _goals(trails: Sequence[GoalTrail], story: Sequence[MeetingSummary], child: str) -> None:
    """Each goal: for whom, "how far" at every meeting, its status now."""
    if not trails:
        return
    st.subheader(t("handover.goals"))
    st.caption(t("handover.goals_intro"))
    rows = []
    for trail in trails:
        goal = trail.goal
        asked = {step.meeting_id: step.progress for step in trail.steps}
        rows.append({
            t("field.goal"): f"{label('term', goal.term)}: {goal.text}",
            t("field.plan_for"): whom(goal.plan_for, goal.plan_for_name) if goal.plan_for != PlanFor.CHILD else child,
            **{_short(s): "–" if asked.get(s.meeting_id) is None else str(asked[s.meeting_id]) for s in story},
            t("field.goal_status"): label("goal_status", trail.status),
        })
    st.dataframe(rows, hide_index=True, width="stretch")
