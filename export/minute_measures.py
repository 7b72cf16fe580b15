"""The minute's "Den hjælp, familien får": each measure running on the meeting's day, in plain words.

What it is, the paragraph it is given under, who provides it, from when to when, its step on the intervention
ladder and the goal it serves, then why the case is followed up as often as it is (the model's rule). Providers are
organisations and are kept in the anonymised minute; every text still goes through `Names.free`, so a person's
name typed into one becomes initials like everywhere else.
"""

from __future__ import annotations

from docx.document import Document
from docx.shared import Pt

from export import docx_kit as k
from export.minute_names import Names
from export.minute_text import Words
from facilitation.domain.measures import Measure, active_measures, meeting_rule, step_words
from facilitation.domain.model import MeetingRecord


def measures(document: Document, record: MeetingRecord, names: Names, words: Words) -> None:
    """The measures running on the meeting's day, one bullet each, and the rule that sets the follow-up."""
    running = active_measures(record.measures, record.meeting.date)
    if not running:
        return
    k.heading(document, words("minute.measures"))
    k.paragraphs(document, words("minute.measures_intro"), size=10)
    for measure in running:
        paragraph = document.add_paragraph(style="List Bullet")
        k.text(paragraph, names.free(measure.what), bold=True)
        lines = measure_lines(measure, names, words)
        goal = record.measure_goals.get(measure.id)  # the goal's copy at this meeting, wherever it was set
        if goal is not None:
            lines.append(words("measures.serves", goal=names.free(goal.text)))
        k.text(paragraph, "\n" + "\n".join(lines), size=9.5, color=k.MUTED)
    reason = words(f"rule.{meeting_rule(record).reason}")
    for paragraph in k.paragraphs(document, words("minute.measures_rule", reason=reason), size=10):
        paragraph.paragraph_format.space_before = Pt(6)  # apart from the last bullet's details


def measure_lines(measure: Measure, names: Names, words: Words) -> list[str]:
    """A measure's details in words: legal basis, provider, from–to, ladder step."""
    lines = [words("minute.measure_basis", basis=words.label("legal_basis", measure.legal_basis))]
    if measure.provider.strip():
        lines.append(words("minute.measure_provider", provider=names.free(measure.provider)))
    until = words("measures.until", date=words.long_date(measure.end)) if measure.end else words("measures.ongoing")
    since = words("measures.from", date=words.long_date(measure.start))
    lines.append(since[:1].upper() + since[1:] + " " + until)
    lines.append(words("minute.measure_step", step=step_words(measure.step, words.language)))
    return lines
