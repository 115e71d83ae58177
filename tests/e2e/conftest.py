"""Browser journeys: Debian's Chromium driven by Playwright against pytest-django's live server.

Every page a journey visits is checked with axe-core (WCAG 2.1 A/AA) and photographed into
test-artifacts/. Checks are not left to memory: the page's `load` events are counted and a
test fails when a loaded page was never checked, so a journey cannot slip past a page.
Pages changed by htmx are checked by calling `assert_accessible(page)` once they have settled.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import expect, sync_playwright

from conftest import PASSWORD

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_JS = Path(settings.NODE_MODULES) / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
TIMEOUT_MS = 10_000

AXE_RUN = """async (tags) => {
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: tags}, resultTypes: ["violations"],
  });
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map(n => n.target.join(" ")).slice(0, 10),
  }));
}"""


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    for item in items:
        if "/tests/e2e/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"The browser tests need Chromium at {CHROMIUM}: run `make chromium`.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageChecks:
    """The accessibility bookkeeping of one page: loads seen, loads checked, shots taken."""

    def __init__(self, page, name: str):
        self.page = page
        self.name = name
        self.loads: list[str] = []
        self.checked = 0
        self.shots = 0
        page.on("load", lambda *_: self.loads.append(page.url))
        # The Content Security Policy is on in tests too: anything it blocks fails the journey.
        self.csp_violations: list[str] = []
        page.on("console", lambda message: self._note_csp(message.text))
        page.on("pageerror", lambda error: self._note_csp(str(error)))

    def _note_csp(self, text: str) -> None:
        if "Content Security Policy" in text or "unsafe-eval" in text:
            self.csp_violations.append(f"{self.page.url}: {text}")

    def unchecked(self) -> list[str]:
        return self.loads[self.checked : -1] if len(self.loads) - self.checked > 1 else []

    def check(self, label: str = "") -> None:
        page = self.page
        page.wait_for_load_state("load")
        missed = self.unchecked()
        if missed:
            self.checked = len(self.loads)  # reported once; the test fails here anyway
        assert not missed, f"Pages loaded without an accessibility check: {missed}"
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            # Evaluated through the DevTools protocol: a <script> tag would be inline script,
            # which the page's Content Security Policy (rightly) refuses.
            page.evaluate(AXE_JS.read_text() + "\n;undefined")
        violations = page.evaluate(AXE_RUN, AXE_TAGS)
        self.checked = len(self.loads)
        self.screenshot(label)
        assert not violations, _describe(page.url, violations)

    def screenshot(self, label: str) -> None:
        self.shots += 1
        slug = re.sub(r"[^a-z0-9]+", "-", (label or self.page.url.split("/", 3)[-1]).lower())
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{self.name}-{self.shots:02d}-{slug.strip('-') or 'root'}.jpg"
        self.page.screenshot(path=str(path), full_page=True, type="jpeg", quality=70)


def _describe(url: str, violations: list[dict]) -> str:
    lines = [f"{len(violations)} accessibility violation(s) on {url}:"]
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}")
        lines.extend(f"    at {target}" for target in v["targets"])
    return "\n".join(lines)


_CHECKS: dict[int, PageChecks] = {}


@pytest.fixture
def page(browser, live_server, transactional_db, request):
    """A fresh browser context per test, aimed at the live server."""
    context = browser.new_context(
        base_url=live_server.url, locale="nb-NO", viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    name = re.sub(r"[^a-z0-9]+", "-", request.node.name.lower()).strip("-")
    for old_shot in ARTIFACTS.glob(f"{name}-*"):
        old_shot.unlink()
    checks = PageChecks(page, name)
    _CHECKS[id(page)] = checks
    yield page
    del _CHECKS[id(page)]
    failed = getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed
    try:
        if failed:
            checks.screenshot("failure")
        else:
            page.wait_for_load_state("load")
            pending = checks.loads[checks.checked :]
            assert not pending, f"Pages loaded without an accessibility check: {pending}"
            assert not checks.csp_violations, "\n".join(checks.csp_violations)
    finally:
        context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.rep_call = report
    return report


def assert_accessible(page, label: str = "") -> None:
    """Run axe-core on the page as it is now; fail listing each violation. Takes a screenshot."""
    _CHECKS[id(page)].check(label)


def take_csp_violations(page) -> list[str]:
    """The CSP violations seen so far on `page`, cleared (for the harness's own test)."""
    violations = _CHECKS[id(page)].csp_violations
    taken, violations[:] = list(violations), []
    return taken


def visit(page, path: str, label: str = "") -> None:
    """Go to `path` on the live server and check the page."""
    page.goto(path)
    assert_accessible(page, label)


def follow(page, action, label: str = "") -> None:
    """Do `action` (a click, a key press) that loads a new page; wait for it and check it."""
    with page.expect_navigation(wait_until="load"):
        action()
    assert_accessible(page, label)


def login(page, user, password: str = PASSWORD) -> None:
    """Sign in through the real login form and land on the user's start page."""
    visit(page, "/konto/logg-inn/", "login")
    page.locator("#id_username").fill(user.email)
    page.locator("#id_password").fill(password)
    follow(page, lambda: page.locator("main form button[type=submit]").click(), "signed-in")
    expect(page.locator("form[action$='/konto/logg-ut/']")).to_be_visible()


def logout(page) -> None:
    follow(page, lambda: page.locator("form[action$='/konto/logg-ut/'] button").click(), "out")
    expect(page.locator("#id_username")).to_be_visible()
