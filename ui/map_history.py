"""Maps over time: this meeting's map beside an earlier one, and who moved closer or further."""

from __future__ import annotations

import streamlit as st

from facilitation import services
from facilitation.domain.access import Actor
from facilitation.domain.dates import long_date
from facilitation.domain.model import Meeting, MeetingRecord
from facilitation.storage import Database
from ui import forms, live_sync, map_view, session
from ui.i18n import formatter, label, t
from ui.text import md


def earlier_meetings(db: Database, record: MeetingRecord) -> list[Meeting]:
    """Meetings of the same case before this one (newest first)."""
    this = record.meeting
    meetings = services.list_meetings(db, this.case_id, viewer=session.viewer())
    return [m for m in meetings if (m.date, m.id) < (this.date, this.id)]


def earlier_record(db: Database, meeting: Meeting) -> MeetingRecord:
    """An earlier meeting as earlier_meetings() listed it for this viewer: read once per change of it, shared."""
    stamp = db.stamp(meeting.id)
    if stamp is None:  # gone since it was listed: the service says so
        return services.load_meeting(db, meeting.id, viewer=session.viewer())
    return live_sync.record_at(db.url, meeting.id, stamp)


def history_section(db: Database, actor: Actor, record: MeetingRecord) -> None:
    """Compare with an earlier meeting of the case, or say there is none."""
    earlier = earlier_meetings(db, record)
    if not earlier:
        st.info(t("network.no_earlier"))
        return
    lang = session.language()
    labels = {m.id: f"{label('kind', m.kind)} · {long_date(m.date, lang)}" for m in earlier}
    chosen = st.selectbox(t("network.compare_with"), list(labels), format_func=labels.__getitem__,
                          key=session.lang_key(f"network.compare.{record.meeting.id}"))
    old = earlier_record(db, next(m for m in earlier if m.id == chosen))
    from facilitation.domain.network import compare_maps  # networkx loads with the first map, not at start

    changes = compare_maps(old, record)
    sector = formatter("sector")
    lines = (
        [t("network.closer", name=md(c.name), old=c.old_ring, new=c.new_ring) for c in changes.closer]
        + [t("network.further", name=md(c.name), old=c.old_ring, new=c.new_ring) for c in changes.further]
        + [t("network.moved", name=md(c.name), old=sector(c.old_sector), new=sector(c.new_sector))
           for c in changes.moved_sector]
        + [t("network.new_person", name=md(name)) for name in changes.new]
        + [t("network.left_person", name=md(name)) for name in changes.left]
    )
    st.markdown("\n".join(f"- {line}" for line in lines) if lines else t("network.no_changes"))
    too_big = next((r for r in (record, old) if map_view.too_big_to_draw(r)), None)
    if too_big is not None:
        map_view.explain_too_big(too_big)
    else:
        then, now = st.columns(2)  # PNG said outright: without it st.image re-encodes an RGB PNG as JPEG each run
        then.caption(labels[chosen])
        then.image(map_view.side_picture(db, old.meeting.id, old.meeting.version), output_format="PNG")
        now.caption(t("network.this_meeting"))
        now.image(map_view.side_picture(db, record.meeting.id, record.meeting.version), output_format="PNG")
    if not record.participants:
        forms.button("network.copy_forward", t("network.copy_forward"), lambda: services.copy_network_forward(
            db, actor, chosen, record.meeting.id), success=t("network.copied"))
