"""Sign-in with the municipality's identity provider, for real: st.login against an OIDC provider on loopback.

The provider is `oidc-provider-mock` (started here as a process on 127.0.0.1, requiring a nonce); the app runs under
`streamlit run` with an `[auth]` secrets file in a temporary folder. Nothing patches st.user: Chromium goes
through the provider's login page and back through /oauth2callback, as a caseworker would.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from facilitation.demo import first_meeting_or_demo
from facilitation.domain.access import MemberRole
from facilitation.services import accounts, members
from facilitation.services import meetings as meeting_services
from facilitation.storage import open_database
from tests.browser.conftest import _free_port, running_app, screenshot, stop, wait_for_app

pytestmark = pytest.mark.browser

CASEWORKER_NAME = "Rikke Sørensen"
CASEWORKER_EMAIL = "rikke.soerensen@kommune.test"  # the mock's e-mail claim is the `sub` typed on its page
STRANGER_EMAIL = "ukendt@kommune.test"  # signs in at the provider but has no account here
SIGNIN_TITLE = "Log ind på Mødetavlen"
OIDC_BUTTON = "Log ind med kommunens login"
OPERATOR = "operator"  # the server's operator (an Actor by name) sets the test's data up
DEMO_CASE = re.compile(r"^Familien Juhl \(demo\)")  # the sidebar's case: "family · child"
RECORD_NAMES = ["Juhl", "Alma"]  # the demo family and child


@pytest.fixture(scope="module")
def oidc_provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """oidc-provider-mock on 127.0.0.1 (a free port), refusing authorization requests without a nonce.

    Its own process: the test run turns warnings into errors, and Authlib warns inside the provider's
    token endpoint (a 500 if it ran in this process).
    """
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = (tmp_path_factory.mktemp("oidc-provider") / "provider.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1", "--port", str(port),
         "--require-nonce", "true"],
        stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        _wait_for_provider(url, process)
        yield url
    finally:
        stop(process)
        log.close()


def _wait_for_provider(url: str, process: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"oidc-provider-mock exited early with code {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/.well-known/openid-configuration", timeout=1) as response:
                if json.load(response).get("issuer") == url:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"oidc-provider-mock did not answer at {url}")


@pytest.fixture(scope="module")
def oidc_app(oidc_provider: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`streamlit run app.py` with `[auth]` pointing at the provider; its database holds the demo case
    and one caseworker account (e-mail CASEWORKER_EMAIL) that is a member of it. Yields the app's URL."""
    data = tmp_path_factory.mktemp("oidc-data")
    db = open_database(f"sqlite:///{data / 'moedetavlen.sqlite3'}")
    try:
        meeting_id = first_meeting_or_demo(db, viewer=OPERATOR)  # makes the demo case on an empty database
        assert meeting_id is not None
        case_id = meeting_services.get_meeting(db, meeting_id, viewer=OPERATOR).case_id
        caseworker = accounts.create_account(db, CASEWORKER_NAME, CASEWORKER_EMAIL, None)  # provider sign-in only
        members.add_member(db, OPERATOR, case_id, caseworker.id, MemberRole.PRIMARY.value)
    finally:
        db.dispose()

    port = _free_port()
    secrets = tmp_path_factory.mktemp("oidc-secrets") / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        f'cookie_secret = "{os.urandom(24).hex()}"\n'
        'client_id = "moedetavlen-test"\n'
        'client_secret = "moedetavlen-test-secret"\n'
        f'server_metadata_url = "{oidc_provider}/.well-known/openid-configuration"\n',
        encoding="utf-8",
    )
    with running_app(data, "--browser.serverAddress", "127.0.0.1", "--secrets.files", str(secrets), port=port) as url:
        yield url


def fresh(browser: Browser) -> tuple[BrowserContext, Page]:
    """A browser that has never signed in."""
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="da-DK")
    page = context.new_page()
    page.set_default_timeout(45_000)  # two shared cores: the app server, the provider and Chromium
    return context, page


