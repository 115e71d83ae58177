"""The pages the benchmark times: every page a leader opens daily, by its URL name.

Most pages are Hvaler's (3110), requested by its chief executive; their 1× and 10× query
counts are Hvaler at 1× and at 10× data. The pages whose size grows with the organisation are
timed for Oslo (0301, 500 cases) as well, and counted for Bergen (4601, 50 cases) as "1×" and
Oslo as "10×". The indicator page is timed with 500 measurements and counted with 50 and 500.
A panel a page loads after itself (htmx `load`/`revealed`) is found in the page's HTML and
timed as a page of its own, right after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from bench.generate import CHOSEN_NUMBER
from bench.generate_portfolio import PORTFOLIO_NUMBER, SMALL_NUMBER

BASELINE = "baseline"


@dataclass
class Page:
    name: str
    path: str
    # The path of the "1×" query count when it is not the timed page's own (Bergen's page for
    # an Oslo page, the indicator with 50 measurements).
    low_path: str = ""
    # A panel the page loads after itself: requested as htmx does (HX-Request).
    fragment: bool = False

    @property
    def count_path(self) -> str:
        return self.low_path or self.path

    @property
    def headers(self) -> dict[str, str]:
        return {"HX-Request": "true"} if self.fragment else {}


def _objects(org_slug: str) -> dict[str, int]:
    """The ids in the paths of Hvaler's pages: the case page's case (the first in phase ≥ 4),
    the case with most status reports, the showcase case (the largest benefit map), the
    indicators with 500 and 50 measurements and the newest board meeting (open, upcoming)."""
    from django.db.models import Count
    from django_scopes import scopes_disabled

    from slik.benefits.models import Indicator
    from slik.cases.models import Case
    from slik.portfolio.models import BoardMeeting

    from .generate_benefits import LONG_SERIES, SHORT_SERIES, SHOWCASE_CASE

    with scopes_disabled():
        cases = Case.objects.filter(organisation__slug=org_slug)
        indicators = dict(
            Indicator.objects.filter(
                benefit__organisation__slug=org_slug, name__in=[LONG_SERIES, SHORT_SERIES]
            ).values_list("name", "pk")
        )
        return {
            "case": cases.filter(phase__gte=4).order_by("pk").values_list("pk", flat=True)[0],
            "reported": cases.annotate(n=Count("status_reports"))
            .order_by("-n", "pk")
            .values_list("pk", flat=True)[0],
            "showcase": cases.get(title=SHOWCASE_CASE).pk,
            "long": indicators[LONG_SERIES],
            "short": indicators[SHORT_SERIES],
            "meeting": BoardMeeting.objects.filter(organisation__slug=org_slug)
            .order_by("-held_on", "-pk")
            .values_list("pk", flat=True)[0],
        }


def _hvaler_pages(slug: str) -> list[Page]:
    from django.urls import reverse

    ids = _objects(slug)

    def url(name: str, **kwargs) -> str:
        return reverse(name, kwargs={"org_slug": slug, **kwargs})

    return [
        Page("overview", url("organisations:overview")),
        Page("floke list", url("challenges:list")),
        Page("decision matrix", url("challenges:matrix")),
        Page("case list", url("cases:list")),
        Page("case page", url("cases:detail", case_id=ids["case"])),
        Page("status reports", url("portfolio:status_list", case_id=ids["reported"])),
        Page("benefit map", url("benefits:map", case_id=ids["showcase"])),
        Page(
            "indicator page",
            url("benefits:indicator", indicator_id=ids["long"]),
            low_path=url("benefits:indicator", indicator_id=ids["short"]),
        ),
        Page("benefits roll-up", url("benefits:rollup")),
        Page("pitfalls", url("benefits:pitfalls")),
        Page("portfolio dashboard", url("portfolio:dashboard")),
        Page("board meetings", url("portfolio:board_list")),
        Page("board meeting", url("portfolio:board_detail", meeting_id=ids["meeting"])),
        Page("plan goals", url("portfolio:goal_list")),
        Page("commissions", url("portfolio:commission_list")),
        Page("reports list", url("reports:list")),
    ]


# (page name, URL name) of the pages timed for Oslo too.
OSLO_PAGES = (
    ("overview", "organisations:overview"),
    ("benefits roll-up", "benefits:rollup"),
    ("portfolio dashboard", "portfolio:dashboard"),
    ("board meetings", "portfolio:board_list"),
    ("plan goals", "portfolio:goal_list"),
    ("commissions", "portfolio:commission_list"),
)


def _oslo_pages(big: str, small: str) -> list[Page]:
    from django.urls import reverse

    return [
        Page(
            f"{name} (Oslo)",
            reverse(url_name, kwargs={"org_slug": big}),
            low_path=reverse(url_name, kwargs={"org_slug": small}),
        )
        for name, url_name in OSLO_PAGES
    ]


def pages(slugs: dict[str, str]) -> list[Page]:
    """`slugs`: municipality number → slug. The minimal view /helse/ first (the baseline)."""
    from django.urls import reverse

    return [
        Page(BASELINE, reverse("health")),
        *_hvaler_pages(slugs[CHOSEN_NUMBER]),
        *_oslo_pages(slugs[PORTFOLIO_NUMBER], slugs[SMALL_NUMBER]),
    ]


class _DeferredParts(HTMLParser):
    """The hx-get addresses of the elements a page loads after itself (`load`, `revealed`,
    `intersect` triggers); polling (`every 2s`) is not part of the page."""

    TRIGGERS = re.compile(r"\b(load|revealed|intersect)\b")

    def __init__(self):
        super().__init__()
        self.paths: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        url, trigger = values.get("hx-get"), values.get("hx-trigger") or ""
        if url and self.TRIGGERS.search(trigger) and url not in self.paths:
            self.paths.append(url)


def deferred_paths(html: str) -> list[str]:
    parser = _DeferredParts()
    parser.feed(html)
    return parser.paths


def _panel_label(path: str) -> str:
    """The last segment of the panel's address and its query: `deler?panel=benefits`."""
    parts = urlsplit(path)
    label = parts.path.rstrip("/").rsplit("/", 1)[-1]
    return f"{label}?{parts.query}" if parts.query else label


def with_panels(page_list: list[Page], fetch) -> list[Page]:
    """Every page followed by the panels it loads after itself (htmx), each timed as a page of
    its own: moving work into a panel must not hide it from the benchmark. `fetch(path)` gives
    a page's HTML."""
    result = []
    for page in page_list:
        result.append(page)
        paths = deferred_paths(fetch(page.path))
        low = deferred_paths(fetch(page.low_path)) if page.low_path else []
        for index, path in enumerate(paths):
            result.append(
                Page(
                    f"{page.name} › {_panel_label(path)}",
                    path,
                    low_path=low[index] if index < len(low) else "",
                    fragment=True,
                )
            )
    return result
