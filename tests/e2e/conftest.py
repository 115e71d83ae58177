"""Browser journeys: Debian's Chromium driven by Playwright against pytest-django's live server.

Every page a journey visits is checked with axe-core (WCAG 2.1 A/AA) and photographed into
test-artifacts/. Checks are not left to memory: the page's `load` events are counted and a
test fails when a loaded page was never checked, so a journey cannot slip past a page.
Pages changed by htmx are checked by calling `assert_accessible(page)` once they have settled.
Each check waits until every chart on the page has been drawn (slik.js marks each chart
container `data-chart="rendered"`), then runs axe at the journey's width (1280 px) and again at
320 px, where the page must also reflow without horizontal scrolling (WCAG 1.4.10).

Deterministic on a loaded machine: the journeys wait for states (Playwright's auto-waiting
`expect`, a navigation, a response), never for a fixed time; the timeouts are generous, since a
busy machine only makes waiting longer. The live server answers one request at a time, as a
sync worker does: with SQLite the tests share one in-memory connection between the server and
the test, which must never run two queries at once (Django's documentation of
LiveServerTestCase), and a browser fetching several htmx fragments at once would do just that.
For the same reason a query of the test itself waits while the server handles a request (a
panel the page loads after itself, say), and after each test the fixture waits for the
server's last request before the database is reset.
"""

import os
import re
import threading
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest
from django.conf import settings
from django.core.servers.basehttp import WSGIServer
from django.db import connections
from django.test.testcases import LiveServerThread
from playwright.sync_api import expect, sync_playwright
from pytest_django.live_server_helper import LiveServer

from conftest import PASSWORD

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # A busy machine must not make Chromium slow down timers or pages it deems in the background.
    "--disable-background-timer-throttling",
    "--disable-renderer-backgrounding",
]
AXE_JS = Path(settings.NODE_MODULES) / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
# For every action, navigation and `expect`: a state that is right arrives well within this
# even when other test suites share the cores; a state that is wrong fails after it.
TIMEOUT_MS = 30_000
expect.set_options(timeout=TIMEOUT_MS)

# The journey's own width, and the narrowest width every page must reflow to (WCAG 1.4.10:
# 320 CSS px, a 1280 px window at 400 % zoom).
WIDE, NARROW, HEIGHT = 1280, 320, 900
CHARTS_PENDING = """() => [...document.querySelectorAll('[data-vega-spec]')]
  .filter(el => !['rendered', 'failed'].includes(el.dataset.chart)).length"""
CHARTS_FAILED = """() => [...document.querySelectorAll('[data-vega-spec][data-chart=failed]')]
  .map(el => el.dataset.vegaSpec)"""
CHARTS_FIT = """() => [...document.querySelectorAll('.slik-chart svg')]
  .every(svg => svg.getBoundingClientRect().right <= document.documentElement.clientWidth + 1)"""
CHART_REFLOW_S = 5
# slik.js sets data-viewport in its resize handler, after it has refitted the scroll regions.
FITTED_TO = "(width) => document.documentElement.dataset.viewport === String(width)"
WIDER_THAN = """(width) => [...document.querySelectorAll('body *')]
  .filter(el => el.getBoundingClientRect().right > width + 1
    && !el.closest('.slik-table-wrap, .slik-scroll'))
  .slice(0, 5)
  .map(el => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}`
    + `${typeof el.className === 'string' && el.className ? '.' + el.className : ''}`
    + ` (right edge ${Math.round(el.getBoundingClientRect().right)} px)`)"""
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
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=TIMEOUT_MS
        )
        yield browser
        browser.close()


def _no_favicon(app):
    """The browser asks for /favicon.ico by itself after a page has loaded, at a moment no test
    waits for; answered here, it never reaches Django (nor the shared database connection)."""

    def application(environ, start_response):
        if environ.get("PATH_INFO") == "/favicon.ico":
            start_response("204 No Content", [])
            return [b""]
        return app(environ, start_response)

    return application


