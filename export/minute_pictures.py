"""The pictures and numbers of the Word minute: scaling (table and chart), the network map, the drawings.

Like export.minute_sections, each function writes nothing when it has nothing to show.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from docx.document import Document
from matplotlib import font_manager
from matplotlib.ft2font import FT2Font

from export import docx_kit as k
from export.map_png import render_map_png
from export.minute_chart import render_scaling_chart
from export.minute_names import Names
from export.minute_text import Words
from facilitation.domain.minute_data import Drawing
from facilitation.domain.model import MeetingRecord
from facilitation.domain.scaling import ScoreRound, scale_question
from facilitation.domain.validation import PEOPLE_MAX

EARLIER_COLUMNS = 3  # earlier meetings shown in the scaling table (the chart shows up to CHART_ROUNDS)
CHART_ROUNDS = 8


def scaling(
    document: Document, record: MeetingRecord, names: Names, words: Words, history: Sequence[ScoreRound]
) -> None:
    """The 0–10 answers of this meeting beside earlier meetings', as a table and a small chart."""
    today = [(p.name, s.score, s.reason) for s in record.scores if (p := record.participant(s.participant_id))]
    earlier = [r for r in history if r.meeting_id != record.meeting.id and r.date <= record.meeting.date and r.scores]
    if not (today or earlier):
        return
    k.heading(document, words("minute.scaling"))
    k.paragraphs(document, scale_question(record.meeting, words.language), italic=True, color=k.MUTED, size=10)
    rounds = [(words.short_date(r.date), [score for _, score in r.scores]) for r in earlier[-(CHART_ROUNDS - 1):]]
    if today:
        rounds.append((words.short_date(record.meeting.date) + "\n" + words("minute.scaling.today").lower(),
                       [score for _, score, _ in today]))
    if len(rounds) >= 2:
        chart = render_scaling_chart(rounds, decimal_mark=words("decimal_mark"))
        k.picture(document, chart, 15.0, words("minute.scaling.caption"))
    shown = earlier[-EARLIER_COLUMNS:]
    people: dict[str, str] = {}
    for name, _, _ in today:
        people.setdefault(_key(name), name)
    for round_ in shown:
        for name, _ in round_.scores:
            people.setdefault(_key(name), name)
    by_round = [{_key(name): score for name, score in r.scores} for r in shown]
    now = {_key(name): (score, reason) for name, score, reason in today}
    header = [words("minute.who")] + [words.short_date(r.date) for r in shown]
    widths = [3.8] + [2.2] * len(shown)
    if today:
        header += [words("minute.scaling.today"), words("field.reason")]
        widths += [1.5, k.TEXT_WIDTH_CM - sum(widths) - 1.5]
    else:
        widths[0] += k.TEXT_WIDTH_CM - sum(widths)
    rows = []
    for key, name in people.items():
        row = [names.person(name)] + [str(scores.get(key, "–")) for scores in by_round]
        if today:
            score, reason = now.get(key, (None, ""))
            row += ["–" if score is None else str(score), names.free(reason)]
        rows.append(row)
    k.table(document, header, rows, widths)


def network_map(document: Document, record: MeetingRecord, words: Words, anonymised: bool) -> None:
    """The network map as a picture (the same drawing as on the network page), in the minute's language.

    A meeting above the app's limit of people (an old database) gets a sentence instead: such a map is
    unreadable, and drawing it took longer than the rest of the minute.
    """
    if not record.participants:
        return
    k.heading(document, words("minute.map"))
    if len(record.participants) > PEOPLE_MAX:
        k.paragraphs(document, words("minute.map_too_big", count=len(record.participants), limit=PEOPLE_MAX),
                     italic=True, color=k.MUTED)
        return
    k.picture(document, map_picture(drawable(record), anonymised, words.language), 15.5, words("minute.map_caption"))


def map_picture(record: MeetingRecord, anonymised: bool, language: str) -> bytes:
    """The map's PNG, drawn again only when what it shows changed (a minute made twice draws it once).

    The key holds everything export.map_png reads (as ui.map_view's fingerprint): the child's name, the people
    and their ties; a new board note or a timer tick leaves the picture as it was.
    """
    shown = (record.meeting.id, record.case.child_names, record.participants, record.relations)
    key = hashlib.sha256(repr((shown, anonymised, language)).encode("utf-8")).hexdigest()
    with _MAPS_LOCK:
        picture = _MAPS.get(key)
        if picture is not None:
            _MAPS.move_to_end(key)
            return picture
    picture = render_map_png(record, anonymised=anonymised, language=language)
    with _MAPS_LOCK:
        _MAPS[key] = picture
        while len(_MAPS) > MAPS_KEPT:
            _MAPS.popitem(last=False)
    return picture


MAPS_KEPT = 8  # pictures of about 1 MB each, for the whole process
_MAPS: OrderedDict[str, bytes] = OrderedDict()
_MAPS_LOCK = threading.Lock()


def drawable(record: MeetingRecord) -> MeetingRecord:
    """The record with characters the map's font cannot draw (emoji) left out of the map's words."""
    people = tuple(replace(p, name=_drawable_text(p.name) or "?", relation=_drawable_text(p.relation),
                           can_help_with=_drawable_text(p.can_help_with)) for p in record.participants)
    ties = tuple(replace(r, kind=_drawable_text(r.kind)) for r in record.relations)
    case = replace(record.case, child_names=_drawable_text(record.case.child_names) or "?")
    return replace(record, case=case, participants=people, relations=ties)


def _drawable_text(text: str) -> str:
    """Text without the characters missing from matplotlib's font (they would show as empty boxes)."""
    font = _map_font()
    kept = "".join(c for c in text if c in "\n\t" or font.get_char_index(ord(c)))
    return re.sub(" {2,}", " ", kept).strip() if kept != text else text


@cache
def _map_font() -> FT2Font:
    return FT2Font(font_manager.findfont(font_manager.FontProperties()))


def drawings(document: Document, words: Words, pictures: Sequence[Drawing]) -> None:
    """The graphic recording: each drawing as a picture with its title."""
    if not pictures:
        return
    k.heading(document, words("minute.drawings"))
    for title, png in pictures:
        k.picture(document, png, 15.5, k.safe(title))


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()
