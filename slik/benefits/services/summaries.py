"""The summaries kept next to the data they sum up, so the municipality-wide pages read one row
where they would otherwise look up many:

- on each indicator, its measurements: the latest measurement's date and value and the number
  of measurements (`Indicator.latest_on`, `latest_value`, `measurement_count`), and when the
  next measurement is due (`next_due_on`, pitfalls.next_measurement_due);
- on each benefit, its indicators (`benefit_summary`): how many there are, the planned and
  realised gains in kroner and labour-years the roll-up sums, and where their pitfalls may be.

Every service that writes indicators (create, update, delete) or measurements (record,
replace, delete, import; the demo loader goes through them, the benchmark generator calls
`indicator_summaries_update` after its inserts) locks the benefits and indicators first and
updates the summaries after writing, in the same transaction. A summary is worked out again
from the rows rather than adjusted, so a replaced or deleted latest value cannot leave it
wrong; the lock taken before writing makes a second writer of the same benefit wait, and its
summary then counts the first one's rows (PostgreSQL would otherwise work out the second
summary from a snapshot taken before the first writer committed).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import astuple, dataclass
from decimal import Decimal

from django.db import connection
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from .. import pitfalls
from ..models import Benefit, Indicator, Measurement
from ..rollup import DECIMAL_PLACES, improvement_sign, unit_kind

# What a benefit's summary is worked out from, per indicator.
SUMMED_FIELDS = (
    "pk",
    "benefit_id",
    "unit",
    "direction",
    "is_main",
    "baseline_value",
    "baseline_on",
    "target_value",
    "target_on",
    "frequency",
    "measurement_dates",
    "latest_on",
    "latest_value",
    "next_due_on",
)


@dataclass
class IndicatorRow:
    pk: int
    benefit_id: int
    unit: str
    direction: str
    is_main: bool
    baseline_value: Decimal | None
    baseline_on: datetime.date | None
    target_value: Decimal | None
    target_on: datetime.date | None
    frequency: str
    measurement_dates: list
    latest_on: datetime.date | None
    latest_value: Decimal | None
    next_due_on: datetime.date | None


@dataclass
class BenefitSummary:
    """The benefit's columns of the same names; the gains in ten-thousandths."""

    indicator_count: int = 0
    gain_planned_kr: int = 0
    gain_realised_kr: int = 0
    gain_planned_years: int = 0
    gain_realised_years: int = 0
    targetless_indicators: int = 0
    unbased_main_indicators: int = 0
    next_due_on: datetime.date | None = None


SUMMARY_COLUMNS = tuple(BenefitSummary.__dataclass_fields__)


def _ten_thousandths(amount: Decimal) -> int:
    return int(amount.scaleb(DECIMAL_PLACES).to_integral_value())


def _add_gains(summary: BenefitSummary, row: IndicatorRow) -> None:
    kind = unit_kind(row.unit)
    if kind is None or row.baseline_value is None:
        return
    sign = improvement_sign(row.direction)
    if row.target_value is not None:
        planned = _ten_thousandths(sign * (row.target_value - row.baseline_value))
        setattr(summary, f"gain_planned_{kind}", getattr(summary, f"gain_planned_{kind}") + planned)
    if row.latest_value is not None:
        realised = _ten_thousandths(sign * (row.latest_value - row.baseline_value))
        name = f"gain_realised_{kind}"
        setattr(summary, name, getattr(summary, name) + realised)


def benefit_summary(rows: Iterable[IndicatorRow]) -> BenefitSummary:
    """The summary of a benefit with these indicators (each with its `next_due_on`)."""
    summary = BenefitSummary()
    for row in rows:
        summary.indicator_count += 1
        _add_gains(summary, row)
        summary.targetless_indicators += pitfalls.lacks_target(row)
        summary.unbased_main_indicators += bool(row.is_main and pitfalls.lacks_baseline(row))
        if row.next_due_on is not None and (
            summary.next_due_on is None or row.next_due_on < summary.next_due_on
        ):
            summary.next_due_on = row.next_due_on
    return summary


