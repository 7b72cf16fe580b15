"""Mine sager: the signed-in caseworker's cases, the next follow-up of each (overdue first), and what falls due."""

from datetime import date
from functools import partial

import streamlit as st

from facilitation.domain.dates import long_date
from facilitation.domain.my_cases import ACTIONS_DAYS, SORTS, CaseLine, only_makker, sorted_lines
from facilitation.services import my_cases as service
from ui import forms, session
from ui.db import database
from ui.i18n import formatter, t
from ui.text import md

db = database()
worker = session.caseworker()
lang = session.language()
today = date.today()
st.title(t("my_cases.title"))
if worker is None:  # a projector never gets here (its menu has no such page)
    st.info(t("my_cases.signed_out"))
    st.stop()
lines = service.my_cases(db, worker, today, log=session.first_view_of_my_cases())
sort_col, filter_col = st.columns([2, 3], vertical_alignment="bottom")
by = sort_col.selectbox(t("my_cases.sort"), SORTS, key="my_cases.sort", format_func=formatter("my_cases.sort"))
makker = filter_col.toggle(t("my_cases.only_makker"), key="my_cases.only_makker")
shown = sorted_lines(only_makker(lines) if makker else lines, by)


def _state(line: CaseLine) -> str:
    """The follow-up's state in words, coloured; the words carry the meaning (not only the colour)."""
    day = long_date(line.next_date, lang)
    if line.state == "overdue":
        return f":red-badge[:material/error: {t('my_cases.overdue', date=day)}]"
    if line.state == "soon":
        words = t("my_cases.planned_on", date=day) if line.planned else t("my_cases.due_soon", date=day)
        return f":orange-badge[:material/schedule: {words}]"
    return t("my_cases.planned_on", date=day) if line.planned else t("my_cases.due_later", date=day)


def _plan(line: CaseLine) -> None:
    new_id = service.plan_follow_up(db, worker, line, today, language=lang)  # type: ignore[arg-type]
    session.set_current_meeting(new_id, line.case.id)


if not shown:
    st.info(t("my_cases.none_makker") if makker else t("my_cases.none"))
for line in shown:
    with st.container(border=True, key=f"my_cases_case_{line.case.id}"):
        head, actions = st.columns([4, 2], vertical_alignment="center")
        head.markdown(f"**{md(line.case.family_name)}** · {md(line.case.child_names)} · "
                      f"{t('my_cases.role.' + line.role.value)}")
        head.markdown(_state(line))
        facts = [t(f"follow_up.cadence.{line.rule.case_type.value}") + " " + t(f"rule.{line.rule.reason}")]
        if line.last_scaling is not None and line.last_scaling_date is not None:
            facts.append(t("my_cases.last_scaling", score=f"{line.last_scaling:g}",
                           date=long_date(line.last_scaling_date, lang)))
        else:
            facts.append(t("my_cases.no_scaling"))
        head.caption(" · ".join(facts))
        with actions:
            st.page_link("pages/meeting.py", label=t("my_cases.open"), icon=":material/folder_open:",
                         query_params={"m": str(line.meeting_id)})
            st.page_link("pages/case_story.py", label=t("page.case_story"), icon=":material/timeline:",
                         query_params={"m": str(line.meeting_id)})
            if not line.planned:
                forms.button(f"my_cases.plan.{line.case.id}", t("my_cases.plan"), partial(_plan, line),
                             success=t("follow_up.planned"), icon=":material/event_repeat:", type="primary",
                             help=t("follow_up.plan_help"))

st.subheader(t("my_cases.actions", days=ACTIONS_DAYS))
due = sorted(((a, line) for line in shown for a in line.open_due), key=lambda pair: (pair[0].due, pair[1].case.id))
if not due:
    st.caption(t("my_cases.no_actions"))
for action, line in due:
    assert action.due is not None
    late = action.due < today
    when = md(t("my_cases.action_late", date=long_date(action.due, lang)) if late else long_date(action.due, lang))
    colour = ":red[" + when + "]" if late else when
    who = f" · {md(action.who)}" if action.who else ""
    st.markdown(f"{colour} · **{md(line.case.family_name)}** · {md(action.what)}{who}")
