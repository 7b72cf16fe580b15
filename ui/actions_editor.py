"""The agreed actions as an editable table: each changed cell is saved as one row-level edit."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from facilitation import services
from facilitation.domain.model import ActionStatus, Coordinator, MeetingRecord
from facilitation.domain.outcomes import overdue
from facilitation.storage import Database
from ui import forms, session
from ui.i18n import formatter, t

COLUMNS = ("what", "who", "due", "coordinator", "status", "goal", "flag")



def actions_editor(db: Database, actor: str, record: MeetingRecord, *, editable: bool) -> None:
    """The actions table; edits and deletions go to the database cell by cell."""
    actions = record.actions
    if not actions:
        st.info(t("actions.none"))
        return
    coordinator, status = formatter("coordinator"), formatter("action_status")
    goals = {g.id: g.text[:60] for g in record.goals}
    today = date.today()
    frame = pd.DataFrame([
        {"what": a.what, "who": a.who, "due": a.due, "coordinator": coordinator(a.coordinator),
         "status": status(a.status), "goal": goals.get(a.goal_id, "") if a.goal_id else "",
         "flag": t("actions.overdue") if overdue(a, today) else ""}
        for a in actions
    ])
    key = session.fresh_key(f"actions.editor.{record.meeting.id}", tuple(actions), tuple(goals.items()))
    config = {
        "what": st.column_config.TextColumn(t("field.what"), width="large", required=True),
        "who": st.column_config.TextColumn(t("field.who"), required=True),
        "due": st.column_config.DateColumn(t("field.due"), format="DD.MM.YYYY"),
        "coordinator": st.column_config.SelectboxColumn(
            t("field.coordinator"), options=[coordinator(c) for c in Coordinator], required=True),
        "status": st.column_config.SelectboxColumn(
            t("field.status"), options=[status(s) for s in ActionStatus], required=True),
        "goal": st.column_config.SelectboxColumn(t("field.goal"), options=["", *goals.values()]),
        "flag": st.column_config.TextColumn("", disabled=True),
    }
    st.data_editor(
        frame, key=key, hide_index=True, width="stretch", column_config=config, column_order=COLUMNS,
        num_rows="delete" if editable else "fixed", disabled=not editable,
        on_change=forms.on_submit, args=(forms.PAGE, lambda: _save(db, actor, record, key, goals)),
    )


def _save(db: Database, actor: str, record: MeetingRecord, key: str, goals: dict[int, str]) -> None:
    apply_changes(db, actor, record, session.mapping_value(key), goals)


def apply_changes(
    db: Database, actor: str, record: MeetingRecord, changes: Mapping[str, Any], goals: dict[int, str]
) -> None:
    """Turn a data editor's changes (edited and deleted rows) into service calls, one row at a time."""
    mid = record.meeting.id
    by_label: dict[str, Mapping[str, object]] = {
        "coordinator": {formatter("coordinator")(c): c.value for c in Coordinator},
        "status": {formatter("action_status")(s): s.value for s in ActionStatus},
        "goal": {text: goal_id for goal_id, text in goals.items()} | {"": None},
    }
    for row, edited in changes.get("edited_rows", {}).items():
        fields: dict[str, object] = {}
        for column, value in edited.items():
            if column in by_label:
                fields["goal_id" if column == "goal" else column] = by_label[column].get(value or "")
            elif column == "due":
                fields["due"] = value[:10] if isinstance(value, str) else value
            elif column in ("what", "who"):
                fields[column] = value or ""
        services.edit_action(db, actor, mid, record.actions[int(row)].id, **fields)
    for row in sorted(changes.get("deleted_rows", []), reverse=True):
        services.remove_action(db, actor, mid, record.actions[int(row)].id)
