"""The network map renders in Chromium from the app's own server, with no request leaving it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot, wait_for_app

pytestmark = pytest.mark.browser


def test_the_map_draws_the_network_with_no_failed_or_outside_requests(app_server: str, page: Page) -> None:
    requests: list[str] = []
    failed: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.goto(app_server)
    wait_for_app(page)
    page.get_by_role("link", name="Netværk").click()
    expect(page.locator("h1")).to_have_text("Netværk")
    frame = page.frame_locator("[data-testid='stIFrame']").first
    canvas = frame.locator("#mynetwork canvas")
    expect(canvas).to_be_visible(timeout=20_000)
    page.wait_for_timeout(800)  # the first draw and the fit-to-view run after load
    coloured = canvas.evaluate(
        """c => { const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                  let n = 0;
                  for (let i = 0; i < d.length; i += 4) { if (d[i+3] > 0 && (d[i] < 240 || d[i+1] < 240)) n++; }
                  return n; }"""
    )
    assert coloured > 5_000, f"the network canvas is (nearly) blank: {coloured} coloured pixels"
    screenshot(page, "network-map")
    assert not failed, failed
    outside = [url for url in requests  # a blob: of the app itself is memory in the page, not a request anywhere
               if not url.startswith((app_server, f"blob:{app_server}", "data:", "about:"))]
    assert not outside, outside
    assert any(url.endswith("/app/static/vis-network.min.js") for url in requests)


def test_the_map_filtered_by_practical_help_fades_the_others(app_server: str, page: Page) -> None:
    page.goto(app_server)
    wait_for_app(page)
    page.get_by_role("link", name="Netværk").click()
    expect(page.locator("h1")).to_have_text("Netværk")
    frame = page.frame_locator("[data-testid='stIFrame']").first
    expect(frame.locator("#mynetwork canvas")).to_be_visible(timeout=20_000)
    page.get_by_role("combobox", name="Vis hvem der giver").click()
    page.get_by_role("option", name="Praktisk hjælp").click()
    expect(page.get_by_text("på kortet giver praktisk hjælp")).to_be_visible()
    frame = page.frame_locator("[data-testid='stIFrame']").first
    expect(frame.locator("#mynetwork canvas")).to_be_visible(timeout=20_000)
    faded = page.locator("[data-testid='stIFrame']").first.evaluate(
        "f => (f.srcdoc.match(/\"opacity\": 0.18/g) || []).length")
    assert faded > 3, "the people who give no practical help are drawn faint"
    page.wait_for_timeout(800)
    page.locator("[data-testid='stIFrame']").first.scroll_into_view_if_needed()
    screenshot(page, "network-map-practical")
    panel = page.get_by_text("Hvad kan netværket?")
    panel.scroll_into_view_if_needed()
    screenshot(page, "network-panel")
