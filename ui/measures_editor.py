"""The measures (indsatser) on a case: the list with its ladder step and cadence, a form to add one, and edits."""

from __future__ import annotations

from datetime import date

import streamlit as st

from facilitation import services, settings
from facilitation.domain.access import Actor
from facilitation.domain.dates import long_date
from facilitation.domain.measures import meeting_rule, step_words
from facilitation.domain.model import LegalBasis, Measure, MeetingRecord
from facilitation.domain.validation import DATE_MAX, DATE_MIN
from facilitation.storage import Database
from ui import forms, session
from ui.i18n import formatter, label, t
from ui.text import md


def measures(db: Database, record: MeetingRecord, me: Actor) -> None:
    """The case's measures: each with its legal basis, provider, dates and ladder step; add, change, end, remove."""
    st.subheader(t("measures.heading"))
    rule = meeting_rule(record)
    st.caption(t(f"follow_up.cadence.{rule.case_type.value}") + " " + t(f"rule.{rule.reason}"))
    goals = {g.id: g.text for g in record.goals}
    # A measure keeps the id of the goal it was linked to at some meeting; here it serves that goal's copy in
    # this meeting (or its latest copy before it), so the choice list and the text find it in every meeting.
    goals |= {goal.id: goal.text for goal in record.measure_goals.values()}
    lang = session.language()
    if not record.measures:
        st.caption(t("measures.none"))
    for measure in record.measures:
        _one(db, record, me, measure, goals, lang)
    # Each fold runs only while open (opening reruns the page once): a form per measure on every run was a fifth
    # of the meeting page's run.
    with st.expander(t("measures.add"), icon=":material/add:", key="measure.new.open", on_change="rerun") as fold:
        if fold.open:
            _form(db, record, me, None, goals)


def _one(db: Database, record: MeetingRecord, me: Actor, measure: Measure, goals: dict[int, str], lang: str) -> None:
    ended = measure.end is not None and measure.end < record.meeting.date
    until = t("measures.until", date=long_date(measure.end, lang)) if measure.end else t("measures.ongoing")
    parts = [label("legal_basis", measure.legal_basis), md(step_words(measure.step, lang)),
             t("measures.from", date=long_date(measure.start, lang)) + " " + until]
    if measure.provider:
        parts.insert(1, md(measure.provider))
    title = f"{md(measure.what)}" + (f" ({t('measures.ended')})" if ended else "")
    with st.expander(title, icon=":material/stairs:", key=f"measure.{measure.id}.open", on_change="rerun") as fold:
        if not fold.open:
            return
        st.caption(" · ".join(parts))
        goal = record.measure_goals.get(measure.id)
        if goal is not None:
            st.markdown(t("measures.serves", goal=md(goal.text)))
        _form(db, record, me, measure, goals)
        forms.button(f"measure.remove.{measure.id}", t("measures.remove"),
                     lambda: services.remove_measure(db, me, measure.id), type="tertiary",
                     icon=":material/delete:", help=t("measures.remove_help"))


def _form(db: Database, record: MeetingRecord, me: Actor, measure: Measure | None, goals: dict[int, str]) -> None:
    ident = measure.id if measure else "new"
    form_key = f"measure.{ident}"
    served = record.measure_goals.get(measure.id) if measure else None
    goal_id = served.id if served is not None else None  # the goal's copy at this meeting
    stored = (measure.what, measure.legal_basis, measure.provider, measure.start, measure.end, goal_id,
              measure.step) if measure else ()
    keys = {name: session.fresh_key(f"{form_key}.{name}", record.case.id, *stored)
            for name in ("what", "legal_basis", "provider", "start", "end", "goal_id", "step")}
    ladder = settings.ladder()  # the configured ladder (MOEDETAVLEN_LADDER), else the default
    bases, steps = list(LegalBasis), list(ladder)
    first_step = steps[min(1, len(steps) - 1)]  # a new measure starts on the second step: most are preventive
    goal_ids: list[int | None] = [None, *(g.id for g in record.goals)]
    if measure and measure.step not in steps:
        steps.append(measure.step)
    if goal_id not in goal_ids:  # a goal reached or dropped at an earlier meeting: still shown, still chosen
        goal_ids.append(goal_id)
    with st.form(form_key, border=False):
        st.text_input(t("field.measure_what"), measure.what if measure else "", key=keys["what"])
        left, right = st.columns(2)
        left.selectbox(t("field.legal_basis"), bases, index=bases.index(measure.legal_basis) if measure else 0,
                       key=keys["legal_basis"], format_func=formatter("legal_basis"))
        lang = session.language()  # fixed to this run's language: widgets format later
        right.selectbox(t("field.ladder_step"), steps,
                        index=steps.index(measure.step if measure else first_step),
                        key=keys["step"], format_func=lambda s: step_words(str(s), lang))
        st.text_input(t("field.provider"), measure.provider if measure else "", key=keys["provider"])
        start, end = st.columns(2)
        start.date_input(t("field.measure_start"), measure.start if measure else record.meeting.date,
                         key=keys["start"], format="DD.MM.YYYY", min_value=DATE_MIN, max_value=DATE_MAX)
        end.date_input(t("field.measure_end"), measure.end if measure else None, key=keys["end"],
                       format="DD.MM.YYYY", min_value=DATE_MIN, max_value=DATE_MAX)
        no_goal = t("measures.no_goal")
        st.selectbox(t("field.measure_goal"), goal_ids,
                     index=goal_ids.index(goal_id), key=keys["goal_id"],
                     format_func=lambda g: goals.get(g, no_goal) if g is not None else no_goal)

        def save() -> None:
            fields = {
                "what": session.text_value(keys["what"]), "provider": session.text_value(keys["provider"]),
                "legal_basis": str(session.widget_value(keys["legal_basis"], LegalBasis.SEL_52)),
                "step": str(session.widget_value(keys["step"], first_step)),
                "start": session.date_value(keys["start"]) or date.today(),
                "end": session.date_value(keys["end"]), "goal_id": session.widget_value(keys["goal_id"]),
            }
            if measure is None:
                services.add_measure(db, me, record.case.id, **fields, ladder=ladder)  # type: ignore[arg-type]
            else:
                services.edit_measure(db, me, measure.id, **fields, ladder=ladder)

        forms.submit_button(form_key, t("measures.save") if measure else t("measures.add"), save,
                            clear=[keys["what"], keys["provider"]] if measure is None else (),
                            success=t("measures.saved"))
    forms.show_error(form_key)
