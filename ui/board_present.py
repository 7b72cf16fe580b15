"""The board as the room sees it: large, calm, no editing chrome, one part of the board at a time.

`render_board_presentation` returns escaped HTML (every participant-supplied string goes through
`h()`), sized for a 1920×1080 projector read from five metres: up to eight notes per column fit
the screen, and a very long note is clamped with a visible '…' instead of pushing others away.
The board page shows it under 'Præsentation'; a projector page can call it the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitation.domain import words
from facilitation.domain.model import HOUSE_KINDS, BoardItem, BoardKind, GoalTerm, MeetingRecord
from facilitation.domain.scaling import ScoreRound, scale_question
from ui.scale_chart import as_image, decimal, scores_alt, scores_svg, trend_svg
from ui.text import h, shorten

PARTS = ("columns", "safety", "scale", "houses", "goals")
COLUMNS = (BoardKind.WORRY, BoardKind.WORKING_WELL, BoardKind.NEXT_STEP)
# (most notes in a column, font size in 1/1920 of the screen width, lines per note, characters per note)
_DENSITY = ((3, 34, 5, 400), (5, 30, 3, 220), (6, 26, 3, 160), (8, 26, 2, 140), (10_000, 22, 2, 110))

# In the Streamlit page: less empty space above and below, so the columns fit one projector screen.
PAGE_CSS = "<style>[data-testid='stMainBlockContainer']{padding-top:3.5rem;padding-bottom:1rem}</style>"
CSS = """
.mt-board{--u:max(.72px,calc(100vw/1920));--ink:#1E2430;--muted:#5A6472;--paper:#FBFAF7;
 --worry:#A8452F;--worry-bg:#FBEEE9;--good:#2C7450;--good-bg:#EAF4EE;--next:#2B5A87;--next-bg:#EAF0F7;
 --grey:#5F6B7A;--grey-bg:#EFF0F2;--dream:#7A5A12;--dream-bg:#FBF4E4;
 font-family:inherit;color:var(--ink);background:var(--paper);
 border-radius:calc(14*var(--u));padding:calc(16*var(--u)) calc(18*var(--u));line-height:1.25;
 overflow-wrap:anywhere;word-break:normal}
.mt-board,.mt-sized{font-size:calc(var(--fs,26)*var(--u))}
.mt-board *{box-sizing:border-box}.mt-board :where(li,p,ul,figure){font-size:inherit}
.mt-board h2{font-size:max(calc(30*var(--u)),1.08em);line-height:1.15;font-weight:700;padding:0;
 margin:0 0 calc(10*var(--u));color:var(--accent,var(--ink))}
.mt-board ul{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:calc(8*var(--u))}
.mt-grid{display:grid;gap:calc(16*var(--u));grid-template-columns:repeat(var(--n,3),minmax(0,1fr))}
.mt-col{min-width:0;background:var(--tint);border-radius:calc(12*var(--u));
 border-top:calc(8*var(--u)) solid var(--accent);padding:calc(12*var(--u)) calc(14*var(--u)) calc(14*var(--u))}
.mt-item{background:#fff;border-radius:calc(8*var(--u));border-left:calc(6*var(--u)) solid var(--accent);
 padding:calc(8*var(--u)) calc(12*var(--u));min-width:0}
.mt-text{display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:var(--lines,3);line-clamp:var(--lines,3);
 overflow:hidden;white-space:normal}
.mt-tag{font-size:.66em;font-weight:700;letter-spacing:.05em;text-transform:uppercase;color:var(--accent);
 margin-right:.45em;white-space:nowrap}
.mt-who{color:var(--muted);font-style:italic;font-size:.78em;white-space:nowrap}
.mt-empty{color:var(--muted);font-style:italic}
.worry{--accent:var(--worry);--tint:var(--worry-bg)}.working_well,.safety_goal{--accent:var(--good);--tint:var(--good-bg)}
.next_step{--accent:var(--next);--tint:var(--next-bg)}.danger_statement{--accent:var(--worry);--tint:var(--worry-bg)}
.grey_area{--accent:var(--grey);--tint:var(--grey-bg)}
.house_worry{--accent:var(--next);--tint:var(--next-bg)}.house_good{--accent:var(--good);--tint:var(--good-bg)}
.house_dream{--accent:var(--dream);--tint:var(--dream-bg)}
.mt-pair{display:grid;grid-template-columns:minmax(0,1fr) calc(48*var(--u)) minmax(0,1fr);align-items:stretch;
 margin-bottom:calc(12*var(--u))}
