"""The municipality's benefits roll-up: planned against realised, by category.

Reused by the portfolio. Three queries whatever the number of cases: settings, benefits (with
case and category), indicators (with their latest measurement annotated).

Money (units "kr", "NOK", "kroner") and labour-years ("årsverk") are summed where an indicator
is measured in them:
  planned  = target − baseline,  realised = latest − baseline,
both turned so that an improvement counts positive (for "lower is better" a fall is the gain).
Cancelled benefits are left out of the sums; every indicator in a summable unit counts.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone

from .models import Benefit, Direction, Indicator
from .pitfalls import is_measurement_overdue, next_measurement_due, overdue_days_for
from .selectors import indicators_with_latest

MONEY_UNITS = {"kr", "kr.", "nok", "kroner", "kroner per år", "kr per år", "kr/år"}
LABOUR_YEAR_UNITS = {"årsverk", "arsverk", "årsverk per år"}
ZERO = Decimal(0)


def unit_kind(unit: str) -> str | None:
    """ "kr", "years" (årsverk) or None for a unit that cannot be summed."""
    unit = (unit or "").strip().lower()
    if unit in MONEY_UNITS:
        return "kr"
    if unit in LABOUR_YEAR_UNITS:
        return "years"
    return None


def indicator_gains(indicator: Indicator) -> tuple[Decimal, Decimal]:
    """(planned, realised) for one indicator, improvement positive. Needs `latest_value`."""
    baseline, target = indicator.baseline_value, indicator.target_value
    if baseline is None:
        return ZERO, ZERO
    sign = 1 if indicator.direction == Direction.HIGHER else -1
    planned = sign * (target - baseline) if target is not None else ZERO
    latest = getattr(indicator, "latest_value", None)
    realised = sign * (latest - baseline) if latest is not None else ZERO
    return planned, realised


@dataclass
class CategoryTotals:
    name: str
    category_set: str = ""
    benefits: int = 0
    planned_kr: Decimal = ZERO
    realised_kr: Decimal = ZERO
    planned_years: Decimal = ZERO
    realised_years: Decimal = ZERO

    def add(self, indicator: Indicator) -> None:
        kind = unit_kind(indicator.unit)
        if kind is None:
            return
        planned, realised = indicator_gains(indicator)
        setattr(self, f"planned_{kind}", getattr(self, f"planned_{kind}") + planned)
        setattr(self, f"realised_{kind}", getattr(self, f"realised_{kind}") + realised)


@dataclass
class OverdueMeasurement:
    benefit: Benefit
    indicator: Indicator
    due_on: datetime.date


@dataclass
class Rollup:
    categories: list[CategoryTotals]
    total: CategoryTotals
    status_counts: dict[str, int] = field(default_factory=dict)
    progress_counts: dict[str, int] = field(default_factory=dict)
    overdue: list[OverdueMeasurement] = field(default_factory=list)


def rollup_benefits(*, organisation):
    return (
        Benefit.objects.filter(organisation=organisation)
        .select_related("case", "category", "responsible")
        .prefetch_related(
            Prefetch("indicators", queryset=indicators_with_latest(Indicator.objects.all()))
        )
        .order_by("case__title", "case_id", "id")
    )


def organisation_rollup(*, organisation, today: datetime.date | None = None) -> Rollup:
    """Planned vs realised by category, counts by status, and overdue measurements."""
    today = today or timezone.localdate()
    overdue_days = overdue_days_for(organisation)
    by_category: dict[object, CategoryTotals] = {}
    total = CategoryTotals(name="")
    status_counts = dict.fromkeys(Benefit.Status.values, 0)
    progress_counts = dict.fromkeys(Benefit.Progress.values, 0)
    overdue = []
    for benefit in rollup_benefits(organisation=organisation):
        status_counts[benefit.status] += 1
        progress_counts[benefit.progress] += 1
        indicators = list(benefit.indicators.all())
        if benefit.is_open:
            overdue += [
                OverdueMeasurement(benefit, i, next_measurement_due(i))
                for i in indicators
                if is_measurement_overdue(i, overdue_days, today)
            ]
        if benefit.status == Benefit.Status.CANCELLED:
            continue
        category = benefit.category
        key = category.pk if category else None
        if key not in by_category:
            by_category[key] = CategoryTotals(
                name=category.name if category else "",
                category_set=category.category_set if category else "",
            )
        for totals in (by_category[key], total):
            totals.benefits += 1
            for indicator in indicators:
                totals.add(indicator)
    rows = sorted(by_category.values(), key=lambda r: (r.name == "", r.category_set, r.name))
    overdue.sort(key=lambda o: o.due_on)
    return Rollup(rows, total, status_counts, progress_counts, overdue)
