"""`make run` is the whole product on one machine: scripts/run-server, started as `make run
PORT=…` starts it, on a fresh SQLite file with the demo loaded, serves the pages, finishes an
ordered council report, creates the due measurement reminders by itself, and one Ctrl-C
(SIGINT to its process group, as a terminal sends it) stops every process it started.

Real processes and a real database file; nothing here runs inside pytest's own database.
"""

from __future__ import annotations

import datetime
import http.cookiejar
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from slik.demo.accounts import DEMO_PASSWORD

ROOT = Path(settings.BASE_DIR)
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").exists() else sys.executable
COORDINATOR = "koordinator@hvaler.demo.slik.no"
REPORT_SECONDS = 60
START_SECONDS = 90
# `make run` always uses the embedded SQLite file, whatever database the suite runs on: the
# PostgreSQL pass of `make test` would only run the same two minutes again.
pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="make run uses the embedded SQLite; checked in the SQLite pass",
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _environment(var_dir: Path) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.local",
        DATABASE_URL="",  # the embedded SQLite file in SLIK_VAR_DIR, as `make run` uses
        SLIK_VAR_DIR=str(var_dir),
        SLIK_DEMO="true",
        # Without the national register the demo loads in seconds; the journey is the same.
        SLIK_SHARED_DATA=str(var_dir / "no-shared-data"),
        PYTHONUNBUFFERED="1",
    )
    env.pop("SITE_URL", None)
    return env


def _manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def _children(pid: int) -> set[int]:
    """Every process below `pid` now (from /proc)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, todo = set(), [pid]
    while todo:
        current = todo.pop()
        for child, parent in parents.items():
            if parent == current and child not in found:
                found.add(child)
                todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _using(marker: str) -> list[int]:
    """Processes whose environment names our var directory: any left would be orphans."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and int(entry.name) != os.getpid():
            try:
                if marker.encode() in (entry / "environ").read_bytes() and _alive(int(entry.name)):
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


class Browser:
    """Just enough of a browser: cookies, CSRF tokens, redirects."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str) -> tuple[int, str]:
        try:
            with self.opener.open(self.base + path, timeout=30) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")

    def post(self, path: str, form_page: str, data: dict) -> tuple[int, str, str]:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form_page).group(1)
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(
            self.base + path, data=body, headers={"Referer": self.base + path}
        )
        with self.opener.open(request, timeout=60) as response:
            return response.status, response.geturl(), response.read().decode("utf-8", "replace")

    def login(self, email: str) -> None:
        _status, page = self.get("/konto/logg-inn/")
        _status, _url, page = self.post(
            "/konto/logg-inn/", page, {"username": email, "password": DEMO_PASSWORD}
        )
        assert "/konto/logg-ut/" in page, f"{email} could not sign in"


def _wait_until_served(base: str, process, log: Path) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        assert process.poll() is None, f"run-server stopped:\n{log.read_text()[-3000:]}"
        try:
            with urllib.request.urlopen(base + "/konto/logg-inn/", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    pytest.fail(f"Nothing served at {base} after {START_SECONDS} s:\n{log.read_text()[-3000:]}")


@pytest.fixture
def demo_var(tmp_path):
    var_dir = tmp_path / "var"
    var_dir.mkdir()
    env = _environment(var_dir)
    _manage(env, "migrate", "--noinput", "-v", "0")
    _manage(env, "load_demo")
    return var_dir, env


def test_make_run_serves_reports_reminders_and_stops_on_one_ctrl_c(demo_var):
    var_dir, env = demo_var
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = var_dir / "run-server.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            ["scripts/run-server", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, as a terminal's foreground job
        )
    try:
        _wait_until_served(base, process, log)
        children = _children(process.pid)

        # The page is served.
        browser = Browser(base)
        browser.login(COORDINATOR)
        org = re.search(r'href="/k/([^/"]+)/"', browser.get("/")[1]).group(1)
        status, reports_page = browser.get(f"/k/{org}/rapporter/")
        assert status == 200

        # An ordered council report is made by the worker, with no second command.
        _status, detail_url, _page = browser.post(
            f"/k/{org}/rapporter/bestill/",
            reports_page,
            {"key": "council_report", "file_format": "pdf"},
        )
        detail = urllib.parse.urlparse(detail_url).path
        assert re.fullmatch(rf"/k/{org}/rapporter/\d+/", detail), detail_url
        deadline = time.monotonic() + REPORT_SECONDS
        state = None
        while time.monotonic() < deadline:
            state = re.search(r'id="run-status"[^>]*data-status="(\w+)"', browser.get(detail)[1])
            if state and state.group(1) in ("done", "failed"):
                break
            time.sleep(1)
        assert state and state.group(1) == "done", (
            f"report not done in {REPORT_SECONDS} s:\n{log.read_text()[-3000:]}"
        )
        with browser.opener.open(base + detail + "last-ned/", timeout=30) as response:
            assert response.read(5) == b"%PDF-"

        # The measurement reminders ran by themselves: a due task exists and its assignee sees
        # it under «Mine målinger».
        horizon = (datetime.date.today() + datetime.timedelta(days=7)).isoformat()
        task = None
        deadline = time.monotonic() + REPORT_SECONDS
        while task is None and time.monotonic() < deadline:
            with sqlite3.connect(var_dir / "slik.sqlite3", timeout=10) as db:
                task = db.execute(
                    "SELECT t.id, u.email FROM benefits_measurementtask t "
                    "JOIN accounts_user u ON u.id = t.assignee_id "
                    "WHERE t.status = 'open' AND t.due_on <= ? ORDER BY t.due_on LIMIT 1",
                    (horizon,),
                ).fetchone()
            if task is None:
                time.sleep(1)
        assert task is not None, f"no measurement reminder after start:\n{log.read_text()[-3000:]}"
        responsible = Browser(base)
        responsible.login(task[1])
        status, tasks_page = responsible.get(f"/k/{org}/gevinster/oppgaver/")
        assert status == 200 and f'data-task-id="{task[0]}"' in tasks_page

        # One Ctrl-C stops everything it started.
        children |= _children(process.pid)
        assert len(children) >= 3, children  # server, worker, scheduled jobs
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=60)
        time.sleep(0.5)
        assert [pid for pid in children if _alive(pid)] == []
        assert _using(str(var_dir)) == []
        with socket.socket() as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as a server binds
            sock.bind(("127.0.0.1", port))  # the port is free again
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        for pid in _using(str(var_dir)):
            os.kill(pid, signal.SIGKILL)


def test_a_taken_port_is_named_and_nothing_is_left_running(tmp_path):
    var_dir = tmp_path
    env = _environment(var_dir)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            ["scripts/run-server", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode != 0
    assert f"make run PORT={port + 1}" in result.stderr
    assert _using(str(var_dir)) == []
