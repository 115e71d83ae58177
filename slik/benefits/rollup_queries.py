"""Reads for the benefits roll-up: counts and sums made by the database, given the organisation.

Oslo's 1,500 benefits and 3,000 indicators become a few dozen grouped rows; no benefit or
indicator is loaded as an object, and no measurement is read (the latest value is kept on the
indicator, services.summaries). `rollup` adds the rows up. The overdue measurements are a
panel of their own, loaded after the page (`overdue_measurements`).
"""

from __future__ import annotations

import datetime

from django.db.models import (
    BigIntegerField,
    Count,
    F,
    Q,
    Sum,
    Value,
)
from django.db.models.functions import Cast, Round
from django.utils import timezone

from slik.accounts.models import User
from slik.cases.models import Case

from . import pitfalls
from .models import Benefit, Indicator
from .models.indicator import planned_dates
from .rollup import (
    DECIMAL_PLACES,
    OverdueMeasurement,
    Rollup,
    category_totals,
    counts_by,
    overdue_in_order,
)
from .selectors import overdue_days_for

CANCELLED = Benefit.Status.CANCELLED


def _benefits_where(organisation, *, cases=None, prefix: str = "") -> Q:
    """The organisation's benefits (of `cases`, a Case queryset, if given), as a filter on
    Benefit or, with `prefix`, on a relation to it."""
    where = Q(**{f"{prefix}organisation": organisation})
    if cases is not None:
        where &= Q(**{f"{prefix}case__in": cases.values("pk")})
    return where


def _summed_indicators(organisation, *, cases=None):
    """The indicators whose gains are summed: those of benefits that are not cancelled."""
    where = _benefits_where(organisation, cases=cases, prefix="benefit__")
    return Indicator.objects.filter(where).exclude(benefit__status=CANCELLED)


def benefit_counts(organisation, *, cases=None) -> list[dict]:
    """Benefits counted by status, benefits status (progress) and category. One query."""
    return list(
        Benefit.objects.filter(_benefits_where(organisation, cases=cases))
        .values(
            "status",
            "progress",
            "category_id",
            category_name=F("category__name"),
            category_set=F("category__category_set"),
        )
        .annotate(benefits=Count("pk"))
        .order_by()
    )


def _in_ten_thousandths(amount):
    return Cast(Round(amount * Value(10**DECIMAL_PLACES)), BigIntegerField())


def indicator_sums(organisation, *, cases=None) -> list[dict]:
    """target − baseline and latest − baseline summed per category, unit (as stored) and
    direction, in ten-thousandths (exact). One query; the latest value is the indicator's
    summary column, so no measurement is read. Every unit is grouped: which ones are summed
    (`unit_kind`) is decided on the few grouped rows, in Python."""
    return list(
        _summed_indicators(organisation, cases=cases)
        .values("unit", "direction", category_id=F("benefit__category_id"))
        .annotate(
            planned=Sum(_in_ten_thousandths(F("target_value") - F("baseline_value"))),
            realised=Sum(_in_ten_thousandths(F("latest_value") - F("baseline_value"))),
        )
        .order_by()
    )


def organisation_rollup(*, organisation, cases=None) -> Rollup:
    """Planned against realised by category, and the benefits counted by status and by
    benefits status; of `cases` (a Case queryset) if given. Two queries (counts, sums),
    whatever the number of benefits."""
    counts = benefit_counts(organisation, cases=cases)
    sums = indicator_sums(organisation, cases=cases)
    categories, total = category_totals(counts, sums)
    return Rollup(
        categories=categories,
        total=total,
        status_counts=counts_by(counts, "status", Benefit.Status.values),
        progress_counts=counts_by(counts, "progress", Benefit.Progress.values),
    )


OVERDUE_FIELDS = (
    "pk",
    "name",
    "frequency",
    "measurement_dates",
    "pitfall_last_on",
    "benefit_id",
    "benefit__title",
    "benefit__case_id",
    "benefit__case__title",
    "benefit__responsible_id",
    "benefit__responsible__full_name",
)


def _overdue_item(row, *, organisation_id: int, due_on: datetime.date) -> OverdueMeasurement:
    """The row as the objects the list shows (unsaved: only what the list reads is set)."""
    pk, name, _f, _d, _l, benefit_id, title, case_id, case_title, person_id, person = row
    case = Case(pk=case_id, title=case_title, organisation_id=organisation_id)
    responsible = User(pk=person_id, full_name=person) if person_id else None
    benefit = Benefit(
        pk=benefit_id,
        title=title,
        case=case,
        responsible=responsible,
        organisation_id=organisation_id,
    )
    return OverdueMeasurement(benefit, Indicator(pk=pk, name=name, benefit=benefit), due_on)


def overdue_measurements(
    *, organisation, today: datetime.date | None = None
) -> list[OverdueMeasurement]:
    """The indicators of open benefits whose measurement is overdue, longest overdue first.
    Two queries (settings, indicators). The overdue rule is the pitfall's (`pitfalls`): the
    database finds the indicators with a fixed period, and those measured on given dates are
    checked here."""
    today = today or timezone.localdate()
    overdue_days = overdue_days_for(organisation)
    conditions = pitfalls.indicator_conditions(
        overdue_days=overdue_days, today=today, codes={"measurement_overdue"}
    )
    rows = (
        Indicator.objects.filter(
            benefit__organisation=organisation, benefit__status__in=Benefit.OPEN_STATUSES
        )
        .annotate(pitfall_last_on=pitfalls.last_measured_on())
        .filter(conditions["measurement_overdue"] | Q(frequency=Indicator.Frequency.DATES))
        .order_by("benefit__case__title", "benefit__case_id", "benefit_id", "-is_main", "id")
        .values_list(*OVERDUE_FIELDS)
    )
    found = []
    for row in rows:
        frequency, dates, last_on = row[2:5]
        planned = planned_dates(dates) if frequency == Indicator.Frequency.DATES else []
        due = pitfalls.due_after(last_on, frequency, planned)
        if pitfalls.is_overdue(due, overdue_days, today):
            found.append(_overdue_item(row, organisation_id=organisation.pk, due_on=due))
    return overdue_in_order(found)
