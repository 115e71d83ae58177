"""`make bench`: national-scale data, then query counts, render times and load per page.

    python -m bench.run [--duration 5] [--connections 8] [--renders 20] [--no-docs]

1. Generate (or reuse) var/bench.sqlite3: 357 municipalities × 30 cases and 10 floker, and
   3 benefits × 2 indicators × 40 measurements, a benefit map and 0–3 status reports per case;
   board meetings, plan goals, commissions and report runs per municipality; Oslo with 500
   cases and Bergen with 50 (bench/generate.py).
2. Count the queries of each page (bench/pages.py) in-process at 1× and at 10× data for Hvaler
   (the 10× rows are added in a transaction that is rolled back, so the file stays at 1×); an
   Oslo page is counted for Bergen (50 cases) as 1× and for Oslo (500) as 10×, the indicator
   page with 50 and with 500 measurements.
3. Time each page's own render in-process: the fastest of N requests through the test client.
4. Time the council report PDF for Oslo's 500 cases through the reports run service (in a fresh
   process), and the PDF benefits plan of a case with 10 benefits.
5. Serve with gunicorn (2 workers, loopback, DEBUG off, whitenoise) and load each page with wrk
   as a signed-in chief executive of its municipality; compare with the minimal view /helse/.
   Every figure is cold: each request builds its page (there is no page cache). Read each
   worker's VmRSS after the load.
6. Print PASS/FAIL per target and write docs/performance.md. Always exits 0.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from bench.benefits import pdf_line, time_pdf_plan
from bench.generate import (
    CHOSEN_NUMBER,
    chosen_scale,
    generate,
    leader_email,
    setup_django,
    top_up,
)
from bench.generate_portfolio import PORTFOLIO_NUMBER, SMALL_NUMBER
from bench.measure import (
    ROOT,
    LoadResult,
    Server,
    count_queries,
    process_memory,
    render_ms,
    run_wrk,
)
from bench.pages import pages, with_panels
from bench.portfolio import council_line, memory_line, time_council_report
from bench.results import SCALE_HIGH, missed_line, print_table, rows


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


def sign_in(number: str = CHOSEN_NUMBER) -> tuple[str, str]:
    """A database session for the chief executive of a municipality: (org slug, session key)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from slik.accounts.middleware import start_session_clock
    from slik.accounts.models import User
    from slik.organisations.models import Organisation

    user = User.objects.get(email=leader_email(number, 1))
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    # As a real sign-in does; without the stamps the first request would write them.
    start_session_clock(session)
    session.create()
    org = Organisation.objects.get(kind="municipality", number=number)
    return org.slug, session.session_key


class Sessions:
    """Each page is requested by a chief executive of the municipality in its path."""

    def __init__(self, numbers):
        self.by_slug: dict[str, str] = {}
        self.slugs: dict[str, str] = {}
        for number in numbers:
            slug, key = sign_in(number)
            self.by_slug[slug], self.slugs[number] = key, slug
        self.default = self.by_slug[self.slugs[CHOSEN_NUMBER]]

    def key_for(self, path: str) -> str:
        parts = path.split("/")
        slug = parts[2] if len(parts) > 2 and parts[1] == "k" else ""
        return self.by_slug.get(slug, self.default)

    def headers_for(self, page) -> dict[str, str]:
        """The HTTP headers of a request for `page`: its session cookie (and HX-Request)."""
        from django.conf import settings

        cookie = f"{settings.SESSION_COOKIE_NAME}={self.key_for(page.path)}"
        return {"Cookie": cookie, **page.headers}


def _client(sessions: Sessions):
    from django.test import Client

    # A page that fails is reported (status 500: FAIL), not the end of the run.
    client = Client(raise_request_exception=False)

    def signed_in_for(path: str):
        from django.conf import settings

        client.cookies[settings.SESSION_COOKIE_NAME] = sessions.key_for(path)
        return client

    return signed_in_for


