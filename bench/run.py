"""`make bench`: national-scale data, then query counts and load per hot page.

    python -m bench.run [--duration 10] [--connections 8] [--no-docs]

1. Generate (or reuse) var/bench.sqlite3: 357 municipalities × 30 cases and 10 floker.
2. Count the queries of each page in-process at 1× and at 10× data for Hvaler (the 10× rows
   are added in a transaction that is rolled back, so the file stays at 1×).
3. Serve with gunicorn (2 workers, loopback, DEBUG off, whitenoise) and load each page with wrk
   as a signed-in leader; compare with the minimal view /helse/.
4. Print PASS/FAIL per target and write docs/performance.md. Always exits 0.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from bench.generate import (
    CHOSEN_NUMBER,
    chosen_scale,
    generate,
    leader_email,
    setup_django,
    top_up,
)
from bench.measure import ROOT, LoadResult, Server, count_queries, run_wrk

P95_TARGET_MS = 100
RATIO_TARGET = 0.3
SCALE_HIGH = 10
BASELINE = "baseline"


class _Rollback(Exception):
    pass


def static_is_stale() -> bool:
    """collectstatic (with compression) takes a minute; run it only when a source is newer."""
    from django.conf import settings

    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if not manifest.exists():
        return True
    built = manifest.stat().st_mtime
    for entry in settings.STATICFILES_DIRS:
        root = Path(entry[1] if isinstance(entry, tuple) else entry)
        if any(path.stat().st_mtime > built for path in root.rglob("*") if path.is_file()):
            return True
    return any(path.stat().st_mtime > built for path in (ROOT / "slik").glob("*/static/**/*"))


def sign_in() -> tuple[str, str]:
    """A database session for Hvaler's chief executive: (org slug, session key)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from slik.accounts.models import User
    from slik.organisations.models import Organisation

    user = User.objects.get(email=leader_email(CHOSEN_NUMBER, 1))
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    org = Organisation.objects.get(kind="municipality", number=CHOSEN_NUMBER)
    return org.slug, session.session_key


def pages(org_slug: str) -> dict[str, str | None]:
    """Page name → path; None when the view does not exist yet."""
    from django.urls import NoReverseMatch, reverse
    from django_scopes import scopes_disabled

    from slik.cases.models import Case

    org = {"org_slug": org_slug}
    result: dict[str, str | None] = {BASELINE: reverse("health")}
    for name, url_name in (
        ("floke list", "challenges:list"),
        ("decision matrix", "challenges:matrix"),
        ("case list", "cases:list"),
    ):
        result[name] = reverse(url_name, kwargs=org)
    with scopes_disabled():
        case = Case.objects.filter(organisation__slug=org_slug, phase__gte=4).order_by("pk").first()
    try:
        result["case page"] = reverse("cases:detail", kwargs={**org, "case_id": case.pk})
    except NoReverseMatch:
        result["case page"] = None
    return result


def query_counts(paths: dict[str, str | None], session_key: str) -> dict[str, dict[int, tuple]]:
    """Page → scale → (status, queries) at 1× and 10× data."""
    from django.conf import settings
    from django.db import transaction
    from django.test import Client

    if chosen_scale() != 1:
        print(f"Note: Hvaler already has {chosen_scale()}× data; delete var/bench.sqlite3 for 1×.")
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = session_key
    counts: dict[str, dict[int, tuple]] = {name: {} for name, path in paths.items() if path}

    def measure(scale: int) -> None:
        for name, path in paths.items():
            if path:
                counts[name][scale] = count_queries(client, path)

    measure(1)
    try:
        with transaction.atomic():
            top_up(scale=SCALE_HIGH, write=lambda _text: None)
            print(f"  Hvaler at {chosen_scale()}× data (rolled back afterwards)")
            measure(SCALE_HIGH)
            raise _Rollback
    except _Rollback:
        pass
    return counts


def load(paths, session_key, args) -> dict[str, LoadResult | str]:
    from django.conf import settings

    cookie = f"{settings.SESSION_COOKIE_NAME}={session_key}"
    server = Server(workers=2)
    results: dict[str, LoadResult | str] = {}
    try:
        server.wait_ready()
        for name, path in paths.items():
            if not path:
                continue
            status = server.status(path, cookie)
            if status != 200:
                results[name] = f"HTTP {status}"
                continue
            results[name] = run_wrk(
                server.base + path,
                cookie,
                threads=args.threads,
                connections=args.connections,
                duration=args.duration,
            )
    finally:
        server.stop()
    return results


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def rows(paths, counts, results) -> list[dict]:
    baseline = results.get(BASELINE)
    base_rps = baseline.rps if isinstance(baseline, LoadResult) else None
    table = []
    for name, path in paths.items():
        row = {"name": name, "path": path or "-", "note": "", "checks": []}
        if not path:
            row["note"] = "view not available yet – skipped"
            table.append(row)
            continue
        result = results.get(name)
        if isinstance(result, LoadResult):
            row["load"] = result
            row["ratio"] = result.rps / base_rps if base_rps else None
            row["checks"].append(("p95", result.p95_ms <= P95_TARGET_MS))
            if name != BASELINE and row["ratio"] is not None:
                row["checks"].append(("ratio", row["ratio"] >= RATIO_TARGET))
        elif result:
            row["note"] = str(result)
            row["checks"].append(("status", False))
        scaled = counts.get(name, {})
        if scaled:
            row["queries"] = (scaled[1][1], scaled[SCALE_HIGH][1])
            row["checks"].append(("queries", scaled[1][1] == scaled[SCALE_HIGH][1]))
        table.append(row)
    return table


def print_table(table) -> None:
    print()
    print(f"{'page':<17}{'p50 ms':>8}{'p95 ms':>8}{'req/s':>8}{'ratio':>7}{'q 1×':>6}{'q 10×':>7}")
    for row in table:
        load, queries = row.get("load"), row.get("queries")
        cells = [
            f"{row['name']:<17}",
            f"{load.p50_ms:>8.1f}{load.p95_ms:>8.1f}{load.rps:>8.0f}" if load else " " * 24,
            f"{row['ratio']:>7.2f}" if row.get("ratio") is not None else " " * 7,
            f"{queries[0]:>6}{queries[1]:>7}" if queries else " " * 13,
        ]
        checks = " ".join(f"{label} {verdict(ok)}" for label, ok in row["checks"])
        print("".join(cells), " ", checks or row["note"], row["note"] if checks else "")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="SLIK benchmark")
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per page")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--no-docs", action="store_true", help="do not write docs/performance.md")
    args = parser.parse_args(argv)

    load_before = "/".join(f"{value:.2f}" for value in os.getloadavg())
    setup_django()
    from django.core.management import call_command
    from django.utils import timezone

    from bench.report import write_report

    call_command("migrate", verbosity=0, interactive=False)
    print("Generating benchmark data (reused when present) …")
    generate(scale=1)
    if static_is_stale():
        print("Collecting static files …")
        call_command("collectstatic", verbosity=0, interactive=False)
    org_slug, session_key = sign_in()
    paths = pages(org_slug)
    if paths["case page"] is None:
        print("cases:detail does not exist yet – the case page is skipped.")
    print("Counting queries at 1× and 10× data …")
    counts = query_counts(paths, session_key)
    print(f"Loading each page with wrk for {args.duration} s …")
    results = load(paths, session_key, args)
    table = rows(paths, counts, results)
    print_table(table)
    if not args.no_docs:
        path = write_report(table, args=args, when=timezone.localtime(), load_before=load_before)
        print(f"\nWrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
