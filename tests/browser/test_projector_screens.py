"""Every projector screen on a paired projector at 1920×1080, 1280×720 and 1024×768: no scrollbar, nothing cut
off, text at least 1/30 of the screen height, no "None" and no English, and the small countdown while an item runs.

One server; a projector per meeting (the demo meeting, and a big one with long texts); the screen is changed
through the services between checks, and the same page is resized.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from bench.minute_benchmark import build_meeting
from facilitation import services
from facilitation.domain.catalog_da import DA
from facilitation.domain.catalog_en import EN
from facilitation.domain.model import BoardKind
from facilitation.services import pairing
from facilitation.storage import Database
from tests.browser.conftest import ARTIFACTS, demo_meeting

pytestmark = pytest.mark.browser

SIZES = ((1920, 1080), (1280, 720), (1024, 768))
SCREENS = ("agenda", "board", "safety", "scale", "houses", "map", "network", "story", "drawing", "actions")
ACTOR = "browser test"
LONG = ("Mormor siger, at hun gerne vil hjælpe 😊 med æøå og ÆØÅ. " * 200)[:10_000]


def english_words() -> set[str]:
    """Words of the English catalog that the Danish one never uses."""
    def words(texts: object) -> set[str]:
        return {w.lower() for text in texts for w in re.findall(r"[A-Za-z]{4,}", str(text))}  # type: ignore[attr-defined]
    return words(EN.values()) - words(DA.values())


def prepare(db: Database, meeting_id: int, *, long_texts: bool) -> None:
    """The meeting's first item running (so a countdown shows), the Three Houses chosen, a drawing made."""
    record = services.load_meeting(db, meeting_id, viewer=ACTOR)
    services.set_show_three_houses(db, ACTOR, meeting_id, True)
    if long_texts:
        first = record.agenda[0]
        services.save_note(db, ACTOR, meeting_id, first.id, LONG)
        services.add_decision(db, ACTOR, meeting_id, LONG[:2_000], first.id)
        for kind in (BoardKind.WORRY, BoardKind.DANGER_STATEMENT, BoardKind.HOUSE_DREAM):
            services.add_board_item(db, ACTOR, meeting_id, kind, LONG, said_by="Mormor 👵")
        services.add_action(db, ACTOR, meeting_id, LONG[:1_000], "Morbror Mads Ærø-Østergård", "2020-01-01")
        person = services.add_participant(db, ACTOR, meeting_id, "Karoline Margrethe Østergaard-Bækgaard Sørensen",
                                          relation="Moster")
        services.record_score(db, ACTOR, meeting_id, person, 7, LONG[:500])
    if services.latest_drawing(db, meeting_id, viewer=ACTOR) is None:
        services.create_drawing(db, ACTOR, meeting_id, "Familiens hverdag")
    services.start_agenda_item(db, ACTOR, meeting_id, record.agenda[0].id)


@pytest.fixture(scope="module")
def meetings(server_db: Database) -> dict[str, int]:
    """The demo meeting and a big one (40 people, 120 notes, 60 actions, 10,000-character texts)."""
    demo = demo_meeting(server_db)
    big = build_meeting(server_db)
    prepare(server_db, demo, long_texts=False)
    prepare(server_db, big, long_texts=True)
    return {"demo": demo, "big": big}


def projector(browser: Browser, url: str, db: Database, meeting_id: int) -> Page:
    """A browser paired to the meeting by a one-time link, as a caseworker's laptop would make it."""
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="da-DK")
    page = context.new_page()
    page.set_default_timeout(45_000)
    page.goto(f"{url}/pair/{pairing.create_pairing_link(db, ACTOR, meeting_id)}")
    expect(page.locator("[data-testid='mt-screen']")).to_be_attached(timeout=60_000)
    page.wait_for_timeout(500)
    if page.get_by_text("Page not found").count():
        # A known fault of the sign-in gate (helper R's part of issue #12, tested in
        # test_a_paired_projector_opens_without_page_not_found): a fresh session of the same projector has none.
        page.reload()
        expect(page.locator("[data-testid='mt-screen']")).to_be_attached(timeout=60_000)
    return page


