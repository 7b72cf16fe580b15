"""The handover document 'Overdragelse af sagen': the case so far, for a new caseworker or the adult services.

`render_handover` works on domain data alone (the case's meetings up to one meeting, oldest first, and the
case's scaling rounds) and returns .docx bytes in the reader's language. It is laid out like the minute
(export/docx_kit.py: the same styles, a confidential header and page numbers) and reuses the minute's parts
for what stands now: the network, the open actions, the danger statements and safety goals, the child's own
words. What is its own is the case over time: every meeting, the network per sector, each goal's progress.
The anonymised variant names every person by initials, also inside free text, and leaves out places.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Sequence
from datetime import date, datetime

import docx
from docx.document import Document
from docx.shared import Pt

from export import docx_kit as k
from export import minute_network
from export import minute_pictures as pictures
from export import minute_sections as sections
from export.ladder_chart import render_ladder_chart
from export.minute import PRODUCT, cleaned
from export.minute_names import Names, names_for
from export.minute_plan import for_whom
from export.minute_text import Words
from facilitation import settings
from facilitation.domain.case_story import MeetingSummary, summaries
from facilitation.domain.clock import utcnow
from facilitation.domain.goal_progress import GoalTrail, goal_trails
from facilitation.domain.measures import highest_step, step_words
from facilitation.domain.model import ActionStatus, MeetingRecord, Participant, PlanFor, Sector
from facilitation.domain.scaling import ScoreRound
from facilitation.domain.words import DEFAULT

__all__ = ["render_handover"]


def render_handover(
    records: Sequence[MeetingRecord], *, history: Sequence[ScoreRound] = (), anonymised: bool = False,
    now: datetime | None = None, language: str = DEFAULT,
) -> bytes:
    """The handover of a case as .docx bytes: `records` are its meetings up to the one handed over, oldest first."""
    if not records:
        raise ValueError("a handover needs at least one meeting")
    records = [cleaned(r) for r in records]
    history = [cleaned(r) for r in history]
    latest = records[-1]
    words = Words(language)
    names = names_for(_everyone(records), anonymised, lambda n: words("minute.appendix_ref", n=n))
    child = names.labels.child if names.labels is not None else latest.case.child_names
    day = words.long_date(latest.meeting.date)
    title = words("handover.title")

    document = docx.Document()
    k.setup(document, words("locale"))
    properties = document.core_properties
    properties.title, properties.author, properties.last_modified_by = title, PRODUCT, PRODUCT
    properties.language, properties.comments = words("locale"), ""
    properties.created = properties.modified = now or utcnow()
    k.header_and_footer(document, f"{title} · {child} · {day}", words("minute.confidential"),
                        (words("minute.page"), words("minute.page_of")))
    k.heading(document, title, 0)
    k.heading_like(document, words("handover.about", child=child), "Subtitle")
    meta = document.add_paragraph()
    meta.paragraph_format.space_after = Pt(14)
    span = words("handover.span", count=len(records), first=words.long_date(records[0].meeting.date), last=day)
    k.text(meta, span, color=k.MUTED, size=11)
    k.paragraphs(document, words("handover.anonymised_note" if anonymised else "handover.intro"), italic=anonymised)

    story = summaries(records)
    _meetings(document, story, words)
    _measures(document, latest, story, names, words)
    minute_network.network(document, latest, names, words)
    _network_over_time(document, story, words)
    _goals(document, goal_trails(records), names, words, child)
    pictures.scaling(document, latest, names, words, history)
    _open_actions(document, latest, names, words, (now or utcnow()).date())
    sections.safety(document, latest, names, words)
    sections.houses(document, latest, names, words, child)
    sections.appendix(document, names, words)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _everyone(records: Sequence[MeetingRecord]) -> MeetingRecord:
    """The latest meeting with every person of every meeting, so each name is known to the anonymisation."""
    seen: dict[str, Participant] = {}
    for record in reversed(records):
        for person in record.participants:
            seen.setdefault(person.name, person)
    return dataclasses.replace(records[-1], participants=tuple(seen.values()))


def _meetings(document: Document, story: Sequence[MeetingSummary], words: Words) -> None:
    """Every meeting of the case: when, which kind, the room's median on the scale, the actions' outcome."""
    k.heading(document, words("handover.meetings"))
    rows = [(words.long_date(s.day), words.label("kind", s.kind), str(s.people),
             "–" if s.median is None else _number(s.median, words),
             words("handover.actions_count", done=s.done, open=s.open, dropped=s.dropped)) for s in story]
    k.table(document, (words("handover.col_date"), words("handover.col_meeting"), words("handover.col_people"),
                       words("handover.col_median"), words("handover.col_actions")), rows,
            [3.6, 3.4, 2.2, 2.4, 4.4])


def _measures(document: Document, latest: MeetingRecord, story: Sequence[MeetingSummary], names: Names,
              words: Words) -> None:
    """The case's measures (indsatser), oldest first, and the highest step on the ladder at each meeting."""
    if not latest.measures:
        return
    k.heading(document, words("measures.heading"))
    rows = []
    for measure in sorted(latest.measures, key=lambda m: (m.start, m.position)):
        when = words("measures.from", date=words.short_date(measure.start))
        when += " " + (words("measures.until", date=words.short_date(measure.end)) if measure.end
                       else words("measures.ongoing"))
        goal = latest.measure_goals.get(measure.id)  # as it stands at the latest meeting
        what = names.free(measure.what) + (
            "\n" + words("measures.serves", goal=names.free(goal.text)) if goal is not None else "")
        rows.append((what, words.label("legal_basis", measure.legal_basis),
                     names.free(measure.provider), when, step_words(measure.step, words.language)))
    k.table(document, (words("field.what"), words("field.legal_basis"), words("field.provider"),
                       words("handover.col_when"), words("field.step")), rows, [4.6, 2.6, 2.8, 3.4, 2.6])
    ladder = settings.ladder()
    chart = render_ladder_chart(latest.measures, [s.day for s in story], ladder=ladder, language=words.language)
    k.picture(document, chart, 15.5, words("handover.ladder_caption"))
    steps = [(s.day, highest_step(latest.measures, s.day, ladder)) for s in story]
    k.paragraphs(document, words("handover.ladder_over_time") + " " + " · ".join(
        f"{words.short_date(day)}: {step_words(step, words.language) if step else words('handover.no_measure')}"
        for day, step in steps), size=10, color=k.MUTED)