def query_counts(page_list, sessions: Sessions) -> dict[str, dict]:
    """Page → {1: (status, queries), 10: (…)}: the 1× count on the page's `count_path`, the
    10× count on its own path with Hvaler at 10× data."""
    from django.db import transaction

    if chosen_scale() != 1:
        print(f"Note: Hvaler already has {chosen_scale()}× data; delete var/bench.sqlite3 for 1×.")
    client_for = _client(sessions)
    counts: dict[str, dict] = {page.name: {} for page in page_list}

    def measure(scale) -> None:
        for page in page_list:
            path = page.count_path if scale == 1 else page.path
            counts[page.name][scale] = count_queries(client_for(path), path, page.headers)

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


def render_times(page_list, sessions: Sessions, runs: int) -> dict[str, float]:
    """Page → the fastest of `runs` in-process requests, in ms."""
    client_for = _client(sessions)
    return {
        page.name: render_ms(client_for(page.path), page.path, runs, page.headers)
        for page in page_list
    }


def load(page_list, sessions: Sessions, args) -> tuple[dict, list]:
    """wrk against every page: (page → LoadResult or an error text, the memory of each
    worker after the load)."""
    server = Server(workers=2)
    results: dict[str, LoadResult | str] = {}
    memory = []
    try:
        server.wait_ready()
        for page in page_list:
            headers = sessions.headers_for(page)
            status = server.status(page.path, headers)
            if status != 200:
                results[page.name] = f"HTTP {status}"
                continue
            results[page.name] = run_wrk(
                server.base + page.path,
                headers,
                threads=args.threads,
                connections=args.connections,
                duration=args.duration,
            )
        memory = [m for m in map(process_memory, server.worker_pids()) if m is not None]
    finally:
        server.stop()
    return results, memory


def _arguments(argv):
    parser = argparse.ArgumentParser(description="SLIK benchmark")
    parser.add_argument("--duration", type=int, default=5, help="seconds of wrk per page")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--renders", type=int, default=20, help="in-process requests per page (the fastest)"
    )
    parser.add_argument("--no-docs", action="store_true", help="do not write docs/performance.md")
    return parser.parse_args(argv)


def _prepare():
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    print("Generating benchmark data (reused when present) …")
    generate(scale=1)
    if static_is_stale():
        print("Collecting static files …")
        call_command("collectstatic", verbosity=0, interactive=False)
    sessions = Sessions((CHOSEN_NUMBER, PORTFOLIO_NUMBER, SMALL_NUMBER))
    client_for = _client(sessions)
    return sessions, with_panels(
        pages(sessions.slugs), lambda path: client_for(path).get(path).content.decode()
    )


def main(argv=None) -> int:
    args = _arguments(argv)
    load_before = "/".join(f"{value:.2f}" for value in os.getloadavg())
    setup_django()
    from django.utils import timezone

    from bench.report import write_report

    sessions, page_list = _prepare()
    print(f"Counting queries of {len(page_list)} pages at 1× and 10× data …")
    counts = query_counts(page_list, sessions)
    print(f"Timing each page in-process (fastest of {args.renders}) …")
    renders = render_times(page_list, sessions, args.renders)
    print("Timing the council report PDF for 500 cases (fresh worker process) …")
    council = time_council_report(sessions.slugs[PORTFOLIO_NUMBER])
    print("Timing the PDF benefits plan …")
    pdf = time_pdf_plan(sessions.slugs[CHOSEN_NUMBER])
    print(f"Loading each page with wrk for {args.duration} s …")
    results, memory = load(page_list, sessions, args)
    table = rows(page_list, counts, renders, results)
    print_table(table)
    print(pdf_line(pdf))
    print(council_line(council))
    print(memory_line(memory))
    print("\n" + missed_line(table))
    if not args.no_docs:
        path = write_report(
            table,
            args=args,
            when=timezone.localtime(),
            load_before=load_before,
            load_after="/".join(f"{value:.2f}" for value in os.getloadavg()),
            pdf=pdf,
            council=council,
            memory=memory,
        )
        print(f"\nWrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
