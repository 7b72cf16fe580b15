"""A caseworker loads a damaged meeting file on the Meeting page and reads, in plain Danish, what is wrong; then
loads a good one and lands in its meeting."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from facilitation import services
from facilitation.storage import Database
from facilitation.storage.backup import dump_meeting
from tests.browser.conftest import screenshot, wait_for_app

pytestmark = pytest.mark.browser


def choose(page: Page, file: Path) -> None:
    """Pick a file and wait until it is uploaded and the page has run with it (a click before that finds none)."""
    with page.expect_response(lambda r: "/_stcore/upload_file" in r.url and r.request.method == "PUT"):
        page.locator("input[type=file]").set_input_files(str(file))
    expect(page.get_by_text(file.name)).to_be_visible()
    wait_for_app(page)


def test_a_damaged_meeting_file_is_explained_and_a_good_one_opens_as_a_new_case(
    app_server: str, page: Page, server_db: Database, tmp_path: Path
) -> None:
    page.goto(app_server)
    wait_for_app(page)
    expect(page).to_have_url(re.compile(r"[?&]m=\d+"), timeout=45_000)  # the root moves on to the demo meeting
    mid = int(re.search(r"[?&]m=(\d+)", page.url).group(1))  # type: ignore[union-attr]
    page.goto(f"{app_server}/moede?m={mid}")
    wait_for_app(page)
    expect(page.locator("h1")).to_contain_text("Familien Juhl", timeout=45_000)
    data = dump_meeting(server_db, mid, viewer="browser test")
    good, bad = tmp_path / "familien-juhl.json", tmp_path / "beskadiget.json"
    good.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    data["participants"][2]["ring"] = 7
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    cases = len(services.list_cases(server_db, viewer="browser test"))

    page.get_by_text("Indlæs en mødefil").click()
    choose(page, bad)
    page.get_by_role("button", name="Indlæs filen").click()
    error = page.get_by_role("alert").filter(has_text="deltager 3")
    expect(error).to_contain_text("deltager 3 »Birthe Juhl«: »ring« (Hvor tæt på barnet) skal være")
    expect(error).to_contain_text("ikke 7. Intet er gemt.")
    screenshot(page, "meeting-file-refused")
    assert len(services.list_cases(server_db, viewer="browser test")) == cases

    choose(page, good)
    page.get_by_role("button", name="Indlæs filen").click()
    expect(page).not_to_have_url(re.compile(rf"[?&]m={mid}\b"), timeout=45_000)
    wait_for_app(page)
    expect(page.locator("h1")).to_contain_text("Familien Juhl", timeout=45_000)
    assert len(services.list_cases(server_db, viewer="browser test")) == cases + 1
    screenshot(page, "meeting-file-loaded")