def show(page: Page, db: Database, meeting_id: int, screen: str) -> None:
    """Put `screen` on the projector and wait until it is drawn (the map and drawing: their picture loaded)."""
    services.set_screen(db, ACTOR, meeting_id, screen)
    expect(page.locator(f"[data-testid='mt-screen'][data-screen='{screen}']")).to_be_attached(timeout=60_000)
    if screen not in ("map", "drawing"):  # the run has finished: the last screen's picture is gone
        expect(page.locator("[data-testid='stImage']")).to_have_count(0, timeout=60_000)
    else:
        page.wait_for_function("() => [...document.querySelectorAll('[data-testid=\"stImage\"] img')]"
                               ".some(i => i.complete && i.naturalWidth > 0)", timeout=60_000)


MEASURE = """() => {
    const vh = innerHeight, small = [], clipped = [];
    const visible = e => { const s = getComputedStyle(e); const r = e.getBoundingClientRect();
        return s.visibility === 'visible' && s.display !== 'none' && r.width > 0 && r.height > 0; };
    for (const e of document.querySelectorAll('.mt-wall, .mt-wall *')) {
        if (!visible(e)) continue;
        const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
        if (own && parseFloat(getComputedStyle(e).fontSize) < vh / 30 - 0.5)
            small.push(e.className + ': ' + e.textContent.slice(0, 30));
        if (e.matches('.mt-wall, .mt-page, .mt-stage') && e.scrollHeight > e.clientHeight + 1)
            clipped.push(e.className + ' ' + e.scrollHeight + '>' + e.clientHeight);
    }
    const pictures = [...document.querySelectorAll('[data-testid="stImage"] img')].map(i => {
        const r = i.getBoundingClientRect(); return [r.top, r.bottom, r.left, r.right]; });
    const root = document.scrollingElement;
    return {height: root.scrollHeight, width: root.scrollWidth, vh, vw: innerWidth, small, clipped, pictures,
            text: document.body.innerText, all: [...document.querySelectorAll('.mt-wall')].map(w => w.textContent)
            .join(' ')};
}"""


def record_words(db: Database, meeting_id: int) -> set[str]:
    """Every word people typed into the meeting (Danish words such as 'give' are English words too)."""
    return {w.lower() for w in re.findall(r"[A-Za-z]{4,}", repr(services.load_meeting(db, meeting_id, viewer=ACTOR)))}


def check(page: Page, screen: str, size: tuple[int, int], english: set[str]) -> list[str]:
    """What is wrong with the screen as shown now (an empty list when it is right)."""
    m = page.evaluate(MEASURE)
    problems = []
    if m["height"] > m["vh"] or m["width"] > m["vw"]:
        problems.append(f"scrolls: {m['width']}×{m['height']} on {size}")
    problems += [f"cut off: {c}" for c in m["clipped"]] + [f"small text: {s}" for s in m["small"][:3]]
    for top, bottom, left, right in m["pictures"]:
        if top < 0 or bottom > m["vh"] + 1 or left < 0 or right > m["vw"] + 1:
            problems.append(f"picture off the wall: {top, bottom, left, right}")
    text = m["text"] + " " + m["all"]
    if re.search(r"\bNone\b", text):
        problems.append("None on the wall")
    found = {w.lower() for w in re.findall(r"[A-Za-z]{4,}", text)} & english
    if found:
        problems.append(f"English: {sorted(found)[:5]}")
    if "F11" in text:
        problems.append("a hint on the wall")
    if screen == "network" and not page.locator(".mt-net-say").first.is_visible():
        problems.append("the network's sentences are not on the wall")
    clock = "mt-countdown" if screen == "agenda" else "mt-corner-clock"
    if not page.locator(f"[data-testid='{clock}'][data-deadline]").is_visible():
        problems.append("no countdown while an item runs")
    return [f"{screen} {size}: {p}" for p in problems]


