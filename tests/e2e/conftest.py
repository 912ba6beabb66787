"""Browser journeys: Playwright driving Debian's Chromium against the live server.

Chromium is never downloaded: we launch /usr/bin/chromium. Where it is
missing the journeys skip with the reason, except under CI, where a missing
browser is a failure.
"""

import os
import re
import shutil
import threading
import time
from pathlib import Path

import pytest

from demo.build import demo_site_build

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).parent / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        reason = f"Chromium not found at {CHROMIUM}: install Debian's chromium package to run browser journeys"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls
    # the tests make between browser steps are ordinary synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture(autouse=True)
def site_base_url(settings, live_server):
    """The configured base URL emails link to is where the journey's server runs (lms/site.py)."""
    settings.WAGTAILADMIN_BASE_URL = live_server.url


@pytest.fixture(autouse=True)
def server_idle(transactional_db, live_server):
    """After a journey, wait for the live server to finish the requests still in flight.

    Closing a page does not wait for what it sent last (Wagtail's editor releases its editing
    session with a beacon as it unloads); a request still writing when the test database is
    flushed makes the flush fail. Set up after the database, so this runs before its flush.
    """
    yield
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(
        "process_request_thread" in thread.name for thread in threading.enumerate()
    ):
        time.sleep(0.05)


@pytest.fixture
def demo_site(transactional_db):
    # Transactional tests flush the database, so the site is rebuilt each time; the journey that
    # needs the 2019 program (the dashboard's) builds it itself.
    return demo_site_build(with_history=False)


def _context(browser, **options):
    context = browser.new_context(locale="en-US", **options)
    context.set_default_timeout(15_000)
    return context


@pytest.fixture
def page(browser, live_server, demo_site):
    context = _context(browser, viewport={"width": 1280, "height": 900}, base_url=live_server.url)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone(browser, live_server, demo_site):
    context = _context(
        browser,
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        base_url=live_server.url,
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot(request):
    """screenshot(page, "step-name") saves tests/e2e/screenshots/<test>-NN-step-name.png."""
    SCREENSHOTS.mkdir(exist_ok=True)
    counter = {"n": 0}
    test_name = re.sub(r"[^\w-]+", "_", request.node.name)

    def take(page, step):
        counter["n"] += 1
        path = SCREENSHOTS / f"{test_name}-{counter['n']:02d}-{step}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
