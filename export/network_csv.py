"""The network's measures as CSV: one row per meeting of the case, counts only, columns named in English."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from facilitation.domain.model import MeetingRecord
from facilitation.domain.network import build_graph
from facilitation.domain.network_measures import CSV_COLUMNS, csv_row, measure

COLUMNS = ("meeting_id", "meeting_date", "meeting_kind", *CSV_COLUMNS)
"""The file's columns, in order: the meeting, then the measures (facilitation.domain.network_measures)."""


def render_network_csv(records: Sequence[MeetingRecord]) -> str:
    """The measures of each meeting's map, one row per meeting, in the order given."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for record in records:
        meeting = record.meeting
        writer.writerow({"meeting_id": meeting.id, "meeting_date": meeting.date.isoformat(),
                         "meeting_kind": meeting.kind.value, **csv_row(measure(build_graph(record)))})
    return out.getvalue()
