"""The timing of the PDF benefits plan of Hvaler's showcase case (10 benefits)."""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass

PDF_TARGET_S = 2.0
PDF_RUNS = 3


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
    from slik.benefits.selectors import plan_data
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
