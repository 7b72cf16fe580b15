"""Ties between the people on the map: the list with remove buttons, and a form to add one."""

from __future__ import annotations

from functools import partial

import streamlit as st

from facilitation import services
from facilitation.domain.access import Actor
from facilitation.domain.model import MeetingRecord
from facilitation.storage import Database
from ui import forms, paging, session
from ui.i18n import t
from ui.text import md


def relations_section(db: Database, actor: Actor, record: MeetingRecord) -> None:
    """List the meeting's ties and offer to add or remove one."""
    mid = record.meeting.id
    names = {p.id: p.name for p in record.participants}
    st.subheader(t("network.relations"))
    if not record.relations:
        st.caption(t("network.no_relations"))
    for relation in paging.page_of(record.relations, "relations"):
        text, remove = st.columns([8, 1], vertical_alignment="center")
        strained = f" · :red[{t('network.strained')}]" if relation.strained else ""
        kind = f" _{md(relation.kind)}_ " if relation.kind else " – "
        text.markdown(f"{md(names.get(relation.from_id, '?'))}{kind}{md(names.get(relation.to_id, '?'))}{strained}")
        with remove:
            forms.button(f"relation.remove.{relation.id}", "", partial(services.remove_relation,
                db, actor, mid, relation.id), icon=":material/link_off:", help=t("network.remove_relation"))
    paging.pager("relations", len(record.relations))
    if len(names) < 2:
        return
    keys = ("relation.from", "relation.to", "relation.kind", "relation.strained")
    ids = list(names)
    with st.form("relation_new", border=False):
        source, kind_column, target = st.columns([3, 2, 3])
        source.selectbox(t("network.relation_from"), ids, key=keys[0], format_func=names.__getitem__)
        kind_column.text_input(t("field.relation_kind"), key=keys[2], placeholder=t("placeholder.relation_kind"))
        target.selectbox(t("network.relation_to"), ids, key=keys[1], format_func=names.__getitem__, index=1)
        st.checkbox(t("network.strained_question"), key=keys[3])
        forms.submit_button("relation_new", t("network.add_relation"), lambda: services.add_relation(
            db, actor, mid, session.choice_value(keys[0], ids, ids[0]), session.choice_value(keys[1], ids, ids[1]),
            session.text_value(keys[2]), strained=session.bool_value(keys[3])), clear=keys[2:3])
    forms.show_error("relation_new")
