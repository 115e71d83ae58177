"""Measuring: query counts and render times in-process (Django test client), load over HTTP
(wrk)."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
WRK = "/usr/bin/wrk"

# wrk's --latency table has no p95; its Lua `done` hook can read any percentile.
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("SLIKRESULT %f %f %f %d %d %d\\n",
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    summary.requests, summary.duration, e.status + e.connect + e.read + e.write + e.timeout))
end
"""
RESULT = re.compile(r"SLIKRESULT (\S+) (\S+) (\S+) (\d+) (\d+) (\d+)")


@dataclass
class LoadResult:
    p50_ms: float
    p95_ms: float
    p99_ms: float
    requests: int
    rps: float
    errors: int


def count_queries(client, path: str, headers: dict | None = None) -> tuple[int, int]:
    """(status, queries) of one GET after a warm-up request (caches filled, as in production)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path, headers=headers)
    with CaptureQueriesContext(connection) as context:
        response = client.get(path, headers=headers)
    return response.status_code, len(context.captured_queries)


def render_ms(client, path: str, runs: int, headers: dict | None = None) -> float:
    """The fastest of `runs` GETs in-process, in ms, after a warm-up request: the page's own
    cost (middleware, view, queries, template) without the network, the server or queueing.
    The minimum, since on a shared machine every other figure includes other work."""
    client.get(path, headers=headers)
    fastest = float("inf")
    for _run in range(runs):
        started = time.perf_counter()
        client.get(path, headers=headers)
        fastest = min(fastest, time.perf_counter() - started)
    return fastest * 1000


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn on loopback with the bench settings; stopped by the pid we started."""

    def __init__(self, *, workers: int = 2, env: dict | None = None):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.bench", **(env or {})}
        self.process = subprocess.Popen(
            [str(GUNICORN), "config.wsgi", "-w", str(workers), "-b", f"127.0.0.1:{self.port}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def wait_ready(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(self.process.stderr.read().decode(errors="replace")[-2000:])
            try:
                with urllib.request.urlopen(self.base + "/helse/", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("gunicorn did not start in time")

    def status(self, path: str, headers: dict[str, str]) -> int:
        request = urllib.request.Request(self.base + path, headers=headers)
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            with opener.open(request, timeout=10) as response:
                return response.status
        except urllib.error.HTTPError as exc:
            return exc.code

    def worker_pids(self) -> list[int]:
        """The gunicorn workers: the children of the master we started."""
        return child_pids(self.process.pid)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()


def child_pids(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    try:
        return sorted(int(child) for child in children.read_text().split())
    except OSError:
        pass
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            # pid (comm) state ppid …; comm may hold spaces, so split after the last ")".
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return sorted(found)


@dataclass
class Memory:
    """A process's resident memory from /proc/<pid>/status, in MiB (peak: VmHWM)."""

    pid: int
    rss_mib: float
    peak_mib: float


def process_memory(pid: int | None = None) -> Memory | None:
    pid = pid or os.getpid()
    values = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            name, _sep, rest = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                values[name] = int(rest.split()[0]) / 1024  # kB → MiB
    except OSError:
        return None
    if "VmRSS" not in values:
        return None
    return Memory(pid=pid, rss_mib=values["VmRSS"], peak_mib=values.get("VmHWM", 0.0))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def run_wrk(
    url: str, headers: dict[str, str], *, threads: int, connections: int, duration: int
) -> LoadResult:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    try:
        completed = subprocess.run(
            [
                WRK,
                f"-t{threads}",
                f"-c{connections}",
                f"-d{duration}s",
                "--timeout",
                "5s",
                "--latency",
                "-s",
                script.name,
                *(arg for name, value in headers.items() for arg in ("-H", f"{name}: {value}")),
                url,
            ],
            capture_output=True,
            text=True,
            timeout=duration + 30,
            check=False,
        )
    finally:
        os.unlink(script.name)
    match = RESULT.search(completed.stdout)
    if match is None:
        sys.stderr.write(completed.stdout + completed.stderr)
        raise RuntimeError(f"wrk gave no result for {url}")
    p50, p95, p99, requests, duration_us, errors = match.groups()
    return LoadResult(
        p50_ms=float(p50) / 1000,
        p95_ms=float(p95) / 1000,
        p99_ms=float(p99) / 1000,
        requests=int(requests),
        rps=int(requests) / (int(duration_us) / 1_000_000),
        errors=int(errors),
    )
