"""The measurements of one indicator as plain rows, for the indicator page.

The page reads the whole series (the charts and the analysis use every point) but shows a
page of it as a table. Rows are named tuples, not model objects, and values are floats, which
the analysis works in: 500 measurements built as objects with their recorders, or as
Decimals, cost more than the rest of the page.

Both reads are plain SQL bound to the indicator's id. The indicator has been fetched in the
tenant already (`access_indicator`), so the tenant scope's joins to the benefit and the
organisation add nothing but cost; and for 500 rows Django's building of the query and its
converter per value took twice as long as SQLite's reading of them (1.6 against 0.5 ms).
"""

from __future__ import annotations

import datetime
from typing import NamedTuple

from django.db import connection

from .models import Indicator

# A LEFT JOIN: most measurements are imported or generated and have no recorder.
_SERIES_SQL = (
    "SELECT m.id, m.measured_on, m.value, m.comment, u.full_name"
    " FROM benefits_measurement m LEFT JOIN accounts_user u ON u.id = m.recorded_by_id"
    " WHERE m.indicator_id = %s ORDER BY m.measured_on, m.id"
)
_STARTS_SQL = (
    "SELECT starts_on FROM benefits_limitperiod WHERE indicator_id = %s ORDER BY starts_on"
)


class SeriesRow(NamedTuple):
    pk: int
    measured_on: datetime.date
    value: float
    comment: str
    recorded_by_name: str | None


def _date(value) -> datetime.date:
    # PostgreSQL gives dates; SQLite gives them too through Django's converter for the
    # column's declared type, but a text date is read the same either way.
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def measurement_series(*, indicator: Indicator) -> list[SeriesRow]:
    """The indicator's measurements in date order. One query, whatever their number.

    The value is a Decimal on PostgreSQL and a float (or an int for a whole number) on SQLite;
    `float` gives the same float on both as casting in SQL did."""
    with connection.cursor() as cursor:
        cursor.execute(_SERIES_SQL, [indicator.pk])
        rows = cursor.fetchall()
    return [
        SeriesRow(pk, _date(day), float(value), comment, name)
        for pk, day, value, comment, name in rows
    ]


def limit_period_starts(*, indicator: Indicator) -> list[datetime.date]:
    """The start dates of the periods the user began (`LimitPeriod`), in order: what
    `services.periods.limit_period_starts` gives, read as plainly as the series."""
    with connection.cursor() as cursor:
        cursor.execute(_STARTS_SQL, [indicator.pk])
        return [_date(day) for (day,) in cursor.fetchall()]
