"""The Content-Security-Policy in a real browser: pages work and nothing is blocked.

The policy is on in every settings module (base settings), so the live server sends it here as in
production. Any blocked script, style, image or frame is reported by Chromium both as a
`securitypolicyviolation` event and as a console error; either fails the journey.
"""

import pytest

from courses.models import LessonPage
from demo.build import DEMO_LOGINS
from tests.e2e.steps import log_in

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI} at ${where}`);
});
window.print = () => { window.__printed = (window.__printed || 0) + 1; };
"""


@pytest.fixture
def watched(page):
    """The page, recording CSP violations (events and console messages) and every policy header."""
    console = []
    headers = {}
    page.on(
        "console",
        lambda message: console.append(message.text) if "Content Security Policy" in message.text else None,
    )
    page.on(
        "response",
        lambda response: (
            headers.__setitem__(response.url, response.headers.get("content-security-policy"))
            if response.request.resource_type == "document"
            else None
        ),
    )
    page.add_init_script(RECORD_VIOLATIONS)

    def visit(url):
        page.goto(url)
        page.wait_for_load_state("networkidle")
        return page

    def violations():
        return console + page.evaluate("window.__cspViolations")

    visit.page = page
    visit.violations = violations
    visit.headers = headers
    return visit


def _policy_of(headers, path):
    return next(value for url, value in headers.items() if url.split("?")[0].endswith(path))


def test_site_and_login_run_under_the_strict_policy(watched):
    page = watched("/")
    assert page.locator("main").is_visible()
    assert watched.violations() == []
    home_policy = _policy_of(watched.headers, "/")
    assert "script-src 'self'" in home_policy and "unsafe-inline" not in home_policy

    lesson = LessonPage.objects.live().first()
    watched(lesson.url)
    assert page.get_by_role("heading", name=lesson.title).first.is_visible()
    assert watched.violations() == []

    watched("/tai-khoan/login/")
    assert page.get_by_label("Email").is_visible()
    assert watched.violations() == []
    assert "unsafe-inline" not in _policy_of(watched.headers, "/tai-khoan/login/")


def test_staff_sign_in_and_use_the_admin_without_violations(watched):
    page = watched.page
    administrator = next(login for login in DEMO_LOGINS if login.email.startswith("quantri"))
    log_in(page, administrator.email)
    page.wait_for_url("**/admin/")
    page.wait_for_load_state("networkidle")
    assert page.locator("#main, main").first.is_visible()
    assert watched.violations() == []
    admin_policy = _policy_of(watched.headers, "/admin/")
    assert "'unsafe-eval'" not in admin_policy and "object-src 'none'" in admin_policy

    # The program dashboard's print button works from static/js/print.js (no onclick handler).
    watched("/admin/dashboard/")
    page.get_by_role("button", name="In").or_(page.get_by_role("button", name="Print")).first.click()
    assert page.evaluate("window.__printed") == 1
    assert watched.violations() == []

    # The page editor: StreamField, choosers and Wagtail's own inline scripts all run.
    lesson = LessonPage.objects.live().first()
    watched(f"/admin/pages/{lesson.pk}/edit/")
    assert page.locator("#id_title").input_value() == lesson.title
    assert watched.violations() == []
