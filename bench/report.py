"""docs/performance.md from one benchmark run: the figures, the machine and the date."""

from __future__ import annotations

import os
import platform
import sqlite3
import subprocess
from pathlib import Path

from bench.generate import CASES_PER_ORG, FLOKER_PER_ORG, LEADERS_PER_ORG
from bench.measure import ROOT, WRK

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
        "| page | path | p50 ms | p95 ms | req/s | ratio | queries 1× | queries 10× | result |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for row in table:
        load, queries = row.get("load"), row.get("queries") or (None, None)
        checks = ", ".join(f"{label} {'PASS' if ok else 'FAIL'}" for label, ok in row["checks"])
        lines.append(
            f"| {row['name']} | `{row['path']}` "
            f"| {_fmt(load and load.p50_ms, '{:.1f}')} | {_fmt(load and load.p95_ms, '{:.1f}')} "
            f"| {_fmt(load and load.rps, '{:.0f}')} | {_fmt(row.get('ratio'), '{:.2f}')} "
            f"| {_fmt(queries[0], '{}')} | {_fmt(queries[1], '{}')} "
            f"| {checks or row['note']} |"
        )
    return lines


def write_report(table, *, args, when, load_before: str) -> Path:
    text = [
        "# Performance",
        "",
        "Written by `make bench` (`python -m bench.run`); re-run it to refresh these figures.",
        "",
        f"**Run:** {when:%Y-%m-%d %H:%M %Z}  ",
        f"**Machine:** {machine()}  ",
        f"**Load average before the run (1/5/15 min):** {load_before}",
        "",
        "## Data",
        "",
        f"All 357 municipalities of the 2024 register, each with {CASES_PER_ORG} cases (phase "
        "periods, gate decisions, step checks, hypotheses, insight, decisions, audit events) "
        f"and {FLOKER_PER_ORG} floker (3 criteria scored by {LEADERS_PER_ORG} leaders, "
        "stakeholders, a figure). SQLite file `var/bench.sqlite3` (WAL), generated with "
        "`bulk_create` by `bench/generate.py`. The measured municipality is Hvaler (3110); the "
        "10× column counts queries after giving Hvaler ten times as many cases and floker "
        "(rolled back afterwards).",
        "",
        "## Method",
        "",
        f"gunicorn, 2 sync workers, `config.settings.bench` (DEBUG off, whitenoise), on "
        f"127.0.0.1. `wrk -t{args.threads} -c{args.connections} -d{args.duration}s --latency` "
        "per page with the session cookie of Hvaler's chief executive; p95 comes from wrk's Lua "
        "`done` hook. Ratio = the page's requests/s ÷ the requests/s of the minimal view "
        "`/helse/`. Query counts come from `CaptureQueriesContext` around the Django test client, "
        "after one warm-up request.",
        "",
        "Targets: p95 ≤ 100 ms, ratio ≥ 0.3, and the same number of queries at 1× and 10×.",
        "",
        "## Results",
        "",
        *_table(table),
        "",
        "wrk, the server and the database share the same cores, and with 8 connections on 2 "
        "workers every latency includes queueing (about 4 requests wait per worker), so absolute "
        "figures are pessimistic – all the more when the load average above is high (other "
        "processes on the machine). The ratio to `/helse/` and the query counts are the figures "
        "to compare between runs. `python -m bench.run --duration 30` gives steadier numbers; "
        "`python -m bench.generate --scale 10` keeps Hvaler at 10× for manual exploration.",
        "",
    ]
    DOC.parent.mkdir(exist_ok=True)
    DOC.write_text("\n".join(text), encoding="utf-8")
    return DOC