def benefits_lock(benefit_ids: Iterable[int]) -> None:
    """Lock the benefits' rows until the transaction ends, in id order. Call before writing
    their indicators (or their indicators' measurements), and before locking the indicators."""
    ids = sorted(set(benefit_ids))
    if ids:
        rows = Benefit.objects.with_scopes_disabled().select_for_update().filter(pk__in=ids)
        list(rows.order_by("pk").values_list("pk", flat=True))


def indicators_lock(indicator_ids: Iterable[int]) -> None:
    """Lock the indicators' benefits and then the indicators' rows until the transaction ends,
    in id order (no deadlock between two imports, or an import and an edit of the benefit's
    indicators). Call before writing their measurements."""
    ids = sorted(set(indicator_ids))
    if ids:
        indicators = Indicator.objects.with_scopes_disabled().filter(pk__in=ids)
        benefits = Benefit.objects.with_scopes_disabled().select_for_update()
        benefits = benefits.filter(pk__in=indicators.values("benefit_id"))
        list(benefits.order_by("pk").values_list("pk", flat=True))
        rows = indicators.select_for_update()
        list(rows.order_by("pk").values_list("pk", flat=True))


def indicator_summaries_update(indicator_ids: Iterable[int]) -> int:
    """Work out the indicators' summaries again from their measurements (one statement; the
    lookups go through the index (indicator, date, value)), then their due dates and their
    benefits' summaries (`benefit_summaries_update`). Returns the number of indicators."""
    ids = sorted(set(indicator_ids))
    if not ids:
        return 0
    # Unscoped: the rows are named by id, and a scope's filter would join the benefit per row.
    measurements = Measurement.objects.with_scopes_disabled().filter(indicator=OuterRef("pk"))
    latest = measurements.order_by("-measured_on")
    count = measurements.order_by().values("indicator").annotate(n=Count("pk")).values("n")
    updated = (
        Indicator.objects.with_scopes_disabled()
        .filter(pk__in=ids)
        .update(
            latest_on=Subquery(latest.values("measured_on")[:1]),
            latest_value=Subquery(latest.values("value")[:1]),
            measurement_count=Coalesce(Subquery(count), Value(0), output_field=IntegerField()),
        )
    )
    written = Indicator.objects.with_scopes_disabled().filter(pk__in=ids)
    _summaries_write(benefit_ids=None, benefits_of=written.values("benefit_id"))
    return updated


def benefit_summaries_update(benefit_ids: Iterable[int]) -> None:
    """Work out the benefits' summaries (and their indicators' due dates) again from their
    indicators. Two statements, three when a due date changed."""
    ids = sorted(set(benefit_ids))
    if ids:
        _summaries_write(benefit_ids=ids, benefits_of=ids)


def _summaries_write(*, benefit_ids, benefits_of) -> None:
    """Read the indicators of the benefits `benefits_of` (ids, or a query giving them) and
    write their due dates and the benefits' summaries (`benefit_ids`: also the benefits left
    without indicators)."""
    found = (
        Indicator.objects.with_scopes_disabled()
        .filter(benefit_id__in=benefits_of)
        .order_by()
        .values_list(*SUMMED_FIELDS)
    )
    by_benefit: dict[int, list[IndicatorRow]] = {pk: [] for pk in benefit_ids or ()}
    due_changed = []
    for values in found:
        row = IndicatorRow(*values)
        due = pitfalls.next_measurement_due(row)
        if due != row.next_due_on:
            row.next_due_on = due
            due_changed.append((due, row.pk))
        by_benefit.setdefault(row.benefit_id, []).append(row)
    ops = connection.ops
    with connection.cursor() as cursor:
        if due_changed:
            cursor.executemany(
                "UPDATE benefits_indicator SET next_due_on = %s WHERE id = %s",
                [(ops.adapt_datefield_value(due), pk) for due, pk in due_changed],
            )
        summaries = [
            (*_adapted(benefit_summary(rows)), pk) for pk, rows in sorted(by_benefit.items())
        ]
        if summaries:
            columns = ", ".join(f"{name} = %s" for name in SUMMARY_COLUMNS)
            cursor.executemany(f"UPDATE benefits_benefit SET {columns} WHERE id = %s", summaries)


def _adapted(summary: BenefitSummary) -> tuple:
    values = astuple(summary)
    return (*values[:-1], connection.ops.adapt_datefield_value(values[-1]))
