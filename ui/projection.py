"""The projection rule and the wall's building blocks: sizes in vh, colours at 7:1, pages that turn by themselves.

THE PROJECTION RULE: every text on the projector is at least BODY_VH per cent of the screen height
(1/30 of it, readable from the back of a 10 m room), headings HEADING_VH; every size is in vh, so a
1920×1080, 1280×720 or 1024×768 wall shows the same lines. All text has a contrast of at least 7:1
(WCAG AAA). A screen never scrolls (a projector cannot): a long list first shows fewer lines per note,
then is split into pages that the browser turns by itself every PAGE_SECONDS (CSS only, nothing stored,
nothing to click), each page saying "Side 2 af 3", so nothing said in the room is hidden for good.
Pure strings, no Streamlit: the page sizes are computed here from the rule, and unit-tested.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Sequence

BODY_VH = 3.4  # ≥ 100/30: the smallest text on the wall
HEADING_VH = 4.2
DIGITS_VH = 13.0  # the big countdown on the agenda screen
LINE = 1.25  # line height, in ems
LINE_VH = BODY_VH * LINE
PAD_VH = 2.0  # the wall's margin, top and bottom
BAR_VH = 7.0  # the title bar (screen heading on the left, the corner clock on the right)
GAP_VH = 1.5
STAGE_VH = 100 - 2 * PAD_VH - BAR_VH - GAP_VH  # what is left for a screen's content
PAGE_SECONDS = 12
# Characters per line of body text in a column `share` of the wall's width on the narrowest wall (4:3),
# with a margin for wide letters: a line estimate that never comes out short.
_CHAR_EM = 0.56
_NARROWEST = 4 / 3

PageLabel = Callable[[int, int], str]  # (page, pages) -> escaped "Side 2 af 3"

INK, MUTED, PAPER = "#1E2430", "#3A4350", "#FBFAF7"
OVERDUE_INK, AMBER_INK, AMBER_BG = "#8A1C15", "#5C3A00", "#FFE3A3"


def chars_per_line(share: float) -> int:
    """How many body-size characters surely fit on one line of a column `share` (0–1) of the wall's width."""
    width_vh = share * (100 - 5) * _NARROWEST  # the wall's sides take 2.5 vw each
    return max(8, math.floor(width_vh / (BODY_VH * _CHAR_EM)))


_MAYBE_WIDE = re.compile("[^\x00-\u0377]")  # unicodedata calls no code point below U+0378 wide (W or F)


def width(text: str) -> int:
    """The text's width in ordinary letters: emoji and wide letters count double."""
    # Only the few letters outside Latin and Greek are looked at one by one (a regex scan, C-fast).
    return len(text) + sum(1 for c in _MAYBE_WIDE.findall(text)
                           if unicodedata.east_asian_width(c) in "WF" or ord(c) > 0xFFFF)


def lines_of(text: str, per_line: int) -> int:
    """How many lines the text takes at `per_line` characters (each paragraph starts a line)."""
    return sum(max(1, math.ceil(width(part) / per_line)) for part in text.split("\n"))


def split_text(text: str, per_line: int, lines: int) -> list[str]:
    """The text in pieces of at most `lines` lines each, cut between words where there are words."""
    pieces: list[str] = []
    rest = text.strip()
    while rest:
        if lines_of(rest, per_line) <= lines:
            pieces.append(rest)
            break
        cut = _fitting_prefix(rest, per_line, lines)
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return pieces


def _fitting_prefix(text: str, per_line: int, lines: int) -> int:
    low, high = 1, len(text)  # the longest prefix that fits (the line count only grows with the prefix)
    while low < high:
        middle = (low + high + 1) // 2
        if lines_of(text[:middle], per_line) <= lines:
            low = middle
        else:
            high = middle - 1
    space = max(text.rfind(" ", 0, low + 1), text.rfind("\n", 0, low + 1))
    return space if space > low * 0.6 else low


def fits(height_vh: float, count: int, budget_vh: float, gap_vh: float = 1.0) -> bool:
    """Whether `count` blocks of `height_vh` (with gaps between them) fit in `budget_vh`."""
    return count * height_vh + max(count - 1, 0) * gap_vh <= budget_vh


def per_page(height_vh: float, budget_vh: float, gap_vh: float = 1.0) -> int:
    """How many blocks of `height_vh` fit in `budget_vh` (at least one)."""
    return max(1, math.floor((budget_vh + gap_vh) / (height_vh + gap_vh)))


def pack(heights: Sequence[float], budget_vh: float, gap_vh: float = 1.0) -> list[list[int]]:
    """The blocks' indexes in pages, in order, each page at most `budget_vh` tall (a too tall block alone)."""
    pages: list[list[int]] = []
    used = 0.0
    for index, height in enumerate(heights):
        if pages and used + gap_vh + height <= budget_vh:
            pages[-1].append(index)
            used += gap_vh + height
        else:
            pages.append([index])
            used = height
    return pages


