"""Reads for the benefits roll-up: counts and sums made by the database, given the organisation.

Oslo's 1,500 benefits become about a hundred grouped rows in one query; no benefit or indicator
is loaded as an object, and no indicator or measurement is read: each benefit keeps the sums of
its indicators' gains (services.summaries). `rollup` adds the rows up. The overdue measurements
are a panel of their own, loaded after the page (`overdue_measurements`).

The queries are written in SQL (the same on SQLite and PostgreSQL, every value a parameter):
Django's building and compiling of the grouped, annotated querysets cost more than the
database's work on them (decision 0009, «Gjenstår»).
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from slik.accounts.models import User
from slik.cases.models import Case
from slik.core.compiled import sql_rows

from . import pitfalls
from .models import Benefit, Indicator
from .rollup import (
    GAINS,
    CategoryTotals,
    OverdueMeasurement,
    Rollup,
    category_totals,
    counts_by,
    overdue_in_order,
)
from .selectors.pitfalls import benefits_filter, open_benefits_filter, overdue_days

CANCELLED = Benefit.Status.CANCELLED.value

# Grouped first and joined to the categories after: the grouping reads the index
# `benefit_rollup` alone, and the join is one lookup per group, not per benefit.
ROLLUP_SQL = """
SELECT {keys}, cat.name, cat.category_set, g.benefits,
       g.planned_kr, g.realised_kr, g.planned_years, g.realised_years
FROM (
    SELECT {group}, COUNT(*) AS benefits,
           SUM(b.gain_planned_kr) AS planned_kr, SUM(b.gain_realised_kr) AS realised_kr,
           SUM(b.gain_planned_years) AS planned_years,
           SUM(b.gain_realised_years) AS realised_years
    FROM benefits_benefit b
    WHERE {where}
    GROUP BY {group}
) g
LEFT OUTER JOIN benefits_benefitcategory cat ON cat.id = g.category_id
"""
SUMS = ("category_name", "category_set", "benefits", *GAINS)
BY_STATUS = ("status", "progress", "category_id")


def benefit_groups(organisation, *, cases=None, by_status: bool = True) -> list[dict]:
    """The benefits counted, and their gains summed (in ten-thousandths, improvement
    positive), by status, benefits status (progress) and category; or, not `by_status`, by
    category only, for the benefits that are not cancelled. One query."""
    where, params = benefits_filter(organisation, cases=cases)
    keys = BY_STATUS if by_status else ("category_id",)
    if not by_status:
        where, params = f"{where} AND b.status <> %s", [*params, CANCELLED]
    sql = ROLLUP_SQL.format(
        keys=", ".join(f"g.{key}" for key in keys),
        group=", ".join(f"b.{key}" for key in keys),
        where=where,
    )
    columns = (*keys, *SUMS)
    return [dict(zip(columns, row, strict=True)) for row in sql_rows(sql, params)]


def category_sums(*, organisation, cases=None) -> tuple[list, CategoryTotals]:
    """(planned against realised by category, the total), without the counts by status: for
    the portfolio's benefits. One query."""
    return category_totals(benefit_groups(organisation, cases=cases, by_status=False))


def organisation_rollup(*, organisation, cases=None) -> Rollup:
    """Planned against realised by category, and the benefits counted by status and by
    benefits status; of `cases` (a Case queryset) if given. One query, whatever the number of
    benefits."""
    groups = benefit_groups(organisation, cases=cases)
    categories, total = category_totals(groups)
    return Rollup(
        categories=categories,
        total=total,
        status_counts=counts_by(groups, "status", Benefit.Status.values),
        progress_counts=counts_by(groups, "progress", Benefit.Progress.values),
    )


OVERDUE_SQL = """
SELECT i.id, i.name, i.next_due_on, b.id, b.title, c.id, c.title, u.id, u.full_name
FROM benefits_indicator i
INNER JOIN benefits_benefit b ON b.id = i.benefit_id
INNER JOIN cases_case c ON c.id = b.case_id
LEFT OUTER JOIN accounts_user u ON u.id = b.responsible_id
WHERE {where} AND b.next_due_on < %s AND i.next_due_on < %s
ORDER BY c.title, b.case_id, b.id, i.is_main DESC, i.id
"""


def _overdue_item(row, *, organisation_id: int) -> OverdueMeasurement:
    """The row as the objects the list shows (unsaved: only what the list reads is set)."""
    pk, name, due_on, benefit_id, title, case_id, case_title, person_id, person = row
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
    due date is the indicator's own column, and the benefit's earliest one says which
    benefits to look at."""
    check = pitfalls.Check(
        overdue_days=overdue_days(organisation), today=today or timezone.localdate()
    )
    where, params = open_benefits_filter(organisation)
    rows = sql_rows(OVERDUE_SQL.format(where=where), [*params, check.cutoff, check.cutoff])
    found = [_overdue_item(row, organisation_id=organisation.pk) for row in rows]
    return overdue_in_order(found)
