"""The network page's calm panel: what the network can help with, its measures, and the change since last time."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import streamlit as st

from facilitation.domain.model import MeetingRecord
from facilitation.domain.network import build_graph
from facilitation.domain.network_measures import NetworkMeasures, changes, measure
from facilitation.domain.network_story import family_sentences, names_list
from facilitation.storage import Database
from ui import session
from ui.i18n import label, t
from ui.map_history import earlier_meetings, earlier_record
from ui.map_view import map_content
from ui.text import md


def measures_of(record: MeetingRecord, language: str = "da") -> tuple[NetworkMeasures, Mapping[str, str]]:
    """The map's measures and each node's name, worked out once per map content and language (shared, read-only).

    Betweenness and cliques on a big map take a while; the panel and the projector's screen redraw often.
    """
    return _measures(map_content(record), language, record)


@st.cache_resource(max_entries=64, show_spinner=False)
def _measures(content: str, language: str, _record: MeetingRecord) -> tuple[NetworkMeasures, Mapping[str, str]]:
    graph = build_graph(_record, language=language)
    names = {node: str(data.get("label", "")) for node, data in graph.nodes(data=True)}
    return measure(graph), MappingProxyType(names)


def measures_panel(db: Database, record: MeetingRecord) -> None:
    """What the network can do, in sentences, then the counts, the key people and what changed."""
    lang = session.language()
    found, names = measures_of(record, lang)
    with st.container(border=True):
        st.subheader(t("network.measures_title"))
        st.markdown("  \n".join(md(line) for line in family_sentences(found, names, lang)))
        if found.size == 0:
            return
        st.markdown(md(t("network.measures_summary", people=found.size, private=found.private,
                         professional=found.professional, ties=found.ties_between_people,
                         density=round(found.density * 100))))
        st.dataframe({t("field.sector"): [label("sector", s) for s in found.per_sector],
                      t("network.measures_people"): list(found.per_sector.values())},
                     hide_index=True, width="content")
        lines = _people_lines(found, names, lang)
        if lines:
            st.markdown("\n".join(f"- {line}" for line in lines))
        _change_since_last_time(db, record, found)


def _people_lines(found: NetworkMeasures, names: Mapping[str, str], lang: str) -> list[str]:
    def listed(nodes: tuple[str, ...]) -> str:
        return md(names_list([names[n] for n in nodes], lang))

    lines = []
    if found.key_people:
        lines.append(t("network.measures_key_people", names=listed(found.key_people)))
    if found.brokers:
        lines.append(t("network.measures_brokers", names=listed(found.brokers)))
    for clique in found.cliques:
        lines.append(t("network.measures_clique", names=listed(clique)))
    if found.isolated:
        lines.append(t("network.measures_isolated", names=listed(found.isolated)))
    return lines


def _change_since_last_time(db: Database, record: MeetingRecord, found: NetworkMeasures) -> None:
    earlier = earlier_meetings(db, record)
    if not earlier:
        return
    before, _ = measures_of(earlier_record(db, earlier[0]), session.language())
    moved = changes(before, found)
    st.caption(t("network.measures_since"))
    if not moved:
        st.markdown(md(t("network.measures_unchanged")))
        return
    st.markdown("\n".join(f"- {md(label('measure', c.name))}: {c.before:g} → {c.after:g}" for c in moved))
