"""The agreed actions: an editable table (each changed cell saved as one row-level edit) and the add form."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from facilitation import services
from facilitation.domain.access import Actor
from facilitation.domain.model import ActionStatus, Coordinator, MeetingRecord
from facilitation.domain.outcomes import ActionFlag, action_flags
from facilitation.domain.validation import DATE_MAX, DATE_MIN
from facilitation.storage import Database
from ui import forms, session
from ui.i18n import formatter, t
from ui.plan_for import choice_of, plan_choices, plan_for_of

COLUMNS = ("flag", "what", "who", "due", "coordinator", "status", "for", "goal")  # what to notice first, at the left
EMPTY = "–"  # an empty cell (never "None")
FORM = "action_new"
WHAT, WHO, DUE, FOR = "action.what", "action.who", "action.due", "action.for"
# Amber for "not agreed yet", red for "overdue"; the words and signs carry the meaning, the colour helps.
FLAG_STYLE = {ActionFlag.OVERDUE: "background-color:#fbe3e1;color:#8a1c13;font-weight:600",
              ActionFlag.NOT_AGREED: "background-color:#fdebc8;color:#6b4200;font-weight:600"}


def flag_text(flags: tuple[ActionFlag, ...]) -> str:
    """The flags of an action as one short text, e.g. '⚠ Overskredet · ◔ Ikke aftalt endnu'."""
    return " · ".join(t(f"action_flag.{flag.value}") for flag in flags)


def actions_editor(db: Database, actor: Actor, record: MeetingRecord, *, editable: bool) -> None:
    """The actions table; edits and deletions go to the database cell by cell."""
    actions = record.actions
    if not actions:
        st.info(t("actions.none"))
        return
    coordinator, status = formatter("coordinator"), formatter("action_status")
    goals = {g.id: g.text[:60] for g in record.goals}
    choices = plan_choices(record, keep=(choice_of(a.plan_for, a.plan_for_name) for a in actions))
    today = date.today()
    flags = [action_flags(a, today) for a in actions]
    frame = pd.DataFrame([
        {"flag": flag_text(f), "what": a.what, "who": a.who, "due": a.due, "coordinator": coordinator(a.coordinator),
         "status": status(a.status), "for": choices[choice_of(a.plan_for, a.plan_for_name)],
         "goal": goals.get(a.goal_id, "") if a.goal_id else ""}
        for a, f in zip(actions, flags, strict=True)
    ])
    frame["due"] = pd.to_datetime(frame["due"]).dt.date  # a column of no dates at all is still a date column
    styled = frame.style.apply(lambda column: [FLAG_STYLE[f[0]] if f else "" for f in flags], subset=["flag"])
    key = session.fresh_key(f"actions.editor.{record.meeting.id}", tuple(actions), tuple(goals.items()),
                            tuple(choices.items()))
    config = {
        "flag": st.column_config.TextColumn(t("actions.flag"), disabled=True, width=150),
        "what": st.column_config.TextColumn(t("field.what"), width="large", required=True),
        "who": st.column_config.TextColumn(t("field.who")),
        "due": st.column_config.DateColumn(t("field.due"), format="DD.MM.YYYY", min_value=DATE_MIN,
                                           max_value=DATE_MAX),
        "coordinator": st.column_config.SelectboxColumn(
            t("field.coordinator"), options=[coordinator(c) for c in Coordinator], required=True),
        "status": st.column_config.SelectboxColumn(
            t("field.status"), options=[status(s) for s in ActionStatus], required=True),
        "for": st.column_config.SelectboxColumn(t("field.plan_for"), options=list(dict.fromkeys(choices.values())),
                                                required=True, help=t("help.action_for")),
        "goal": st.column_config.SelectboxColumn(t("field.goal"), options=["", *goals.values()]),
    }
    st.data_editor(
        styled, key=key, hide_index=True, width="stretch", column_config=config, column_order=COLUMNS,
        num_rows="delete" if editable else "fixed", disabled=not editable, placeholder=EMPTY,
        alt=t("minutes.actions"),
        on_change=forms.on_submit, args=(forms.PAGE, lambda: _save(db, actor, record, key, goals, choices)),
    )


def new_action_form(db: Database, actor: Actor, record: MeetingRecord) -> None:
    """What, who, by when, who coordinates; after an add the fields are empty and the focus is back in 'what'."""
    coordinator_key = session.lang_key("action.coordinator")
    choices = plan_choices(record)
    for_key = session.fresh_key(FOR, tuple(choices))
    with st.form(FORM):
        st.text_area(t("field.what"), key=WHAT, height=80)
        who, due, coordinator = st.columns(3)
        who.text_input(t("field.who"), key=WHO, placeholder=t("actions.who_placeholder"))
        due.date_input(t("field.due"), value=None, key=DUE, format="DD.MM.YYYY", min_value=DATE_MIN,
                       max_value=DATE_MAX)
        coordinator.selectbox(t("field.coordinator"), list(Coordinator), key=coordinator_key,
                              format_func=formatter("coordinator"), placeholder=t("choose"))
        st.selectbox(t("field.plan_for"), list(choices), key=for_key, format_func=choices.__getitem__,
                     help=t("help.action_for"), placeholder=t("choose"))
        st.caption(t("actions.not_agreed_hint"))
        forms.submit_button(FORM, t("actions.add"),
                            lambda: _add(db, actor, record.meeting.id, coordinator_key, for_key),
                            clear=(WHAT, WHO))
    forms.show_error(FORM)


def _add(db: Database, actor: Actor, meeting_id: int, coordinator_key: str, for_key: str) -> None:
    """Store the new action, then empty the date (a date widget keeps its value unless set) and ask for focus."""
    plan_for, plan_for_name = plan_for_of(session.text_value(for_key))
    services.add_action(db, actor, meeting_id, session.text_value(WHAT), session.text_value(WHO),
                        session.date_value(DUE), session.text_value(coordinator_key, Coordinator.FAMILY),
                        plan_for=plan_for, plan_for_name=plan_for_name)
    session.prime_widget(DUE, None)
    session.request_focus(WHAT)


def _save(db: Database, actor: Actor, record: MeetingRecord, key: str, goals: dict[int, str],
          choices: dict[str, str]) -> None:
    apply_changes(db, actor, record, session.mapping_value(key), goals, choices)


def apply_changes(
    db: Database, actor: Actor, record: MeetingRecord, changes: Mapping[str, Any], goals: dict[int, str],
    choices: Mapping[str, str] | None = None,
) -> None:
    """Turn a data editor's changes (edited and deleted rows) into service calls, one row at a time."""
    mid = record.meeting.id
    by_label: dict[str, Mapping[str, object]] = {
        "coordinator": {formatter("coordinator")(c): c.value for c in Coordinator},
        "status": {formatter("action_status")(s): s.value for s in ActionStatus},
        "goal": {text: goal_id for goal_id, text in goals.items()} | {"": None},
    }
    by_whom = {text: value for value, text in reversed(list((choices or {}).items()))}  # the first of a label wins
    for row, edited in changes.get("edited_rows", {}).items():
        fields: dict[str, object] = {}
        for column, value in edited.items():
            if column in by_label:
                fields["goal_id" if column == "goal" else column] = by_label[column].get(value or "")
            elif column == "due":
                fields["due"] = value[:10] if isinstance(value, str) else value
            elif column in ("what", "who"):
                fields[column] = value or ""
            elif column == "for" and value in by_whom:
                fields["plan_for"], fields["plan_for_name"] = plan_for_of(by_whom[value])
        drawn = record.actions[int(row)]
        services.edit_action(db, actor, mid, drawn.id, drawn=drawn, **fields)
    for row in sorted(changes.get("deleted_rows", []), reverse=True):
        # A row deleted meanwhile on another device (or a table's deletion Streamlit replays) is simply gone.
        services.remove_action(db, actor, mid, record.actions[int(row)].id, gone_ok=True)
