"""The Word minute 'Referat og aftaler': the family's own copy of the meeting, made with python-docx.

`render_minute` works on plain data (a MeetingRecord, earlier score rounds, drawings) and returns
.docx bytes; `minute_for_meeting` gathers that data from the database. The minute can be made at
any moment, ended meeting or not, and holds everything recorded so far; a part with nothing in it
is left out. Every string is cleaned on the way in (see docx_kit.safe), so no stored text can
break the export. The anonymised variant puts initials for every name the meeting knows (people,
children, family and caseworkers, also inside free text) and leaves out the meeting place, the
contact details and the drawings (a drawing may hold handwritten names).
"""

from __future__ import annotations

import dataclasses
import io
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

import docx
from docx.shared import Pt

from export import docx_kit as k
from export import minute_pictures as pictures
from export import minute_sections as sections
from export import minute_text as words
from facilitation.domain.anonymity import child_initials, child_names_list, initials, name_scrubber
from facilitation.domain.cadence import follow_up_due
from facilitation.domain.clock import utcnow
from facilitation.domain.dates import long_date
from facilitation.domain.model import DrawingBackground, MeetingRecord
from facilitation.domain.scaling import ScoreRound
from facilitation.domain.validation import ValidationError
from facilitation.services import drawing_canvas, drawing_png, list_drawings, load_meeting, score_history
from facilitation.storage import Database

T = TypeVar("T")
Drawing = tuple[str, bytes]
"""A drawing for the minute: its title and its PNG bytes."""


@dataclass(frozen=True)
class Names:
    """How the minute writes people: as they are, or (anonymised) as initials."""

    anonymised: bool
    scrub: Callable[[str], str]

    def person(self, name: str) -> str:
        """A person's name, or their initials."""
        return initials(name) if self.anonymised and name.strip() else name

    def free(self, text: str) -> str:
        """Free text with every known name replaced by initials when anonymised."""
        return self.scrub(text) if self.anonymised else text


def render_minute(
    record: MeetingRecord, *, anonymised: bool = False, history: Sequence[ScoreRound] = (),
    drawings: Sequence[Drawing] = (), now: datetime | None = None,
) -> bytes:
    """The minute as .docx bytes: everything recorded in `record`, earlier scores, and the drawings."""
    record = cleaned(record)
    history = [cleaned(r) for r in history]
    names = _names(record, anonymised)
    child = child_initials(record.case.child_names) if anonymised else record.case.child_names
    day = long_date(record.meeting.date)

    document = docx.Document()
    k.setup(document)
    document.core_properties.title = words.TITLE
    document.core_properties.author = "Mødetavlen"
    document.core_properties.last_modified_by = "Mødetavlen"
    document.core_properties.comments = ""
    document.core_properties.created = document.core_properties.modified = now or utcnow()
    k.header_and_footer(document, f"{words.TITLE} · {child} · {day}", words.CONFIDENTIAL, words.PAGE)

    document.add_heading(words.TITLE, 0)
    about = words.MEETING_ABOUT.format(kind=words.KINDS[record.meeting.kind], child=child)
    document.add_paragraph(k.safe(about), style="Subtitle")
    place = "" if anonymised else record.meeting.place
    meta = document.add_paragraph()
    meta.paragraph_format.space_after = Pt(14)
    k.text(meta, " · ".join(part for part in (day, place) if part), color=k.MUTED, size=11)
    k.paragraphs(document, words.ANONYMISED_NOTE if anonymised else words.INTRO, italic=anonymised)
    due = follow_up_due(record.meeting, record.case.case_type)
    k.callout(document, [
        (words.FOLLOW_UP + ":", f"{words.FOLLOW_UP_LINE} {long_date(due)}."),
        ("", words.CADENCE[record.case.case_type]),
    ])

    # The family's agreement comes first; what was said, the pictures and the timings follow.
    sections.people(document, record, names)
    sections.purpose(document, record, names)
    sections.actions(document, record, names)
    sections.review(document, record, names)
    sections.goals(document, record, names)
    sections.board(document, record, names)
    sections.safety(document, record, names)
    sections.grey_areas(document, record, names)
    sections.houses(document, record, names, child)
    pictures.scaling(document, record, names, history)
    pictures.network_map(document, record, anonymised)
    if not anonymised:
        pictures.drawings(document, drawings)
    sections.agenda(document, record, names, now or utcnow())
    sections.evaluation(document, record, names)
    if not anonymised:
        sections.contacts(document, record)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def minute_for_meeting(
    db: Database, meeting_id: int, *, anonymised: bool = False, now: datetime | None = None
) -> bytes:
    """The minute of a stored meeting, with the case's earlier scores and its drawings, as .docx bytes."""
    record = load_meeting(db, meeting_id)
    history = score_history(db, record.case.id, until=record.meeting.date)
    pictures = [] if anonymised else meeting_drawings(db, meeting_id)
    return render_minute(record, anonymised=anonymised, history=history, drawings=pictures, now=now)


def meeting_drawings(db: Database, meeting_id: int) -> list[Drawing]:
    """The meeting's drawings that have something on them, as (name, PNG), in their order."""
    found: list[Drawing] = []
    for drawing in list_drawings(db, meeting_id):
        try:
            canvas = drawing_canvas(db, meeting_id, drawing.id)[1]
            drawn = bool((json.loads(canvas) if isinstance(canvas, str) else canvas).get("objects"))
        except (ValidationError, ValueError, AttributeError):  # damaged: its last picture is still what was drawn
            drawn = True
        if drawn or drawing.background != DrawingBackground.BLANK:
            found.append((drawing.name, drawing_png(db, meeting_id, drawing.id)[1]))
    return found


def _names(record: MeetingRecord, anonymised: bool) -> Names:
    """Every name the meeting knows, for the anonymised variant's scrubber."""
    if not anonymised:
        return Names(False, lambda text: text)
    known = [p.name for p in record.participants]
    known += list(record.roles.values())
    known += child_names_list(record.case.child_names)
    family = re.sub(r"\(.*?\)|\bfamilien\b|\bfamilie\b", " ", record.case.family_name, flags=re.IGNORECASE)
    known += [family] if family.strip() else []
    return Names(True, name_scrubber(known))


def cleaned(value: T) -> T:
    """A copy of a domain value with every string made safe for the document (enums are kept)."""
    if type(value) is str:
        return k.safe(value)  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: cleaned(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **changes)  # type: ignore[return-value]
    if isinstance(value, list):
        return [cleaned(item) for item in value]  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(cleaned(item) for item in value)  # type: ignore[return-value]
    if isinstance(value, dict):
        return {key: cleaned(item) for key, item in value.items()}  # type: ignore[return-value]
    return value
