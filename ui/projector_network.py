"""The projector's "Netværket" screen: what the network can help with, in the family's plain sentences.

Left, the sentences (who can help with what, what nobody gives yet, who could be asked); right, how many
people stand in each quarter of the map and how many of them can help. Pure HTML by the projection rule.
"""

from __future__ import annotations

from facilitation.domain import words
from facilitation.domain.model import MeetingRecord, Sector
from facilitation.domain.network_story import family_sentences
from ui import projection as p
from ui.network_panel import measures_of
from ui.text import h

SENTENCES_SHARE = 0.56  # of the wall's width
CSS = f"""
.mt-net {{ display: grid; grid-template-columns: 56fr 40fr; gap: 4vw; align-items: start; }}
.mt-net-left {{ height: {p.STAGE_VH - 1:.1f}vh; }}  /* the pages fill it (ui/projection.py: .mt-pages) */
.mt-net-say {{ font-size: {p.BODY_VH + 0.6:.1f}vh; line-height: {p.LINE}; color: {p.INK}; margin: 0 0 2.2vh; }}
.mt-net-sectors {{ list-style: none; margin: 0; padding: 0; }}
.mt-net-sectors li {{ display: flex; justify-content: space-between; gap: 2vw; font-size: {p.BODY_VH}vh;
  line-height: {p.LINE}; color: {p.INK}; border-bottom: .25vh solid #9AA3AE; padding: 1.2vh 0; }}
.mt-net-sectors li b {{ font-variant-numeric: tabular-nums; }}
.mt-net-sectors .mt-net-total {{ border-bottom: 0; font-weight: 700; }}
"""


def network_screen(record: MeetingRecord, language: str, at: int) -> str:
    """The screen's stage: the sentences (paged when long) beside the people per quarter of the map."""
    found, names = measures_of(record, language)
    per_line = p.chars_per_line(SENTENCES_SHARE * p.BODY_VH / (p.BODY_VH + 0.6))
    line_vh = (p.BODY_VH + 0.6) * p.LINE
    blocks, heights = [], []
    for sentence in family_sentences(found, names, language):
        for piece in p.split_text(sentence, per_line, int(p.STAGE_VH // line_vh) - 2):
            blocks.append(f'<p class="mt-net-say">{h(piece)}</p>')
            heights.append(p.lines_of(piece, per_line) * line_vh + 2.2)
    pages = ["".join(blocks[i] for i in page) for page in p.pack(heights, p.STAGE_VH - p.LINE_VH - 2)]
    sentences = p.paged(pages, _page_label(language), at=at)
    return (f'<div class="mt-net" data-testid="mt-network"><div class="mt-net-left">{sentences}</div>'
            f'<div>{_sectors(record, language)}</div></div>')


def _page_label(language: str) -> p.PageLabel:
    return lambda page, pages: h(words.text("projector.page", language, page=page, pages=pages))


def _sectors(record: MeetingRecord, language: str) -> str:
    people = [person for person in record.participants if not person.is_child]
    rows = "".join(
        f'<li><span>{h(words.label("sector", sector, language))}</span>'
        f'<b>{sum(person.sector == sector for person in people)}</b></li>'
        for sector in Sector
    )
    total = words.text("network.measures_people", language)
    return (f'<ul class="mt-net-sectors">{rows}<li class="mt-net-total"><span>{h(total)}</span>'
            f"<b>{len(people)}</b></li></ul>")
