"""axe-core (bundled with axe-playwright-python, no network) on every caseworker page and every projector screen:
no serious or critical WCAG 2.1 AA violation (Danish public-sector sites must meet it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from facilitation import services
from facilitation.services import pairing
from facilitation.storage import Database
from tests.browser.conftest import ARTIFACTS, demo_meeting, signed_in_cookie, wait_for_app
from ui.navigation import PAGES

pytestmark = pytest.mark.browser

ACTOR = "browser test"
SCREENS = ("agenda", "board", "safety", "scale", "houses", "map", "network", "story", "drawing", "actions")
OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
           "resultTypes": ["violations"]}
# Nothing is left out: st.caption's own 60 % grey (3.9:1) is darkened for the whole app by ui/laptop_style.py.
EXCLUDE: list[list[str]] = []
KNOWN: tuple[tuple[str, str], ...] = ()
# Streamlit fades elements while a rerun redraws them (a page's live fragments rerun every half second); axe
# measures the colours the page settles on, not a fade caught halfway.
SETTLED = "[data-stale='true'], [data-stale='true'] * { opacity: 1 !important; transition: none !important; }"


def serious(page: Page) -> list[str]:
    """The serious and critical violations on the page as it is now: rule id and the elements it names."""
    context = {"exclude": EXCLUDE} if EXCLUDE else None
    page.add_style_tag(content=SETTLED)
    results = Axe().run(page, context=context, options=OPTIONS)
    found = []
    for violation in results.response["violations"]:
        if violation["impact"] in ("serious", "critical"):
            for node in violation["nodes"]:
                target = json.dumps(node["target"])
                why = " ".join(check["message"] for check in node["any"][:1])
                if any(violation["id"] == rule and part in target for rule, part in KNOWN):
                    print(f"known: {violation['id']} {target[-60:]} {why}")
                    continue
                found.append(f"{violation['id']}: {target[-90:]} {why}")
    return found


def test_every_caseworker_page_has_no_serious_wcag_violation(
    browser: Browser, app_server: str, server_data_dir: Path, server_db: Database
) -> None:
    meeting_id = demo_meeting(server_db)
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="da-DK")
    context.add_cookies([signed_in_cookie(server_data_dir, app_server)])  # type: ignore[list-item]  # a Cookie
    page = context.new_page()
    page.set_default_timeout(45_000)
    problems: list[str] = []
    try:
        for name, (_title, _icon, path) in PAGES.items():
            page.goto(f"{app_server}/{path}?m={meeting_id}")
            wait_for_app(page)
            page.wait_for_timeout(500)
            problems += [f"{name}: {v}" for v in serious(page)]
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / f"axe-{name}.png"))
    finally:
        context.close()
    assert problems == [], "\n".join(problems)


def test_every_projector_screen_has_no_serious_wcag_violation(
    browser: Browser, app_server: str, server_db: Database
) -> None:
    meeting_id = demo_meeting(server_db)
    record = services.load_meeting(server_db, meeting_id, viewer=ACTOR)
    services.set_show_three_houses(server_db, ACTOR, meeting_id, True)
    if services.latest_drawing(server_db, meeting_id, viewer=ACTOR) is None:  # the drawing screen shows its picture
        services.create_drawing(server_db, ACTOR, meeting_id, "Familiens hverdag")
    if record.agenda[0].started_at is None:
        services.start_agenda_item(server_db, ACTOR, meeting_id, record.agenda[0].id)
    context = browser.new_context(viewport={"width": 1920, "height": 1080}, locale="da-DK")
    page = context.new_page()
    page.set_default_timeout(45_000)
    problems: list[str] = []
    try:
        page.goto(f"{app_server}/pair/{pairing.create_pairing_link(server_db, ACTOR, meeting_id)}")
        for screen in SCREENS:
            services.set_screen(server_db, ACTOR, meeting_id, screen)
            expect(page.locator(f"[data-testid='mt-screen'][data-screen='{screen}']")).to_be_attached(timeout=60_000)
            if screen in ("map", "drawing"):  # measured once the picture is in (Streamlit gives it its alt then)
                page.wait_for_function("() => [...document.querySelectorAll('[data-testid=\"stImage\"] img')]"
                                       ".some(i => i.complete && i.naturalWidth > 0)", timeout=60_000)
            else:
                expect(page.locator("[data-testid='stImage']")).to_have_count(0, timeout=60_000)
            page.wait_for_timeout(500)
            problems += [f"projector {screen}: {v}" for v in serious(page)]
    finally:
        context.close()
    assert problems == [], "\n".join(problems)
