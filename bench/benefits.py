"""The benefits pages of the benchmark, and the timing of the PDF plan.

The indicator page is loaded for an indicator with 500 measurements; its query count is taken
with 50 and with 500 measurements (the "1×" and "10×" columns), since it must not depend on the
number of measurements. The roll-up is counted at 1× and 10× cases like the other pages.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

INDICATOR_PAGE = "indicator page"
ROLLUP_PAGE = "benefits roll-up"
PDF_TARGET_S = 2.0
PDF_RUNS = 3


def benefit_paths(org_slug: str) -> tuple[dict[str, str | None], dict[str, str]]:
    """(page → path for loading, page → path for the "1×" query count where it differs)."""
    from django.urls import NoReverseMatch, reverse
    from django_scopes import scopes_disabled

    from slik.benefits.models import Indicator

    from .generate_benefits import LONG_SERIES, SHORT_SERIES

    org = {"org_slug": org_slug}
    with scopes_disabled():
        ids = dict(
            Indicator.objects.filter(
                benefit__organisation__slug=org_slug, name__in=[LONG_SERIES, SHORT_SERIES]
            ).values_list("name", "pk")
        )
    try:
        paths = {
            INDICATOR_PAGE: reverse(
                "benefits:indicator", kwargs={**org, "indicator_id": ids[LONG_SERIES]}
            ),
            ROLLUP_PAGE: reverse("benefits:rollup", kwargs=org),
        }
        short = reverse("benefits:indicator", kwargs={**org, "indicator_id": ids[SHORT_SERIES]})
    except (NoReverseMatch, KeyError):
        return {INDICATOR_PAGE: None, ROLLUP_PAGE: None}, {}
    return paths, {INDICATOR_PAGE: short}


@dataclass
class PdfTiming:
    benefits: int
    indicators: int
    first_s: float
    median_s: float
    size_kb: float

    @property
    def ok(self) -> bool:
        return self.median_s <= PDF_TARGET_S


def time_pdf_plan(org_slug: str) -> PdfTiming | None:
    """Render the showcase case's plan as PDF: once cold (fonts, imports), then PDF_RUNS times."""
    from django.utils import translation
    from django_scopes import scope

    from slik.benefits.exports.pdf import plan_pdf
    from slik.benefits.services.plan import plan_data
    from slik.cases.models import Case
    from slik.organisations.models import Organisation

    from .generate_benefits import SHOWCASE_CASE

    org = Organisation.objects.get(slug=org_slug)
    with scope(organisation=org.pk), translation.override("nb"):
        case = Case.objects.filter(organisation=org, title=SHOWCASE_CASE).first()
        if case is None:
            return None
        timings, size = [], 0
        for _run in range(PDF_RUNS + 1):
            started = time.perf_counter()
            data = plan_data(organisation=org, case=case)
            size = len(plan_pdf(data))
            timings.append(time.perf_counter() - started)
    return PdfTiming(
        benefits=len(data.benefits),
        indicators=data.indicator_count,
        first_s=timings[0],
        median_s=statistics.median(timings[1:]),
        size_kb=size / 1024,
    )


def pdf_line(timing: PdfTiming | None) -> str:
    if timing is None:
        return "PDF plan: the showcase case is missing – skipped."
    return (
        f"PDF plan ({timing.benefits} benefits, {timing.indicators} indicators, "
        f"{timing.size_kb:.0f} KiB): first {timing.first_s:.2f} s (cold), then median "
        f"{timing.median_s:.2f} s of {PDF_RUNS} – target ≤ {PDF_TARGET_S:.0f} s: "
        f"{'PASS' if timing.ok else 'FAIL'}"
    )