class SerialWSGIServer(WSGIServer):
    """One request at a time, in the server thread; `wait_idle` waits for the one running."""

    # The browser opens several connections at once; they wait in the backlog, not refused.
    request_queue_size = 64

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.busy = threading.Lock()

    def set_app(self, application):
        super().set_app(_no_favicon(application))

    def process_request(self, request, client_address):
        with self.busy:
            super().process_request(request, client_address)

    def close_request(self, request):
        connections.close_all()  # as Django's threaded server does after each request
        super().close_request(request)

    @contextmanager
    def idle(self):
        """Hold off the next request while the block runs, once the current one is done."""
        assert self.busy.acquire(timeout=TIMEOUT_MS / 1000), "the live server did not finish"
        try:
            yield
        finally:
            self.busy.release()

    def wait_idle(self) -> None:
        with self.idle():
            pass


class SerialLiveServerThread(LiveServerThread):
    server_class = SerialWSGIServer


class SerialLiveServer(LiveServer):
    def __init__(self, addr: str):
        super().__init__(addr, start=False)
        thread = self.thread
        self.thread = SerialLiveServerThread(
            thread.host,
            thread.static_handler,
            connections_override=thread.connections_override,
            port=thread.port,
        )
        self.thread.daemon = True
        self.start()

    def wait_idle(self) -> None:
        self.thread.httpd.wait_idle()

    @contextmanager
    def queries_between_requests(self):
        """Every query of the test waits while the server handles a request: the page may
        still be loading a panel when a test reads the database, and with SQLite both use
        the same connection (with PostgreSQL the test would read before the request commits)."""
        server_thread, httpd = self.thread, self.thread.httpd

        def between_requests(execute, sql, params, many, context):
            if threading.current_thread() is server_thread:
                return execute(sql, params, many, context)
            with httpd.idle():
                return execute(sql, params, many, context)

        with ExitStack() as stack:
            for connection in connections.all():
                stack.enter_context(connection.execute_wrapper(between_requests))
            yield


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, answering one request at a time (see the module doc)."""
    addr = (
        request.config.getvalue("liveserver")
        or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS")
        or "localhost"
    )
    server = SerialLiveServer(addr)
    yield server
    server.stop()


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
        self.checked = len(self.loads)
        try:
            self._wait_for_charts()
            violations = page.evaluate(AXE_RUN, AXE_TAGS)
            self.screenshot(label)
            assert not violations, _describe(page.url, violations)
            self._resize(NARROW)
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            wider = page.evaluate(WIDER_THAN, NARROW)
            violations = page.evaluate(AXE_RUN, AXE_TAGS)
            self.screenshot(f"{label or 'page'}-{NARROW}")
            assert scroll_width <= NARROW, (
                f"{page.url} scrolls sideways at {NARROW} px: {scroll_width} px wide; {wider}"
            )
            assert not violations, f"At {NARROW} px: " + _describe(page.url, violations)
        finally:
            self._resize(WIDE)

    def _wait_for_charts(self) -> None:
        page = self.page
        wait_until(page, lambda: page.evaluate(CHARTS_PENDING) == 0, "charts were never drawn")
        failed = page.evaluate(CHARTS_FAILED)
        assert not failed, f"Charts failed to draw on {page.url}: {failed}"

    def _resize(self, width: int) -> None:
        page = self.page
        if page.viewport_size["width"] == width:
            return
        page.set_viewport_size({"width": width, "height": HEIGHT})
        wait_until(
            page,
            lambda: page.evaluate(FITTED_TO, width),
            f"slik.js never saw the window resized to {width} px",
        )
        self._wait_for_charts()
        # Charts as wide as their container are redrawn by Vega after the window's resize
        # event; one that never fits is reported by the width check that follows.
        deadline = time.monotonic() + CHART_REFLOW_S
        while not page.evaluate(CHARTS_FIT) and time.monotonic() < deadline:
            page.wait_for_timeout(20)

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
        base_url=live_server.url, locale="nb-NO", viewport={"width": WIDE, "height": HEIGHT}
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    name = re.sub(r"[^a-z0-9]+", "-", request.node.name.lower()).strip("-")
    for old_shot in ARTIFACTS.glob(f"{name}-*"):
        old_shot.unlink()
    checks = PageChecks(page, name)
    _CHECKS[id(page)] = checks
    with live_server.queries_between_requests():
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
        live_server.wait_idle()


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


def wait_until(page, condition, message: str) -> None:
    """Let the page run (its event and route handlers run only while Playwright waits) until
    `condition()` holds; fail with `message` after TIMEOUT_MS."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while not condition():
        assert time.monotonic() < deadline, message
        page.wait_for_timeout(20)


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
