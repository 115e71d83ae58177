"""docs/performance.md from one benchmark run: the figures, the machine and the date."""

from __future__ import annotations

import os
import platform
import sqlite3
import subprocess
from pathlib import Path

from bench.benefits import PDF_RUNS, PDF_TARGET_S, pdf_line
from bench.data_version import DATA_VERSION
from bench.generate import (
    BENEFITS_PER_CASE,
    CASES_PER_ORG,
    FLOKER_PER_ORG,
    INDICATORS_PER_BENEFIT,
    LEADERS_PER_ORG,
    MEASUREMENTS_PER_INDICATOR,
)
from bench.generate_portfolio import PORTFOLIO_CASES, SMALL_CASES
from bench.generate_steering import (
    AGENDA_ITEMS,
    COMMISSIONS_PER_30,
    GOALS_PER_30,
    MEETINGS_PER_30,
    RUNS_PER_30,
)
from bench.measure import ROOT, WRK
from bench.portfolio import COUNCIL_RUNS, COUNCIL_TARGET_S, council_line, memory_line
from bench.results import (
    P95_TARGET_MS,
    RATIO_TARGET,
    RENDER_TARGET_MS,
    missed_line,
    verdict,
)

DOC = ROOT / "docs" / "performance.md"


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                return f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB RAM"
    except OSError:
        pass
    return "unknown RAM"


def _wrk_version() -> str:
    completed = subprocess.run([WRK, "-v"], capture_output=True, text=True, check=False)
    return (completed.stdout or completed.stderr).splitlines()[0].split(" [")[0]


def machine() -> str:
    import django

    return (
        f"{_cpu()}, {os.cpu_count()} cores, {_memory()}; {platform.system()} "
        f"{platform.release()}; Python {platform.python_version()}, Django {django.__version__}, "
        f"SQLite {sqlite3.sqlite_version}; {_wrk_version()}"
    )


def _fmt(value, pattern: str) -> str:
    return pattern.format(value) if value is not None else "–"


