"""The targets, one row per page with its checks, and the table printed at the end of a run.

One set of targets for every page (issue 8): cold p95 ≤ 100 ms under load, cold throughput
≥ 0.3 of the minimal view /helse/, in-process render ≤ 15 ms, and the same number of queries at
1× and 10× data.
"""

from __future__ import annotations

from collections import Counter

from bench.measure import LoadResult
from bench.pages import BASELINE

P95_TARGET_MS = 100
RATIO_TARGET = 0.3
RENDER_TARGET_MS = 15
SCALE_HIGH = 10
NAME = 46  # width of the page column in the printed table


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def _load_checks(row: dict, result, base_rps: float | None) -> None:
    if isinstance(result, LoadResult):
        row["load"] = result
        row["ratio"] = result.rps / base_rps if base_rps else None
        row["checks"].append(("p95", result.p95_ms <= P95_TARGET_MS))
        if row["name"] != BASELINE and row["ratio"] is not None:
            row["checks"].append(("ratio", row["ratio"] >= RATIO_TARGET))
    elif result:
        row["note"] = result
        row["checks"].append(("status", False))


def _count_checks(row: dict, scaled: dict) -> None:
    if not scaled:
        return
    row["queries"] = (scaled[1][1], scaled[SCALE_HIGH][1])
    row["checks"].append(("queries", scaled[1][1] == scaled[SCALE_HIGH][1]))
    if any(status != 200 for status, _queries in scaled.values()):
        row["checks"].append(("status", False))


def rows(pages, counts: dict, renders: dict, results: dict) -> list[dict]:
    """`counts`: page → {1: (status, queries), 10: (…)}; `renders`: page → ms; `results`:
    page → LoadResult or an error text."""
    baseline = results.get(BASELINE)
    base_rps = baseline.rps if isinstance(baseline, LoadResult) else None
    table = []
    for page in pages:
        row = {"name": page.name, "path": page.path, "note": "", "checks": []}
        _load_checks(row, results.get(page.name), base_rps)
        if page.name in renders:
            row["render_ms"] = renders[page.name]
            if page.name != BASELINE:
                row["checks"].append(("render", renders[page.name] <= RENDER_TARGET_MS))
        _count_checks(row, counts.get(page.name, {}))
        table.append(row)
    return table


def missed_line(table) -> str:
    """How many targets were missed, by kind: "12 target(s) missed: p95 on 5 pages, …"."""
    missed = Counter(label for row in table for label, ok in row["checks"] if not ok)
    if not missed:
        return "Every target met."
    kinds = ", ".join(f"{label} on {count} page(s)" for label, count in missed.items())
    return f"{sum(missed.values())} target(s) missed: {kinds}."


def _cells(row) -> str:
    load, ratio, render = row.get("load"), row.get("ratio"), row.get("render_ms")
    cells = f"{load.p50_ms:>7.1f}{load.p95_ms:>7.1f}{load.rps:>7.0f}" if load else " " * 21
    cells += f"{ratio:>6.2f}" if ratio is not None else " " * 6
    cells += f"{render:>8.1f}" if render is not None else " " * 8
    queries = row.get("queries")
    return cells + ("".join(f"{q:>5}" for q in queries) if queries else " " * 10)


def print_table(table) -> None:
    print()
    print(f"{'':<{NAME}}{'cold, under load (wrk)':^27}{'render':>8}{'queries':>10}")
    head = f"{'p50':>7}{'p95':>7}{'req/s':>7}{'ratio':>6}{'ms':>8}{'1×':>5}{'10×':>5}"
    print(f"{'page':<{NAME}}{head}")
    for row in table:
        checks = " ".join(f"{label} {verdict(ok)}" for label, ok in row["checks"])
        print(f"{row['name']:<{NAME}}{_cells(row)}  {checks} {row['note']}".rstrip())