def chunks(count: int, size: int) -> list[range]:
    """range(count) in pages of `size` (one empty page when there is nothing)."""
    return [range(start, min(start + size, count)) for start in range(0, count, size)] or [range(0)]


def paged(pages: Sequence[str], page_label: PageLabel, *, seconds: int = PAGE_SECONDS, at: int = 0) -> str:
    """The pages stacked in one box; with more than one, the browser shows each for `seconds`, in turn, forever.

    `at` is the time of drawing in whole seconds (e.g. since 1970): the turn's phase follows the clock, not the
    drawing, so the projector's redraws (several a second) never send the room back to page one. The page due
    at `at` is drawn visible; the wall's ticker (ui/assets/wall_ticker.js) turns them at each page's moment
    (not a CSS animation: an endless one repainted the wall every frame, ~7 % of a core per projector).
    """
    if len(pages) <= 1:
        return f'<div class="mt-pages"><div class="mt-page" data-page="1">{pages[0] if pages else ""}</div></div>'
    count = len(pages)
    due = (at // seconds) % count
    shown = ' style="visibility:visible"'
    body = "".join(
        f'<div class="mt-page" data-page="{i + 1}"{shown if i == due else ""}>{page}'
        f'<p class="mt-page-no">{page_label(i + 1, count)}</p></div>'
        for i, page in enumerate(pages)
    )
    return (f'<div class="mt-pages mt-paged" data-pages="{count}" data-at="{at}" data-turn="{seconds}">'
            f"{body}</div>")


def contrast(foreground: str, background: str) -> float:
    """The WCAG contrast ratio of two '#rrggbb' colours."""
    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


WALL_CSS = f"""
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header[data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
[data-testid="stBottom"], [data-testid="stSkipToContent"], footer {{ display: none !important; }}
[data-testid="stMainBlockContainer"], .block-container {{ padding: 0 !important; max-width: 100% !important; }}
[data-testid="stMain"] [data-testid="stVerticalBlock"] {{ gap: 0 !important; }}
[data-testid="stMain"] [data-testid="stElementContainer"]:has(> .stHtml style:only-child) {{ display: none; }}
.mt-wall {{ box-sizing: border-box; height: 100vh; padding: {PAD_VH}vh 2.5vw; display: flex; flex-direction: column;
  gap: {GAP_VH}vh; overflow: hidden; color: {INK}; background: #fff; font-size: {BODY_VH}vh; line-height: {LINE};
  overflow-wrap: anywhere; }}
.mt-wall.mt-top {{ height: auto; padding-bottom: {GAP_VH}vh; }}
.mt-wall *, .mt-wall *::before {{ box-sizing: border-box; }}
.mt-wall ul, .mt-wall ol {{ margin: 0; padding: 0; list-style: none; }}
.mt-wall li {{ margin: 0; padding-left: 0; }}
.mt-wall :where(h1, h2, h3, p, ul, ol, li, figure) {{ margin: 0; padding: 0; font-size: inherit;
  line-height: inherit; }}
.mt-bar {{ flex: 0 0 {BAR_VH}vh; height: {BAR_VH}vh; display: flex; align-items: center; gap: 2vw; }}
.mt-bar h1 {{ flex: 1; min-width: 0; font-size: {HEADING_VH}vh; font-weight: 700; white-space: nowrap;
  overflow: hidden; text-overflow: ellipsis; }}
.mt-corner {{ flex: none; display: flex; align-items: baseline; gap: .5em; padding: .3vh 1.2vw; border-radius: 1vh;
  border: .4vh solid currentColor; font-weight: 700; white-space: nowrap; }}
.mt-corner b {{ font-size: {HEADING_VH}vh; font-variant-numeric: tabular-nums; }}
.mt-stage {{ flex: 1; min-height: 0; position: relative; }}
.mt-pages {{ position: relative; height: 100%; }}
.mt-page {{ position: absolute; inset: 0; overflow: hidden; display: flex; flex-direction: column; gap: 1vh; }}
.mt-paged .mt-page {{ visibility: hidden; }}
.mt-paged .mt-page:not([style*="visible"]) {{ display: none; }}  /* not laid out while hidden: a tab's redraw of
   a long list re-laid out every page (27 ms of Chromium's 135 ms per edit on the big meeting's actions) */
.mt-page-no {{ margin-top: auto !important; text-align: right; color: {MUTED}; flex: none; }}
.mt-clamp {{ display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: var(--lines, 2);
  line-clamp: var(--lines, 2); overflow: hidden; }}
.mt-muted {{ color: {MUTED}; }}
"""