def all_text(page: Page) -> str:
    """Everything the page and its frames show."""
    return "\n".join(frame.locator("body").inner_text() for frame in page.frames if frame.url != "about:blank")


def assert_sign_in_page_without_names(page: Page) -> None:
    expect(page.get_by_role("heading", name=SIGNIN_TITLE)).to_be_visible()
    wait_for_app(page)
    text = all_text(page)
    assert "Logget ind som" not in text
    assert not [name for name in RECORD_NAMES if name in text], text[:400]


def provider_login(page: Page, app_url: str, provider_url: str, email: str) -> None:
    """From the app's sign-in page through the provider's login page and back to the app."""
    page.get_by_role("button", name=OIDC_BUTTON).click()
    page.wait_for_url(f"{provider_url}/oauth2/authorize*")
    assert "nonce=" in page.url  # Streamlit sends one; the provider was started requiring it
    page.fill("input[name=sub]", email)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{app_url}/")


def end_session_at_provider(page: Page, app_url: str, provider_url: str) -> None:
    """st.logout goes on to the provider's end-session page (the mock has one): confirm it, back to the app."""
    page.wait_for_url(f"{provider_url}/oauth2/end_session*")
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(f"{app_url}/")


def test_a_caseworker_signs_in_at_the_provider_stays_signed_in_and_sign_out_ends_every_tab(
    browser: Browser, oidc_provider: str, oidc_app: str
) -> None:
    context, page = fresh(browser)
    try:
        page.goto(oidc_app)
        assert_sign_in_page_without_names(page)

        provider_login(page, oidc_app, oidc_provider, CASEWORKER_EMAIL)
        expect(page.get_by_role("heading", name="Hvorfor åbner du sagen?")).to_be_visible()
        page.get_by_text("Møde", exact=True).click()  # the purpose "Møde" (the meeting)
        page.get_by_role("button", name="Fortsæt").click()
        sidebar = page.locator("[data-testid='stSidebar']")
        expect(sidebar.get_by_text(f"Logget ind som {CASEWORKER_NAME}")).to_be_visible()
        expect(sidebar.get_by_role("combobox", name="Sag")).to_have_value(DEMO_CASE)  # she is a member of it
        wait_for_app(page)
        screenshot(page, "oidc-signed-in")

        page.reload()  # the provider's login is in Streamlit's cookie; the purpose is kept with the session
        expect(sidebar.get_by_text(f"Logget ind som {CASEWORKER_NAME}")).to_be_visible()
        expect(sidebar.get_by_role("combobox", name="Sag")).to_have_value(DEMO_CASE)

        other = context.new_page()
        other.set_default_timeout(45_000)
        other.goto(oidc_app)
        other_sidebar = other.locator("[data-testid='stSidebar']")
        expect(other_sidebar.get_by_text(f"Logget ind som {CASEWORKER_NAME}")).to_be_visible()
        wait_for_app(other)

        page.get_by_role("button", name="Log ud").click()
        # The other tab still holds the provider's login in memory; the gate's 3 s check ends it, no reload.
        expect(other.get_by_role("heading", name=SIGNIN_TITLE)).to_be_visible(timeout=30_000)
        assert not [name for name in RECORD_NAMES if name in all_text(other)]

        end_session_at_provider(page, oidc_app, oidc_provider)
        assert_sign_in_page_without_names(page)
        other.reload()
        assert_sign_in_page_without_names(other)
    finally:
        context.close()


def test_a_provider_login_without_an_account_is_refused(
    browser: Browser, oidc_provider: str, oidc_app: str
) -> None:
    context, page = fresh(browser)
    try:
        page.goto(oidc_app)
        wait_for_app(page)
        provider_login(page, oidc_app, oidc_provider, STRANGER_EMAIL)
        assert_sign_in_page_without_names(page)  # the provider said yes; Mødetavlen has no account for her
        page.reload()
        assert_sign_in_page_without_names(page)
    finally:
        context.close()