.mt-pair .mt-item{border-left-width:calc(8*var(--u));background:var(--tint)}
.mt-arrow{align-self:center;text-align:center;font-size:calc(40*var(--u));color:var(--muted)}
.mt-links{margin-top:calc(8*var(--u))!important;font-size:.8em}
.mt-links li{color:var(--ink)}.mt-links li::before{content:"→ ";color:var(--good);font-weight:700}
.mt-section{margin-top:calc(16*var(--u))}
.mt-question{font-size:calc(28*var(--u));margin:0 0 calc(12*var(--u));font-weight:600;white-space:pre-line}
.mt-scale{display:grid;grid-template-columns:minmax(0,2.1fr) minmax(0,1fr);gap:calc(24*var(--u));align-items:start}
.mt-board figure{margin:0}
.mt-chart{width:100%;height:auto;max-height:68vh;display:block;object-fit:contain;object-position:left top}
.mt-board figcaption{font-size:calc(24*var(--u));color:var(--muted);margin-bottom:calc(6*var(--u))}
.mt-house{min-width:0;display:flex;flex-direction:column}.mt-house .mt-col{flex:1}
.mt-roof{height:calc(70*var(--u));background:var(--accent);opacity:.85;clip-path:polygon(0 100%,50% 0,100% 100%)}
.mt-house .mt-col{border-top:0;border-radius:0 0 calc(12*var(--u)) calc(12*var(--u))}
.mt-owner{display:block;color:var(--muted);font-size:.78em}
"""


class _Page:
    """Renders the parts of one meeting's board in one language."""

    def __init__(self, record: MeetingRecord, language: str) -> None:
        self.record, self.language = record, language

    def t(self, key: str, **params: object) -> str:
        """Catalog text in the presentation's language (not the session's: a projector may differ)."""
        return words.text(key, self.language, **params)

    def empty(self, key: str = "board.empty", tag: str = "li") -> str:
        """A quiet 'nothing yet' line."""
        return f'<{tag} class="mt-empty">{h(self.t(key))}</{tag}>'

    def column(self, css: str, heading: str, items: Sequence[str]) -> str:
        """A coloured column: heading, then its notes (or 'nothing yet')."""
        return f'<section class="mt-col {css}"><h2>{h(heading)}</h2><ul>{"".join(items) or self.empty()}</ul></section>'

    def note(self, item: BoardItem, chars: int) -> str:
        """A note: its category as a small tag, its text (clamped), and who said it."""
        tag = f'<span class="mt-tag">{h(self.t(f"category.{item.category}"))}</span>' if item.category else ""
        who = f' <span class="mt-who">— {h(item.said_by)}</span>' if item.said_by else ""
        return f'<li class="mt-item"><div class="mt-text">{tag}{h(shorten(item.text, chars))}{who}</div></li>'

    def kind_column(self, kind: BoardKind, chars: int) -> str:
        """One column of the board by its kind."""
        items = [self.note(i, chars) for i in self.record.board_column(kind)]
        return self.column(kind.value, self.t(f"board.{kind.value}"), items)

    def columns(self) -> str:
        """Worries, what works and next steps side by side."""
        size, lines, chars = density(max(len(self.record.board_column(k)) for k in COLUMNS))
        cols = "".join(self.kind_column(k, chars) for k in COLUMNS)
        return _grid(cols, 3, size, lines)

    def safety(self) -> str:
        """Each danger statement beside the safety goals answering it (and the goals those answer); grey areas."""
        dangers = self.record.board_column(BoardKind.DANGER_STATEMENT)
        goals = self.record.board_column(BoardKind.SAFETY_GOAL)
        unpaired = [g for g in goals if g.answers_id not in {d.id for d in dangers}]
        rows = [(d, [g for g in goals if g.answers_id == d.id]) for d in dangers] + [(None, [g]) for g in unpaired]
        size, lines, chars = density(2 * len(rows))
        body = [self._pair(_h2("danger_statement", self.t("board.danger_statement")),
                           _h2("safety_goal", self.t("board.safety_goal")), arrow="")]
        for danger, answers in rows:
            left = _card("danger_statement", h(shorten(danger.text, chars * 2))) if danger else ""
            right = "".join(self._safety_goal(g, chars) for g in answers) or _card(
                "safety_goal mt-empty", h(self.t("board.no_safety_goal")))
            body.append(self._pair(left, right))
        grey = self.kind_column(BoardKind.GREY_AREA, chars)
        return (f'<div class="mt-sized" style="--fs:{size};--lines:{lines + 2}">{"".join(body)}'
                f'<div class="mt-section" style="--lines:{lines}">{grey}</div></div>')

    def _pair(self, left: str, right: str, arrow: str = "→") -> str:
        return f'<div class="mt-pair"><div>{left}</div><div class="mt-arrow">{arrow}</div><div>{right}</div></div>'

    def _safety_goal(self, goal: BoardItem, chars: int) -> str:
        links = "".join(f"<li>{h(shorten(g.text, 90))}{_who(g.owner)}</li>"
                        for g in self.record.goals if g.safety_goal_id == goal.id)
        links = f'<ul class="mt-links">{links}</ul>' if links else ""
        return _card("safety_goal", h(shorten(goal.text, chars * 2)), links)

    def scale(self, history: Sequence[ScoreRound]) -> str:
        """The question, everyone's number as a bar chart, and the average over the meetings."""
        names = {p.id: p.name for p in self.record.participants}
        rows = [(names.get(s.participant_id, "?"), s.score, s.reason) for s in self.record.scores]
        question = f'<p class="mt-question">{h(scale_question(self.record.meeting, self.language))}</p>'
        if not rows:
            return question + self.empty("board.scale.none", "p")
        mean_label = self.t("board.scale.mean")
        mean = decimal(sum(score for _, score, _ in rows) / len(rows), self.language)
        title = self.t("board.scale.chart", count=len(rows), mean=mean)
        chart = as_image(scores_svg(rows, language=self.language, mean_label=mean_label, title=title),
                         scores_alt(rows, mean_label, self.language), "mt-chart mt-scores")
        trend_title = self.t("board.scale.trend")
        trend = as_image(trend_svg(history, self.record.meeting.id, language=self.language, title=trend_title),
                         trend_title, "mt-chart mt-trend")
        first = "" if len(history) > 1 else self.empty("board.scale.first", "p")
        return (f'{question}<div class="mt-scale"><figure>{chart}</figure>'
                f"<figure><figcaption>{h(trend_title)}</figcaption>{trend}{first}</figure></div>")

    def houses(self) -> str:
        """The child's three houses, each under its own roof."""
        size, lines, chars = density(max(len(self.record.board_column(k)) for k in HOUSE_KINDS))
        houses = (f'<div class="mt-house {k.value}">{_ROOF}{self.kind_column(k, chars)}</div>' for k in HOUSE_KINDS)
        return _grid("".join(houses), 3, size, lines)

    def goals(self) -> str:
        """Short- and long-term goals with their owners and the safety goals they answer."""
        safety = {b.id: b for b in self.record.board_column(BoardKind.SAFETY_GOAL)}
        size, lines, chars = density(max([sum(g.term == term for g in self.record.goals) for term in GoalTerm]))
        cols = []
        for term, css in zip(GoalTerm, ("next_step", "working_well"), strict=True):
            items = []
            for goal in (g for g in self.record.goals if g.term == term):
                owner = _small(self.t("board.goal.owner", owner=goal.owner)) if goal.owner else ""
                answers = safety.get(goal.safety_goal_id) if goal.safety_goal_id else None
                link = _small("→ " + self.t("board.goal.answers", text=shorten(answers.text, 80))) if answers else ""
                items.append(f'<li class="mt-item"><div class="mt-text">{h(shorten(goal.text, chars))}</div>'
                             f"{owner}{link}</li>")
            cols.append(self.column(css, self.t(f"term.{term.value}"), items))
        return _grid("".join(cols), 2, size, lines)


