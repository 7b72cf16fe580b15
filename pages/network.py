"""Netværk: the people around the child on the map — who, how close, what they can help with."""

from collections.abc import Callable

import streamlit as st

from facilitation import services
from facilitation.domain.support import SupportKind, given_kinds
from ui import forms, map_view, session
from ui.current import actor, meeting_or_stop
from ui.db import database
from ui.i18n import formatter, label, t
from ui.map_history import history_section
from ui.network_panel import measures_panel
from ui.person_form import person_fields, person_keys, person_row, person_values
from ui.relations_form import relations_section

db = database()
record = meeting_or_stop(db)
mid, version, me = record.meeting.id, record.meeting.version, actor(record)

st.title(t("page.network"))


def the_map() -> None:
    """The map with its anonymised switch and support filter, the measures beside it, the picture to print."""
    switch, filter_by = st.columns(2, vertical_alignment="bottom")
    anonymised = switch.toggle(t("network.anonymised"), key="network.anonymised", help=t("network.anonymised_help"))
    support = filter_by.selectbox(t("network.filter"), list(SupportKind), index=None, key=session.lang_key(
        "network.filter"), format_func=formatter("support_kind"), placeholder=t("network.filter_all"),
        help=t("help.network_filter"))
    if support is not None:
        count = sum(support in given_kinds(p.supports) for p in record.participants)
        st.caption(t("network.filter_count", count=count, kind=label("support_kind", support).lower()))
    map_view.show_map(db, mid, version, anonymised=anonymised, support=support)
    st.caption(t("network.legend"))
    measures_panel(db, record)
    file_name = t("network.png_file_anonymised" if anonymised else "network.png_file")
    lang = session.language()  # read now: the download runs later, outside the page's run
    st.download_button(t("network.download_png"),
                       lambda: map_view.map_picture(db, mid, version, anonymised=anonymised, language=lang),
                       file_name=f"{file_name}.png", mime="image/png", on_click="ignore",
                       icon=":material/print:")


def the_people() -> None:
    """Everyone on the map as a table, the forms to add, edit and remove a person, and their relations."""
    rows = [person_row(p) for p in record.participants]
    if rows:
        st.dataframe(rows, hide_index=True, width="stretch")
    else:
        st.info(t("network.empty"))
    add, edit = st.columns(2, gap="large")
    with add, st.container(border=True):
        st.subheader(t("network.add"))
        keys = person_keys("person.new")
        with st.form("person_new", border=False):
            person_fields(keys)
            forms.submit_button("person_new", t("add"), lambda: services.add_participant(
                db, me, mid, **person_values(keys)),
                clear=tuple(keys.values()), success=t("network.added"))
        forms.show_error("person_new")
    with edit, st.container(border=True):
        st.subheader(t("network.edit"))
        people = {p.id: p for p in record.participants}
        chosen = st.selectbox(t("network.choose_person"), list(people), index=None, key="network.edit_choice",
                              placeholder=t("network.choose_person"),
                              format_func={i: f"{p.name} ({p.relation})" for i, p in people.items()}.__getitem__)
        if chosen is not None:
            person = people[chosen]
            keys_edit = person_keys("person.edit", person)
            with st.form("person_edit", border=False):
                person_fields(keys_edit, person)
                forms.submit_button("person_edit", t("save"), lambda: services.edit_participant(
                    db, me, mid, person.id, **person_values(keys_edit)))
            forms.button("person_remove", t("network.remove"), lambda: services.remove_participant(
                db, me, mid, person.id), success=t("network.removed"), icon=":material/delete:")
            forms.show_error("person_edit")
    with st.container(border=True):
        relations_section(db, me, record)


sections: tuple[tuple[str, Callable[[], None]], ...] = (
    (t("network.tab_map"), the_map), (t("network.tab_people"), the_people),
    (t("network.tab_time"), lambda: history_section(db, me, record)))
# Only the open tab runs (on_change="rerun"): the three at once made every run of a big meeting slow.
tabs = st.tabs([name for name, _ in sections], key=session.lang_key("network.tab"), on_change="rerun")
for tab, (_, draw) in zip(tabs, sections, strict=True):
    if tab.open is not False:
        with tab:
            draw()
