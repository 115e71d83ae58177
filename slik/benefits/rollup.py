"""The benefits roll-up's arithmetic: planned against realised, by category. No queries here:
`rollup_queries` reads the counts and sums from the database, this module adds them up (and
the portfolio adds up indicators it has loaded with the same rules).

Money (units "kr", "NOK", "kroner") and labour-years ("årsverk") are summed where an indicator
is measured in them:
  planned  = target − baseline,  realised = latest − baseline,
both turned so that an improvement counts positive (for "lower is better" a fall is the gain).
Cancelled benefits are left out of the sums; every indicator in a summable unit counts.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from slik.core.seed import seed_text

from .models import Benefit, Direction, Indicator

MONEY_UNITS = {"kr", "kr.", "nok", "kroner", "kroner per år", "kr per år", "kr/år"}
LABOUR_YEAR_UNITS = {"årsverk", "arsverk", "årsverk per år"}
ZERO = Decimal(0)
# Values have four decimal places (Indicator.baseline_value and the others); the database sums
# them as whole ten-thousandths, which is exact on every backend.
DECIMAL_PLACES = 4


def unit_kind(unit: str) -> str | None:
    """ "kr", "years" (årsverk) or None for a unit that cannot be summed."""
    unit = (unit or "").strip().lower()
    if unit in MONEY_UNITS:
        return "kr"
    if unit in LABOUR_YEAR_UNITS:
        return "years"
    return None


def improvement_sign(direction: str) -> int:
    """+1 when a rise is the improvement, −1 when a fall is."""
    return 1 if direction == Direction.HIGHER else -1


def indicator_gains(indicator: Indicator) -> tuple[Decimal, Decimal]:
    """(planned, realised) for one indicator, improvement positive. Needs `latest_value`."""
    baseline, target = indicator.baseline_value, indicator.target_value
    if baseline is None:
        return ZERO, ZERO
    sign = improvement_sign(indicator.direction)
    planned = sign * (target - baseline) if target is not None else ZERO
    latest = getattr(indicator, "latest_value", None)
    realised = sign * (latest - baseline) if latest is not None else ZERO
    return planned, realised


def from_ten_thousandths(amount: int | None) -> Decimal:
    """A sum the database made in ten-thousandths, as the Decimal it stands for."""
    return ZERO if amount is None else Decimal(amount).scaleb(-DECIMAL_PLACES)


@dataclass
class CategoryTotals:
    name: str
    category_set: str = ""
    benefits: int = 0
    planned_kr: Decimal = ZERO
    realised_kr: Decimal = ZERO
    planned_years: Decimal = ZERO
    realised_years: Decimal = ZERO

    def add_gains(self, kind: str, planned: Decimal, realised: Decimal) -> None:
        setattr(self, f"planned_{kind}", getattr(self, f"planned_{kind}") + planned)
        setattr(self, f"realised_{kind}", getattr(self, f"realised_{kind}") + realised)

    def add(self, indicator: Indicator) -> None:
        kind = unit_kind(indicator.unit)
        if kind is not None:
            self.add_gains(kind, *indicator_gains(indicator))


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


GAINS = ("planned_kr", "realised_kr", "planned_years", "realised_years")
# Per category: the number of benefits, the four sums, and whether each sum had anything.
WIDTH = 1 + 2 * len(GAINS)


def category_totals(rows: Iterable[dict]):
    """(rows by category, total) from the database's counts and sums.

    `rows`: {"status" (if grouped by it), "category_id", "category_name", "category_set",
    "benefits", "planned_kr", "realised_kr", "planned_years", "realised_years"} per group of
    benefits, the gains the sums of the benefits' own (improvement positive, in
    ten-thousandths). Cancelled benefits are left out. The sums are added up as whole
    ten-thousandths and made Decimals once; a sum with nothing in it stays the plain 0 it was
    when indicators were summed here."""
    names: dict[object, tuple] = {}
    sums: dict[object, list[int]] = {}
    for row in rows:
        if row.get("status") == Benefit.Status.CANCELLED:
            continue
        key = row["category_id"]
        if key not in sums:
            names[key] = (row["category_name"], row["category_set"])
            sums[key] = [0] * WIDTH
        group = sums[key]
        group[0] += row["benefits"]
        for index, name in enumerate(GAINS, start=1):
            if row[name]:
                group[index] += row[name]
                group[index + len(GAINS)] = 1
    total = [sum(column) for column in zip(*sums.values(), strict=True)] or [0] * (
        1 + 2 * len(GAINS)
    )
    rows = sorted(
        (_totals(sums[key], *names[key]) for key in sums),
        key=lambda r: (r.name == "", r.category_set, r.name),
    )
    return rows, _totals(total, "", "")


def _totals(sums: list[int], name: str | None, category_set: str | None) -> CategoryTotals:
    """The totals of a category from its [count, four sums, whether each sum had anything]."""
    totals = CategoryTotals(name=seed_text(name or ""), category_set=category_set or "")
    totals.benefits = sums[0]
    for index, gain in enumerate(GAINS, start=1):
        if sums[index + len(GAINS)]:
            setattr(totals, gain, ZERO + from_ten_thousandths(sums[index]))
    return totals


def counts_by(count_rows: Iterable[dict], field_name: str, values: Iterable[str]) -> dict:
    """{value: number of benefits} for every value of `field_name` ("status", "progress")."""
    counts = dict.fromkeys(values, 0)
    for row in count_rows:
        counts[row[field_name]] = counts.get(row[field_name], 0) + row["benefits"]
    return counts


def overdue_in_order(items: list[OverdueMeasurement]) -> list[OverdueMeasurement]:
    """Longest overdue first; a stable sort keeps the case and benefit order of a tie."""
    return sorted(items, key=lambda item: item.due_on)
