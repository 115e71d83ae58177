"""The council report PDF of the benchmark, and the memory of the server's workers.

- The council report PDF for Oslo is made through the reports app's run service – a ReportRun
  rendered by the worker's task function (`render_report_run.call`) – in a fresh process, so the
  first run is what a newly started worker pays; then COUNCIL_RUNS more. The figure is the run's
  own `worker_seconds`. The process's peak memory is reported as the report worker's memory.

    python -m bench.portfolio council <org_slug>   # the child process; prints one JSON line
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass

from bench.measure import ROOT

COUNCIL_TARGET_S = 5.0
COUNCIL_RUNS = 3
COUNCIL_REPORT = "council_report"


@dataclass
class CouncilTiming:
    cases: int
    pages: int
    size_kb: float
    first_s: float
    median_s: float
    wall_median_s: float
    peak_mib: float
    error: str = ""

    @property
    def ok(self) -> bool:
        return not self.error and max(self.first_s, self.median_s) <= COUNCIL_TARGET_S


def time_council_report(org_slug: str) -> CouncilTiming | str:
    """Run the child process; a CouncilTiming, or the reason it could not be measured."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.bench"}
    completed = subprocess.run(
        [sys.executable, "-m", "bench.portfolio", "council", org_slug],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    lines = [line for line in completed.stdout.splitlines() if line.startswith("{")]
    if completed.returncode != 0 or not lines:
        output = (completed.stderr or completed.stdout).strip().splitlines()
        return output[-1] if output else f"exit status {completed.returncode}"
    return CouncilTiming(**json.loads(lines[-1]))


def council_line(timing: CouncilTiming | str | None) -> str:
    if timing is None:
        return "Council report PDF: not measured."
    if isinstance(timing, str):
        return f"Council report PDF: could not be made – {timing}"
    if timing.error:
        return f"Council report PDF: the run failed – {timing.error}"
    return (
        f"Council report PDF ({timing.cases} cases, {timing.pages} pages, "
        f"{timing.size_kb:.0f} KiB), worker seconds: first {timing.first_s:.2f} s (fresh "
        f"worker process), then median {timing.median_s:.2f} s of {COUNCIL_RUNS} (wall "
        f"{timing.wall_median_s:.2f} s); report worker peak memory (VmHWM) "
        f"{timing.peak_mib:.0f} MiB – target ≤ {COUNCIL_TARGET_S:.0f} s: "
        f"{'PASS' if timing.ok else 'FAIL'}"
    )


def memory_line(memory: list) -> str:
    if not memory:
        return "Memory per gunicorn worker after the load: not available."
    cells = ", ".join(
        f"pid {m.pid}: VmRSS {m.rss_mib:.0f} MiB (peak {m.peak_mib:.0f} MiB)" for m in memory
    )
    return f"Memory per gunicorn worker after the load: {cells}"


# --- the child process ----------------------------------------------------------------------


def _pdf_pages(path: str) -> int:
    completed = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=False)
    for line in completed.stdout.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0


def _one_run(org, user) -> tuple[float, float, int, int, str]:
    """(worker seconds, wall seconds, bytes, pages, error) of one council report run."""
    from django_scopes import scope

    from slik.reports.models import ReportRun
    from slik.reports.services import render_report_run

    with scope(organisation=org.pk):
        run = ReportRun.objects.create(
            organisation=org,
            report=COUNCIL_REPORT,
            file_format="pdf",
            parameters={"language": "nb"},
            requested_by=user,
        )
    started = time.perf_counter()
    render_report_run.call(run.pk, org.pk)
    wall = time.perf_counter() - started
    with scope(organisation=org.pk):
        run.refresh_from_db()
        size = pages = 0
        if run.file:
            size, pages = run.file.size, _pdf_pages(run.file.path)
            run.file.delete(save=False)
        run.delete()
    return run.worker_seconds or 0.0, wall, size, pages, run.error


def council_child(org_slug: str) -> int:
    from bench.generate import leader_email, setup_django
    from bench.measure import process_memory

    setup_django()
    from django_scopes import scopes_disabled

    from slik.accounts.models import User
    from slik.cases.models import Case
    from slik.organisations.models import Organisation

    org = Organisation.objects.get(slug=org_slug)
    user = User.objects.get(email=leader_email(org.number, 1))
    with scopes_disabled():
        cases = Case.objects.filter(organisation=org).count()
    runs = [_one_run(org, user) for _index in range(COUNCIL_RUNS + 1)]
    memory = process_memory()
    result = {
        "cases": cases,
        "pages": runs[-1][3],
        "size_kb": runs[-1][2] / 1024,
        "first_s": runs[0][0],
        "median_s": statistics.median(run[0] for run in runs[1:]),
        "wall_median_s": statistics.median(run[1] for run in runs[1:]),
        "peak_mib": memory.peak_mib if memory else 0.0,
        "error": next((run[4] for run in runs if run[4]), ""),
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "council":
        sys.exit(council_child(sys.argv[2]))
    sys.exit(__doc__)