def _network_over_time(document: Document, story: Sequence[MeetingSummary], words: Words) -> None:
    """People per sector of the map at each meeting."""
    if len(story) < 2:
        return
    k.heading(document, words("handover.network_over_time"), 2)
    header = [words("handover.col_date"), *(words.label("sector", s) for s in Sector), words("network.measures_people")]
    rows = [[words.short_date(s.day), *(str(s.per_sector[sector]) for sector in Sector), str(s.people)]
            for s in story]
    k.table(document, header, rows, [2.8, 2.4, 2.6, 3.0, 2.8, 2.4])


def _goals(document: Document, trails: Sequence[GoalTrail], names: Names, words: Words, child: str) -> None:
    """Each goal of the case: for whom, "how far are we?" at every meeting it was asked, its status now."""
    if not trails:
        return
    k.heading(document, words("handover.goals"))
    k.paragraphs(document, words("handover.goals_intro"), size=10)
    rows = []
    for trail in trails:
        goal = trail.goal
        kind, name = for_whom(goal)
        whom = child if kind == PlanFor.CHILD else (
            words("plan_for.family") if kind == PlanFor.FAMILY else names.person(name))
        asked = [f"{words.short_date(s.day)}: {s.progress}" for s in trail.steps if s.progress is not None]
        rows.append((f"{words.label('term', goal.term)}: {names.free(goal.text)}", whom,
                     "\n".join(asked) or words("handover.not_asked"), words.label("goal_status", trail.status)))
    k.table(document, (words("field.goal"), words("field.plan_for"), words("handover.col_progress"),
                       words("field.goal_status")), rows, [7.0, 3.2, 3.4, 2.4])


def _open_actions(document: Document, latest: MeetingRecord, names: Names, words: Words, today: date) -> None:
    """The actions still open at the latest meeting (done and dropped ones are in the meetings' table)."""
    still_open = tuple(a for a in latest.actions if a.status == ActionStatus.OPEN)
    if still_open:
        sections.actions(document, dataclasses.replace(latest, actions=still_open), names, words, today)


def _number(value: float, words: Words) -> str:
    return f"{value:g}".replace(".", words("decimal_mark"))
