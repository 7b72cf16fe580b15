"""The Word minute 'Referat og aftaler': the family's own copy of the meeting, made with python-docx.

`render_minute` works on plain data (a MeetingRecord, earlier score rounds, drawings) and returns
.docx bytes; `render_minute_data` takes the same as one MinuteData, which the service
facilitation.services.export_data.gather_minute reads from the database. It is written in the
reader's language (`language`, 'da' by default), every word from the catalogs. The minute can be made at
any moment, ended meeting or not, and holds everything recorded so far; a part with nothing in it
is left out. Every string is cleaned on the way in (see docx_kit.safe), so no stored text can
break the export. The anonymised variant puts initials for every name the meeting knows (people,
children, family and caseworkers, also inside free text) and leaves out the meeting place, the
contact details and the drawings (a drawing may hold handwritten names).
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Mapping, Sequence
from datetime import datetime
from types import MappingProxyType
from typing import TypeVar

import docx
from docx.shared import Pt

from export import docx_kit as k
from export import minute_measures, minute_network, minute_plan
from export import minute_pictures as pictures
from export import minute_sections as sections
from export.minute_names import Names, names_for
from export.minute_text import Words
from facilitation.domain.clock import utcnow
from facilitation.domain.dates import time_span
from facilitation.domain.measures import follow_up_date, meeting_rule
from facilitation.domain.minute_data import Drawing, MinuteData
from facilitation.domain.model import MeetingRecord
from facilitation.domain.scaling import ScoreRound
from facilitation.domain.words import DEFAULT

T = TypeVar("T")
PRODUCT = "Mødetavlen"  # the author of every minute: the product's name, the same in every language
__all__ = ["Drawing", "Names", "cleaned", "render_minute", "render_minute_data"]


def render_minute(
    record: MeetingRecord, *, anonymised: bool = False, history: Sequence[ScoreRound] = (),
    drawings: Sequence[Drawing] = (), now: datetime | None = None, language: str = DEFAULT,
) -> bytes:
    """The minute as .docx bytes in `language`: everything recorded in `record`, earlier scores, the drawings."""
    record = cleaned(record)
    history = [cleaned(r) for r in history]
    words = Words(language)
    names = names_for(record, anonymised, lambda n: words("minute.appendix_ref", n=n))
    child = names.labels.child if names.labels is not None else record.case.child_names
    day = words.long_date(record.meeting.date)
    hours = time_span(record.meeting.start_time, record.meeting.end_time, language)
    title = words("page.minutes")

    document = docx.Document()
    k.setup(document, words("locale"))
    document.core_properties.title = title
    document.core_properties.author = PRODUCT
    document.core_properties.last_modified_by = PRODUCT
    document.core_properties.language = words("locale")
    document.core_properties.comments = ""
    document.core_properties.created = document.core_properties.modified = now or utcnow()
    k.header_and_footer(document, f"{title} · {child} · {day}", words("minute.confidential"),
                        (words("minute.page"), words("minute.page_of")))

    k.heading(document, title, 0)
    about = words("about.meeting", kind=words.label("kind", record.meeting.kind), child=child)
    k.heading_like(document, about, "Subtitle")
    place = "" if anonymised else record.meeting.place
    meta = document.add_paragraph()
    meta.paragraph_format.space_after = Pt(14)
    k.text(meta, " · ".join(part for part in (day, hours, place) if part), color=k.MUTED, size=11)
    k.paragraphs(document, words("minute.anonymised_note" if anonymised else "minute.intro"), italic=anonymised)
    k.callout(document, [
        (words("minute.follow_up") + ":", _next_meeting(record, words, anonymised)),
        ("", words.label("minute.cadence", meeting_rule(record).case_type)),
    ])

    # The family's agreement comes first; what was said, the pictures and the timings follow.
    sections.people(document, record, names, words, child)
    sections.purpose(document, record, names, words)
    sections.actions(document, record, names, words, (now or utcnow()).date())
    sections.review(document, record, names, words)
    if minute_plan.is_whole_family_plan(record):  # each adult finds their part
        minute_plan.family_plan(document, record, names, words, child)
    else:
        sections.goals(document, record, names, words)
    minute_measures.measures(document, record, names, words)  # the help the plan has from the municipality
    minute_network.network(document, record, names, words)  # who can help with the plan
    sections.board(document, record, names, words)
    sections.safety(document, record, names, words)
    sections.grey_areas(document, record, names, words)
    sections.houses(document, record, names, words, child)
    pictures.scaling(document, record, names, words, history)
    pictures.network_map(document, record, words, anonymised)
    if not anonymised:
        pictures.drawings(document, words, drawings)
    sections.agenda(document, record, names, words, now or utcnow())
    sections.evaluation(document, record, names, words)
    if not anonymised:
        sections.contacts(document, record, words)
    sections.appendix(document, names, words)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _next_meeting(record: MeetingRecord, words: Words, anonymised: bool) -> str:
    """'Vi mødes igen til opfølgning 25. februar 2027 kl. 9.30–11.00, Familiehuset.' when agreed, else 'senest …'."""
    meeting = record.meeting
    due = follow_up_date(record)
    hours = time_span(meeting.follow_up_start, meeting.follow_up_end, words.language) if meeting.follow_up_date else ""
    place = "" if anonymised or not meeting.follow_up_date else meeting.follow_up_place
    if not (hours or place):
        return words("minute.follow_up_line", date=words.long_date(due))
    when = " ".join(part for part in (words.long_date(due), hours) if part)
    return words("minute.follow_up_agreed", when=", ".join(part for part in (when, place) if part))


def render_minute_data(
    data: MinuteData, *, anonymised: bool = False, now: datetime | None = None, language: str = DEFAULT
) -> bytes:
    """The minute of gathered meeting data (record, earlier scores, drawings) as .docx bytes in `language`."""
    return render_minute(data.record, anonymised=anonymised, history=data.history, drawings=data.drawings,
                         now=now, language=language)


def cleaned(value: T) -> T:
    """A copy of a domain value with every string made safe for the document (enums are kept)."""
    if type(value) is str:
        return k.safe(value)  # type: ignore[return-value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: cleaned(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **changes)
    if isinstance(value, list):
        return [cleaned(item) for item in value]  # type: ignore[return-value]
    if isinstance(value, tuple):
        return tuple(cleaned(item) for item in value)  # type: ignore[return-value]
    if isinstance(value, Mapping):  # a record's roles and contacts are read-only mappings
        frozen = MappingProxyType({key: cleaned(item) for key, item in value.items()})
        return frozen if isinstance(value, MappingProxyType) else dict(frozen)  # type: ignore[return-value]
    return value
