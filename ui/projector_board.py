"""The board on the wall, sized by the projection rule (ui/projection.py): columns, safety pairs, houses, scale.

Escaped HTML strings, no Streamlit. Each note takes the lines its text needs, up to NOTE_LINES; a longer
note goes on in the next box ("…"), so no word said in the room is cut off; a column that does not fit is
paged; every size is in vh.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from facilitation.domain import words
from facilitation.domain.model import HOUSE_KINDS, BoardItem, BoardKind, MeetingRecord
from facilitation.domain.scaling import ScoreRound, scale_question
from ui import projection as p
from ui.scale_chart import decimal, short_date
from ui.text import h

COLUMNS = (BoardKind.WORRY, BoardKind.WORKING_WELL, BoardKind.NEXT_STEP)
NOTE_PAD_VH = 1.6  # a note's padding, top and bottom together
COLUMN_CHROME_VH = 2 * p.HEADING_VH * p.LINE + 1.0 + 3.0  # a two-line heading, its margin, the column's padding
PAGE_NO_VH = p.LINE_VH + 1.0
NOTE_LINES = 5  # the most lines one box of a note takes; a longer note goes on in the next box
NBSP = "\u00a0"

# (heading and tag colour, the column's tint): each is also used on a white note; the tests check them at 7:1
_TINTS = (("#7A2E1E", "#FBEEE9"), ("#1D5237", "#EAF4EE"), ("#1E4266", "#EAF0F7"), ("#333B47", "#EFF0F2"),
          ("#5A420B", "#FBF4E4"))
BOARD_INKS = tuple((ink, background) for ink, tint in _TINTS for background in (tint, "#FFFFFF"))

CSS = f"""
.mt-wall{{--worry:#A8452F;--worry-ink:#7A2E1E;--worry-bg:#FBEEE9;--good:#2C7450;--good-ink:#1D5237;--good-bg:#EAF4EE;
 --next:#2B5A87;--next-ink:#1E4266;--next-bg:#EAF0F7;--grey:#5F6B7A;--grey-ink:#333B47;--grey-bg:#EFF0F2;
 --dream:#9A7418;--dream-ink:#5A420B;--dream-bg:#FBF4E4}}
.mt-grid{{display:grid;gap:1.2vw;grid-template-columns:repeat(var(--n,3),minmax(0,1fr));height:100%;min-height:0}}
.mt-col{{min-width:0;min-height:0;background:var(--tint);border-radius:1vh;border-top:.8vh solid var(--accent);
 padding:1.2vh 1vw 1.8vh;display:flex;flex-direction:column;gap:1vh;overflow:hidden}}
.mt-col h2,.mt-wall h2{{font-size:{p.HEADING_VH}vh;font-weight:700;color:var(--ink-accent,{p.INK});
 display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden;flex:none}}
.mt-notes{{list-style:none;display:flex;flex-direction:column;gap:1vh;min-height:0}}
.mt-item{{background:#fff;border-radius:.8vh;border-left:.6vh solid var(--accent);padding:.8vh .8vw;min-width:0}}
.mt-tag{{font-weight:700;text-transform:uppercase;color:var(--ink-accent);margin-right:.4em}}
.mt-who{{color:{p.MUTED};font-style:italic}}
.mt-empty{{color:{p.MUTED};font-style:italic}}
.worry,.danger_statement{{--accent:var(--worry);--ink-accent:var(--worry-ink);--tint:var(--worry-bg)}}
.working_well,.safety_goal,.house_good{{--accent:var(--good);--ink-accent:var(--good-ink);--tint:var(--good-bg)}}
.next_step,.house_worry{{--accent:var(--next);--ink-accent:var(--next-ink);--tint:var(--next-bg)}}
.grey_area{{--accent:var(--grey);--ink-accent:var(--grey-ink);--tint:var(--grey-bg)}}
.house_dream{{--accent:var(--dream);--ink-accent:var(--dream-ink);--tint:var(--dream-bg)}}
.mt-house{{display:flex;flex-direction:column;min-height:0;min-width:0}}
.mt-roof{{flex:0 0 5vh;background:var(--accent);clip-path:polygon(0 100%,50% 0,100% 100%)}}
.mt-house .mt-col{{flex:1;border-top:0;border-radius:0 0 1vh 1vh}}
.mt-pair{{display:grid;grid-template-columns:minmax(0,1fr) 3vw minmax(0,1fr);align-items:start;flex:none}}
.mt-pair>div{{display:flex;flex-direction:column;gap:1vh;min-width:0}}
.mt-pair .mt-item{{background:var(--tint);border-left-width:.8vh}}
.mt-arrow{{text-align:center;color:{p.MUTED};font-weight:700}}
.mt-links{{list-style:none}}.mt-links li::before{{content:"→ ";font-weight:700}}
.mt-question{{font-weight:600;flex:none}}
.mt-scale{{display:grid;grid-template-columns:minmax(0,2.2fr) minmax(0,1fr);gap:2vw;height:100%;min-height:0}}
.mt-scale>div{{min-height:0;display:flex;flex-direction:column;gap:1vh}}
.mt-score{{display:grid;grid-template-columns:minmax(0,1.1fr) minmax(0,2fr) 2.2em;gap:.4vh 1vw;align-items:center;
 flex:none}}
.mt-track{{position:relative;height:{p.BODY_VH}vh;background:#ECE9E2;border-radius:.6vh}}
.mt-bar-fill{{position:absolute;left:0;top:0;bottom:0;background:#2B5A87;border-radius:.6vh}}
.mt-mean-mark{{position:absolute;top:-.6vh;bottom:-.6vh;border-left:.5vh dashed {p.INK}}}
.mt-score b{{text-align:right;font-variant-numeric:tabular-nums}}
.mt-reason{{grid-column:1/-1;color:{p.INK}}}
.mt-trend-row{{display:grid;grid-template-columns:3.6em minmax(0,1fr) 2.2em;gap:.8vw;align-items:center;flex:none}}
.mt-trend-row.mt-now{{font-weight:700}}
"""


def board_screen(record: MeetingRecord, language: str, part: str, history: Sequence[ScoreRound], at: int = 0) -> str:
    """One board part ('board', 'safety', 'scale', 'houses') as the wall's stage: escaped HTML, paged if long.

    `at`: the time of drawing in seconds, which page is showing follows it (ui.projection.paged).
    """
    wall = _Wall(record, language, at)
    if part == "safety":
        return wall.safety()
    if part == "scale":
        return wall.scale(history)
    return wall.columns(HOUSE_KINDS if part == "houses" else COLUMNS, houses=part == "houses")


@dataclass(frozen=True)
class Piece:
    """One box of a note on the wall: the whole note, or one part of a long one."""

    item: BoardItem
    text: str
    first: bool
    last: bool


def note_pieces(item: BoardItem, tag: str, per_line: int, lines: int) -> list[Piece]:
    """The note in boxes of at most `lines` lines, its tag in front of the first, who said it after the last."""
    lead = f"{tag} " if tag else ""
    who = NBSP.join(("", "—", *item.said_by.split(" "))) if item.said_by else ""  # never split
    parts = p.split_text(f"{lead}{item.text}{who}", per_line - 2, lines) or [""]  # 2: the "…" of a piece
    pieces = []
    for index, part in enumerate(parts):
        first, last = index == 0, index == len(parts) - 1
        text = part.removeprefix(lead.strip()).lstrip() if first and lead else part
        text = text.removesuffix(who).rstrip() if last and who else text
        pieces.append(Piece(item, text, first, last))
    return pieces


class _Wall:
    """Builds one meeting's board parts in one language."""

    def __init__(self, record: MeetingRecord, language: str, at: int) -> None:
        self.record, self.language, self.at = record, language, at

    def t(self, key: str, **params: object) -> str:
        """Catalog text in the wall's language."""
        return words.text(key, self.language, **params)

    def page_label(self, page: int, pages: int) -> str:
        """'Side 2 af 3'."""
        return h(self.t("projector.page", page=page, pages=pages))

    def tag(self, item: BoardItem) -> str:
        """The note's category in words ('' if none)."""
        return self.t(f"category.{item.category}") if item.category else ""

    def note(self, piece: Piece, lines: int) -> str:
        """A box of a note: its category, its text and who said it, in the `lines` it was measured to need."""
        item = piece.item
        tag = f'<span class="mt-tag">{h(self.tag(item))}</span>' if item.category and piece.first else ""
        who = f' <span class="mt-who">— {h(item.said_by)}</span>' if item.said_by and piece.last else ""
        before = "" if piece.first else "… "
        after = "" if piece.last else " …"
        cont = "" if piece.first else " mt-cont"
        return (f'<li class="mt-item{cont}"><div class="mt-clamp" style="--lines:{lines}">'
                f"{tag}{before}{h(piece.text)}{after}{who}</div></li>")

    def column_pages(self, notes: Sequence[BoardItem], per_line: int, budget_vh: float) -> list[str]:
        """A column's notes as boxes of the lines each needs, packed in pages of `budget_vh`."""
        boxes = []
        for item in notes:
            for piece in note_pieces(item, self.tag(item), per_line, NOTE_LINES):
                shown = " ".join(part for part in (self.tag(item) if piece.first else "…", piece.text,
                                                   f"— {item.said_by}" if piece.last and item.said_by else "…")
                                 if part)
                lines = min(NOTE_LINES, p.lines_of(shown, per_line))
                boxes.append((self.note(piece, lines), lines * p.LINE_VH + NOTE_PAD_VH))
        heights = [height for _, height in boxes]
        packs = p.pack(heights, budget_vh)
        if len(packs) > 1:  # pages carry "Side 2 af 3" at their foot
            packs = p.pack(heights, budget_vh - PAGE_NO_VH)
        return ["".join(boxes[i][0] for i in pack) for pack in packs]

    def columns(self, kinds: Sequence[BoardKind], *, houses: bool = False) -> str:
        """Columns side by side, each paged on its own; the wall turns them together."""
        budget = p.STAGE_VH - COLUMN_CHROME_VH - (5.0 if houses else 0.0)
        per_line = p.chars_per_line(0.97 / len(kinds)) - 2  # the column's and the note's padding
        columns = {k: self.column_pages(self.record.board_column(k), per_line, budget) for k in kinds}
        pages = []
        for page in range(max(1, *(len(c) for c in columns.values()))):
            cols = []
            for kind in kinds:
                shown = columns[kind][page] if page < len(columns[kind]) else ""
                empty = f'<li class="mt-empty">{h(self.t("board.empty"))}</li>' if not columns[kind] else ""
                col = (f'<section class="mt-col {kind.value}"><h2>{h(self.t(f"board.{kind.value}"))}</h2>'
                       f'<ul class="mt-notes">{shown or empty}</ul></section>')
                cols.append(f'<div class="mt-house {kind.value}"><div class="mt-roof"></div>{col}</div>'
                            if houses else col)
            pages.append(f'<div class="mt-grid" style="--n:{len(kinds)}">{"".join(cols)}</div>')
        return p.paged(pages, self.page_label, at=self.at)

    def safety(self) -> str:
        """Each danger statement beside the safety goals answering it (and their goals), then the grey areas."""
        dangers = self.record.board_column(BoardKind.DANGER_STATEMENT)
        goals = self.record.board_column(BoardKind.SAFETY_GOAL)
        danger_ids = {d.id for d in dangers}
        rows: list[tuple[BoardItem | None, list[BoardItem]]] = [
            (d, [g for g in goals if g.answers_id == d.id]) for d in dangers]
        rows += [(None, [g]) for g in goals if g.answers_id not in danger_ids]
        blocks: list[tuple[str, float]] = []
        head = (f'<div class="mt-pair"><div><h2 class="danger_statement">{h(self.t("board.danger_statement"))}'
                f'</h2></div><div></div><div><h2 class="safety_goal">{h(self.t("board.safety_goal"))}</h2></div></div>')
        for danger, answers in rows:
            left = self._card("danger_statement", danger.text, 3) if danger else ""
            right, units = [], 0
            for goal in answers:
                links = [g for g in self.record.goals if g.safety_goal_id == goal.id]
                items = "".join(f'<li class="mt-clamp" style="--lines:1">{h(g.text)}{_who(g.owner)}</li>'
                                for g in links)
                right.append(self._card("safety_goal", goal.text, 3, f'<ul class="mt-links">{items}</ul>'
                                        if items else ""))
                units += 3 + len(links)
            if not answers:
                right.append(f'<div class="mt-item safety_goal mt-empty">{h(self.t("board.no_safety_goal"))}</div>')
                units = 1
            height = max(3, units) * p.LINE_VH + NOTE_PAD_VH * max(1, len(answers)) + (len(answers) - 1) * 1.0
            blocks.append((f'<div class="mt-pair"><div>{left}</div><div class="mt-arrow">→</div>'
                           f'<div>{"".join(right)}</div></div>', height))
        grey = self.record.board_column(BoardKind.GREY_AREA)
        blocks.append((f'<h2 class="grey_area">{h(self.t("board.grey_area"))}</h2>', 2 * p.HEADING_VH * p.LINE))
        if not grey:
            blocks.append((f'<p class="mt-empty">{h(self.t("board.empty"))}</p>', p.LINE_VH))
        blocks += [(f'<div class="grey_area">{self._card("grey_area", g.text, 2)}</div>',
                    2 * p.LINE_VH + NOTE_PAD_VH) for g in grey]
        head_vh = 2 * p.HEADING_VH * p.LINE + 1.0
        pages = p.pack([height for _, height in blocks], p.STAGE_VH - head_vh - PAGE_NO_VH - 1.0)
        return p.paged([head + "".join(blocks[i][0] for i in page) for page in pages], self.page_label, at=self.at)

    def _card(self, css: str, text: str, lines: int, extra: str = "") -> str:
        return (f'<div class="mt-item {css}"><div class="mt-clamp" style="--lines:{lines}">{h(text)}</div>'
                f"{extra}</div>")

    def scale(self, history: Sequence[ScoreRound]) -> str:
        """The question, everyone's number as a bar (the average marked), and the average over the meetings."""
        names = {person.id: person.name for person in self.record.participants}
        rows = [(names.get(s.participant_id, "?"), s.score, s.reason) for s in self.record.scores]
        question = (f'<p class="mt-question mt-clamp" style="--lines:2">'
                    f"{h(scale_question(self.record.meeting, self.language))}</p>")
        if not rows:
            none = f'<p class="mt-empty">{h(self.t("board.scale.none"))}</p>'
            return p.paged([question + none], self.page_label, at=self.at)
        mean = sum(score for _, score, _ in rows) / len(rows)
        mean_text = h(self.t("board.scale.mean", mean=decimal(mean, self.language)))
        row_vh = 2 * p.LINE_VH + 0.4
        budget = p.STAGE_VH - 2 * p.LINE_VH - 1.0 - p.LINE_VH - 1.0 - PAGE_NO_VH
        size = p.per_page(row_vh, budget)
        trend = self._trend(history)
        pages = []
        for stretch in p.chunks(len(rows), size):
            bars = "".join(_score_row(*rows[i], mean) for i in stretch)
            pages.append(f'{question}<div class="mt-scale"><div><p><b>{mean_text}</b></p>{bars}</div>'
                         f"<div>{trend}</div></div>")
        return p.paged(pages, self.page_label, at=self.at)

    def _trend(self, history: Sequence[ScoreRound]) -> str:
        rounds = [r for r in list(history)[-8:] if r.mean is not None]
        heading = f'<h2>{h(self.t("board.scale.trend"))}</h2>'
        if len(rounds) < 2:
            return heading + f'<p class="mt-empty">{h(self.t("board.scale.first"))}</p>'
        rows = "".join(
            f'<div class="mt-trend-row{" mt-now" if r.meeting_id == self.record.meeting.id else ""}">'
            f"<span>{h(short_date(r.date, self.language))}</span>"
            f'<span class="mt-track"><span class="mt-bar-fill" style="width:{(r.mean or 0) * 10:.1f}%"></span></span>'
            f"<b>{h(decimal(r.mean or 0, self.language))}</b></div>"
            for r in rounds
        )
        return heading + rows


def _score_row(name: str, score: int, reason: str, mean: float) -> str:
    reason_html = f'<span class="mt-reason mt-clamp" style="--lines:1">{h(reason)}</span>' if reason else ""
    return (f'<div class="mt-score" data-name="{h(name)}" data-score="{score}">'
            f'<span class="mt-clamp" style="--lines:1">{h(name)}</span>'
            f'<span class="mt-track"><span class="mt-bar-fill" style="width:{score * 10}%"></span>'
            f'<span class="mt-mean-mark" style="left:{mean * 10:.1f}%"></span></span><b>{score}</b>{reason_html}</div>')


def _who(name: str) -> str:
    return f' <span class="mt-who">— {h(name)}</span>' if name else ""