def _table(table) -> list[str]:
    lines = [
        "| page | path | p50 ms | p95 ms | req/s | ratio | render ms | queries 1× "
        "| queries 10× | result |",
        "|---|---|" + "---:|" * 7 + "---|",
    ]
    for row in table:
        load = row.get("load")
        queries = row.get("queries") or (None, None)
        checks = ", ".join(f"{label} {verdict(ok)}" for label, ok in row["checks"])
        cells = [
            row["name"],
            f"`{row['path']}`",
            _fmt(load and load.p50_ms, "{:.1f}"),
            _fmt(load and load.p95_ms, "{:.1f}"),
            _fmt(load and load.rps, "{:.0f}"),
            _fmt(row.get("ratio"), "{:.2f}"),
            _fmt(row.get("render_ms"), "{:.1f}"),
            *(_fmt(q, "{}") for q in queries),
            " ".join(filter(None, [checks, row["note"]])),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _database() -> str:
    from django.conf import settings

    database = settings.DATABASES["default"]
    return f"{database['ENGINE'].rsplit('.', 1)[-1]} `{database['NAME']}`"


def _measurement_count() -> int:
    return (
        357
        * CASES_PER_ORG
        * BENEFITS_PER_CASE
        * INDICATORS_PER_BENEFIT
        * (MEASUREMENTS_PER_INDICATOR)
    )


def _data() -> list[str]:
    return [
        "## Data",
        "",
        f"All 357 municipalities of the 2024 register, each with {CASES_PER_ORG} cases (phase "
        "periods, gate decisions, step checks, hypotheses, insight, decisions, audit events) "
        f"and {FLOKER_PER_ORG} floker (3 criteria scored by {LEADERS_PER_ORG} leaders, "
        f"stakeholders, a figure). Every case has {BENEFITS_PER_CASE} benefits × "
        f"{INDICATORS_PER_BENEFIT} indicators × {MEASUREMENTS_PER_INDICATOR} monthly "
        f"measurements ({_measurement_count():,} measurements; a third of the series shift "
        "after the baseline, the rest are noise), a benefit map (measures → changes → effects → "
        "its benefits → a goal, one benefit in three reached by nothing); nine cases in ten have "
        "a budget and hours, and each has 0–3 status reports (the newest a draft one time in "
        "four). Per 30 cases a municipality has "
        f"{MEETINGS_PER_30} board meetings of {AGENDA_ITEMS} cases each (the newest open, the "
        f"others with approved minutes and decisions), {GOALS_PER_30} plan goals linked to cases "
        f"and benefits, {COMMISSIONS_PER_30} commissions linked to cases, floker and goals, and "
        f"{RUNS_PER_30} finished report runs. Hvaler also has a showcase case with 10 benefits "
        "and two indicators with 500 and 50 weekly measurements. "
        f"For the portfolio, Oslo (0301) is topped up to {PORTFOLIO_CASES} cases and Bergen "
        f"(4601) to {SMALL_CASES}, with a floke per three new cases (sectors, scores), the same "
        "benefits, maps and status reports, a work-in-progress limit, and the steering rows of "
        f"their size (Oslo: {PORTFOLIO_CASES // 30} times an ordinary municipality's). SQLite "
        "file `var/bench.sqlite3` (WAL; `BENCH_DATABASE_URL` overrides it), generated with "
        "`bulk_create` (measurements with `executemany`) by `bench/generate.py`, data version "
        f"{DATA_VERSION} (a database from an older version is rebuilt; missing maps and steering "
        "rows are added to an existing one).",
        "",
        "The pages (`bench/pages.py`, by URL name) are Hvaler's (3110), each requested by its "
        "chief executive; the pages that grow with the organisation are timed for Oslo as well. "
        "Query counts: for Hvaler's pages the 1× and 10× columns are Hvaler as generated and "
        "after giving it ten times as many cases (with benefits, maps and status reports), "
        "floker and steering rows (rolled back afterwards); for an Oslo page they are the same "
        f"page of Bergen ({SMALL_CASES} cases) and of Oslo ({PORTFOLIO_CASES}); for the "
        "indicator page the indicator with 50 and the one with 500 measurements. A panel that "
        "a page loads after itself (htmx `load` or `revealed`) is found in the page's HTML and "
        "timed as a row of its own, `page › panel`, requested with `HX-Request` as htmx does, "
        "with the same targets: moving work into a panel does not hide it.",
        "",
    ]


def _method(args) -> list[str]:
    return [
        "## Method",
        "",
        "Every figure is **cold**: each request builds its page; there is no page cache (it was "
        "removed in issue 8, so the bench no longer has a warm mode). "
        "gunicorn, 2 sync workers, `config.settings.bench` (DEBUG off, whitenoise), on "
        f"127.0.0.1. `wrk -t{args.threads} -c{args.connections} -d{args.duration}s --latency` "
        f"per page ({args.duration} s per page keeps a whole `make bench` near six minutes on a "
        "busy machine; "
        "`--duration 30` gives steadier figures) with the session cookie of the chief executive "
        "of the page's municipality; p95 comes from wrk's Lua `done` hook. Ratio = the page's "
        "requests/s ÷ the requests/s of the minimal view `/helse/`. Render = the page's own "
        f"cost in-process: the fastest of {args.renders} requests through the Django test client "
        "after a warm-up (middleware, view, queries and template; no network, no queueing). "
        "Query counts come from `CaptureQueriesContext` around the test client after one "
        "warm-up request.",
        "",
        f"Targets, the same for every page: p95 ≤ {P95_TARGET_MS} ms, ratio ≥ {RATIO_TARGET}, "
        f"render ≤ {RENDER_TARGET_MS} ms, and the same number of queries at 1× and 10×. The PDF "
        "benefits plan of the showcase case is rendered in-process (`plan_pdf(plan_data(…))`) "
        f"once cold and then {PDF_RUNS} times; target: the median ≤ {PDF_TARGET_S:.0f} s. The "
        f"council report PDF for Oslo's {PORTFOLIO_CASES} cases is made through the reports run "
        "service: a `ReportRun` rendered by the worker's task function "
        "(`render_report_run.call`), in a fresh Python process so the first run pays what a "
        f"newly started worker pays (imports, WeasyPrint fonts), then {COUNCIL_RUNS} more; the "
        f"figure is the run's own `worker_seconds`, target ≤ {COUNCIL_TARGET_S:.0f} s for every "
        "run. Memory per worker: VmRSS (and the peak, VmHWM) from `/proc/<pid>/status` of each "
        "gunicorn worker right after the load, and VmHWM of the report process after its last "
        "run. The run always exits 0; the result column and the last line of its output say "
        "which targets were missed.",
        "",
    ]


def write_report(
    table,
    *,
    args,
    when,
    load_before: str,
    load_after: str = "",
    pdf=None,
    council=None,
    memory=None,
) -> Path:
    text = [
        "# Performance",
        "",
        "Written by `make bench` (`python -m bench.run`); re-run it to refresh these figures.",
        "",
        f"**Run:** {when:%Y-%m-%d %H:%M %Z}  ",
        f"**Machine:** {machine()}  ",
        f"**Load average before / after the run (1/5/15 min):** {load_before} / {load_after}  ",
        f"**Database:** {_database()}",
        "",
        *_data(),
        *_method(args),
        "## Results",
        "",
        *_table(table),
        "",
        missed_line(table),
        "",
        pdf_line(pdf),
        "",
        council_line(council),
        "",
        memory_line(memory or []),
        "",
        "wrk, the server and the database share the same cores, and with 8 connections on 2 "
        "workers every latency includes queueing (about 4 requests wait per worker), so absolute "
        "figures are pessimistic – all the more when the load average above is high (other "
        "processes on the machine). The ratio to `/helse/`, the render times and the query "
        "counts are the figures to compare between runs. This machine is shared with other "
        "test suites and servers while the benchmark runs, so single runs vary by a factor of "
        "two or more. `python -m bench.generate --scale 10` keeps Hvaler at 10× for manual "
        "exploration.",
        "",
    ]
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text("\n".join(text), encoding="utf-8")
    return DOC