def test_every_projector_screen_fits_every_wall_with_large_text_and_a_countdown(
    browser: Browser, app_server: str, server_db: Database, meetings: dict[str, int]
) -> None:
    problems: list[str] = []
    ARTIFACTS.mkdir(exist_ok=True)
    for name, meeting_id in meetings.items():
        english = english_words() - record_words(server_db, meeting_id)
        page = projector(browser, app_server, server_db, meeting_id)
        try:
            for screen in SCREENS:
                show(page, server_db, meeting_id, screen)
                for width, height in SIZES:
                    page.set_viewport_size({"width": width, "height": height})
                    page.wait_for_timeout(300)  # the layout follows the new size (CSS only)
                    problems += check(page, screen, (width, height), english)
                    page.screenshot(path=str(ARTIFACTS / f"projector-{name}-{screen}-{width}x{height}.png"))
            services.set_curtain(server_db, ACTOR, meeting_id, True)
            expect(page.locator("[data-testid='mt-curtain']")).to_be_attached(timeout=60_000)
            for width, height in SIZES:
                page.set_viewport_size({"width": width, "height": height})
                page.wait_for_timeout(200)
                m = page.evaluate(MEASURE)
                if m["height"] > m["vh"] or m["width"] > m["vw"] or m["text"].strip():
                    problems.append(f"curtain {width}×{height}: scrolls or shows text: {m['text'][:80]!r}")
                page.screenshot(path=str(ARTIFACTS / f"projector-{name}-curtain-{width}x{height}.png"))
            services.set_curtain(server_db, ACTOR, meeting_id, False)
        finally:
            page.context.close()
    assert problems == [], "\n".join(problems)


def test_a_long_list_turns_its_pages_by_itself_and_every_page_fits(
    browser: Browser, app_server: str, server_db: Database, meetings: dict[str, int]
) -> None:
    page = projector(browser, app_server, server_db, meetings["big"])
    try:
        show(page, server_db, meetings["big"], "actions")
        pages = page.locator(".mt-paged .mt-page")
        count = pages.count()
        assert count >= 2, "60 actions do not fit one screen"
        expect(pages.first).to_contain_text(f"Side 1 af {count}")
        shown = page.evaluate("() => [...document.querySelectorAll('.mt-paged .mt-page')]"
                              ".findIndex(p => getComputedStyle(p).visibility === 'visible')")
        page.wait_for_function(
            "([shown, count]) => [...document.querySelectorAll('.mt-paged .mt-page')]"
            ".findIndex(p => getComputedStyle(p).visibility === 'visible') === (shown + 1) % count",
            arg=[shown, count], timeout=30_000,
        )
        # every action is on some page, the overdue one marked in words
        record = services.load_meeting(server_db, meetings["big"], viewer=ACTOR)
        assert page.locator(".mt-action:not(.mt-head)").count() == len(record.actions)
        expect(page.locator(".mt-action.mt-late").first).to_contain_text("⚠ overskredet")
    finally:
        page.context.close()


def test_a_paired_projector_opens_without_page_not_found(
    browser: Browser, app_server: str, server_db: Database, meetings: dict[str, int]
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="da-DK")
    page = context.new_page()
    try:
        page.goto(f"{app_server}/pair/{pairing.create_pairing_link(server_db, ACTOR, meetings['demo'])}")
        expect(page.locator("[data-testid='mt-screen']")).to_be_attached(timeout=60_000)
        page.wait_for_timeout(1_000)  # Streamlit's dialog would come with the first run's page choice
        assert page.get_by_text("Page not found").count() == 0
        assert page.get_by_role("dialog").count() == 0
    finally:
        context.close()
