"""docs/performance.md from one benchmark run: the figures, the machine and the date."""

from __future__ import annotations

import os
import platform
import sqlite3
import subprocess
from pathlib import Path

from bench.benefits import PDF_RUNS, PDF_TARGET_S, pdf_line
from bench.generate import (
    BENEFITS_PER_CASE,
    CASES_PER_ORG,
    DATA_VERSION,
    FLOKER_PER_ORG,
    INDICATORS_PER_BENEFIT,
    LEADERS_PER_ORG,
    MEASUREMENTS_PER_INDICATOR,
)
from bench.generate_portfolio import (
    COMMISSIONS_PER_ORG,
    GOALS_PER_ORG,
    PORTFOLIO_CASES,
    SMALL_CASES,
)
from bench.measure import ROOT, WRK
from bench.portfolio import (
    COUNCIL_RUNS,
    COUNCIL_TARGET_S,
    DASHBOARD_P95_MS,
    council_line,
    memory_line,
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


def _load_cells(row, mode: str) -> str:
    load = row.get(mode)
    return (
        f"| {_fmt(load and load.p50_ms, '{:.1f}')} | {_fmt(load and load.p95_ms, '{:.1f}')} "
        f"| {_fmt(load and load.rps, '{:.0f}')} | {_fmt(row.get(f'ratio_{mode}'), '{:.2f}')} "
    )


def _table(table) -> list[str]:
    lines = [
        "| page | path | cold p50 ms | cold p95 ms | cold req/s | cold ratio "
        "| warm p50 ms | warm p95 ms | warm req/s | warm ratio "
        "| queries 1× | queries 10× | queries warm | result |",
        "|---|---|" + "---:|" * 11 + "---|",
    ]
    for row in table:
        queries = row.get("queries") or (None, None, None)
        checks = ", ".join(f"{label} {'PASS' if ok else 'FAIL'}" for label, ok in row["checks"])
        lines.append(
            f"| {row['name']} | `{row['path']}` "
            + _load_cells(row, "cold")
            + _load_cells(row, "warm")
            + "".join(f"| {_fmt(q, '{}')} " for q in queries)
            + f"| {checks or row['note']} |"
        )
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
        "## Data",
        "",
        f"All 357 municipalities of the 2024 register, each with {CASES_PER_ORG} cases (phase "
        "periods, gate decisions, step checks, hypotheses, insight, decisions, audit events) "
        f"and {FLOKER_PER_ORG} floker (3 criteria scored by {LEADERS_PER_ORG} leaders, "
        f"stakeholders, a figure). Every case has {BENEFITS_PER_CASE} benefits × "
        f"{INDICATORS_PER_BENEFIT} indicators × {MEASUREMENTS_PER_INDICATOR} monthly "
        f"measurements ({_measurement_count():,} measurements; a third of the series shift "
        "after the baseline, the rest are noise); nine cases in ten have a budget and hours, and "
        "each has 0–3 status reports (the newest a draft one time in four). Hvaler also has a "
        "showcase case with 10 benefits and two indicators with 500 and 50 weekly measurements. "
        f"For the portfolio, Oslo (0301) is topped up to {PORTFOLIO_CASES} cases and Bergen "
        f"(4601) to {SMALL_CASES}, with a floke per three new cases (sectors, scores), the same "
        f"benefits and status reports, a work-in-progress limit, {GOALS_PER_ORG} plan goals and "
        f"{COMMISSIONS_PER_ORG} commissions linked to cases, benefits and floker. SQLite file "
        "`var/bench.sqlite3` (WAL; `BENCH_DATABASE_URL` overrides it), generated with "
        "`bulk_create` (measurements with `executemany`) by `bench/generate.py`, data version "
        f"{DATA_VERSION} (a database from an older version is rebuilt). The measured "
        "municipality is Hvaler (3110); the 10× column counts queries after giving Hvaler ten "
        "times as many cases (with their benefits) and floker (rolled back afterwards). For the "
        "indicator page the two query columns are the indicator with 50 and the one with 500 "
        "measurements; for the portfolio dashboard they are Bergen with "
        f"{SMALL_CASES} cases and Oslo with {PORTFOLIO_CASES}, each page requested by the chief "
        "executive of its municipality.",
        "",
        "## Method",
        "",
        f"gunicorn, 2 sync workers, `config.settings.bench` (DEBUG off, whitenoise), on "
        f"127.0.0.1. `wrk -t{args.threads} -c{args.connections} -d{args.duration}s --latency` "
        "per page with the session cookie of Hvaler's chief executive; p95 comes from wrk's Lua "
        "`done` hook. Ratio = the page's requests/s ÷ the requests/s of the minimal view "
        "`/helse/` in the same mode. Every page is loaded twice: **cold** with the page cache "
        "off (`SLIK_PAGE_CACHE=false`: the page itself, as on the first view after any change) "
        "and **warm** with it on (a repeated view served from the per-session page cache, see "
        "`docs/decisions/0003-page-cache.md`). Query counts come from `CaptureQueriesContext` "
        "around the Django test client after one warm-up request: 1× and 10× with the page "
        "cache off, and one warm count (a cache hit).",
        "",
        "Targets: p95 ≤ 100 ms (≤ 150 ms for the indicator page and the benefits roll-up, "
        f"≤ {DASHBOARD_P95_MS} ms for the portfolio dashboard), "
        "checked cold and warm; ratio ≥ 0.3 (warm); and the same number of queries at 1× and "
        "10× (cold, so the page's own queries are compared). The PDF benefits plan of "
        f"the showcase case is rendered in-process (`plan_pdf(plan_data(…))`) once cold and "
        f"then {PDF_RUNS} times; target: the median ≤ {PDF_TARGET_S:.0f} s. The council report "
        f"PDF for Oslo's {PORTFOLIO_CASES} cases is made through the reports run service: a "
        "`ReportRun` rendered by the worker's task function (`render_report_run.call`), in a "
        "fresh Python process so the first run pays what a newly started worker pays (imports, "
        f"WeasyPrint fonts), then {COUNCIL_RUNS} more; the figure is the run's own "
        f"`worker_seconds`, target ≤ {COUNCIL_TARGET_S:.0f} s for every run. Memory per worker: "
        "VmRSS (and the peak, VmHWM) from `/proc/<pid>/status` of each gunicorn worker right "
        "after its load run, and VmHWM of the report process after its last run.",
        "",
        "## Results",
        "",
        *_table(table),
        "",
        pdf_line(pdf),
        "",
        council_line(council),
        "",
        *(memory_line(mode, (memory or {}).get(mode, [])) + "  " for mode in ("cold", "warm")),
        "",
        "wrk, the server and the database share the same cores, and with 8 connections on 2 "
        "workers every latency includes queueing (about 4 requests wait per worker), so absolute "
        "figures are pessimistic – all the more when the load average above is high (other "
        "processes on the machine). The ratio to `/helse/` and the query counts are the figures "
        "to compare between runs. This machine is shared: other engineers run test suites and "
        "servers on it while the benchmark runs, so single runs vary by a factor of two or "
        "more. `python -m bench.run --duration 30` gives steadier numbers; "
        "`python -m bench.generate --scale 10` keeps Hvaler at 10× for manual exploration.",
        "",
    ]
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text("\n".join(text), encoding="utf-8")
    return DOC