_ROOF = '<div class="mt-roof" aria-hidden="true"></div>'  # CSS, not SVG: st.html removes inline SVG


def _grid(inner: str, columns: int, size: int, lines: int) -> str:
    return f'<div class="mt-grid mt-sized" style="--n:{columns};--fs:{size};--lines:{lines}">{inner}</div>'


def _h2(css: str, text: str) -> str:
    return f'<h2 class="{css}">{h(text)}</h2>'


def _card(css: str, text_html: str, extra: str = "") -> str:
    return f'<div class="mt-item {css}"><div class="mt-text">{text_html}</div>{extra}</div>'


def _small(text: str) -> str:
    return f'<span class="mt-owner">{h(text)}</span>'


def _who(name: str) -> str:
    return f' <span class="mt-who">— {h(name)}</span>' if name else ""


def density(count: int) -> tuple[int, int, int]:
    """Font size (in 1/1920 of the screen width), lines and characters per note for a column of `count`."""
    return next((size, lines, chars) for most, size, lines, chars in _DENSITY if count <= most)


def available_parts(record: MeetingRecord) -> list[str]:
    """The parts of the board there is something to show for (the Three Houses only when chosen)."""
    return [p for p in PARTS if p != "houses" or record.meeting.show_three_houses]


def render_board_presentation(
    record: MeetingRecord, history: Sequence[ScoreRound] = (), *, language: str = "da", part: str = "columns"
) -> str:
    """One part of the board ('columns', 'safety', 'scale', 'houses', 'goals') as escaped HTML with its CSS."""
    page = _Page(record, language)
    part = part if part in PARTS else "columns"
    body = page.scale(history) if part == "scale" else getattr(page, part)()
    return f'<style>{CSS}</style><div class="mt-board mt-part-{part}" lang="{h(language)}">{body}</div>'
