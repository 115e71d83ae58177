"""The measurements of one indicator as plain rows, for the indicator page.

The page reads the whole series (the charts and the analysis use every point) but shows a
page of it as a table. The series is read as columns of dates and values (floats, which the
analysis works in), and only the table's rows become named tuples: 500 measurements built as
objects with their recorders, or as Decimals, cost more than the rest of the page.

Both reads are plain SQL bound to the indicator's id. The indicator has been fetched in the
tenant already (`access_indicator`), so the tenant scope's joins to the benefit and the
organisation add nothing but cost; and for 500 rows Django's building of the query and its
converter per value took twice as long as SQLite's reading of them (1.6 against 0.5 ms).
"""

from __future__ import annotations

import datetime
from typing import NamedTuple

from django.db import connection

from slik.core.compiled import sql_rows

from .models import Indicator

# A LEFT JOIN: most measurements are imported or generated and have no recorder. `{day}`: the
# date as SQLite stores it, ISO text; read as the column, Django's converter parsed it in
# Python, row by row (0.15 ms of 0.45 for 500 rows). PostgreSQL gives the column as a date.
_SERIES_SQL = (
    "SELECT m.id, {day}, m.value, m.comment, u.full_name"
    " FROM benefits_measurement m LEFT JOIN accounts_user u ON u.id = m.recorded_by_id"
    " WHERE m.indicator_id = %s ORDER BY m.measured_on, m.id"
)
_DAY = {"sqlite": "CAST(m.measured_on AS TEXT)"}
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
    # PostgreSQL gives dates; SQLite gives the ISO text.
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


class MeasurementSeries:
    """The series as columns: the analysis and the charts take every date and value, the
    table a page of rows (`series[index]`, a `SeriesRow`). A row per measurement cost more
    than the columns, which are made in C (`zip`, `map`)."""

    def __init__(self, rows: list[tuple]):
        columns = tuple(zip(*rows, strict=True)) or ((),) * 5
        self._ids, days, values, self._comments, self._names = columns
        self.dates: list[datetime.date] = list(map(_date, days))
        self.values: list[float] = list(map(float, values))

    def __len__(self) -> int:
        return len(self.dates)

    def __getitem__(self, index: int) -> SeriesRow:
        return SeriesRow(
            self._ids[index],
            self.dates[index],
            self.values[index],
            self._comments[index],
            self._names[index],
        )


def measurement_series(*, indicator: Indicator) -> MeasurementSeries:
    """The indicator's measurements in date order. One query, whatever their number.

    The value is a Decimal on PostgreSQL and a float (or an int for a whole number) on SQLite;
    `float` gives the same float on both as casting in SQL did."""
    sql = _SERIES_SQL.format(day=_DAY.get(connection.vendor, "m.measured_on"))
    return MeasurementSeries(sql_rows(sql, [indicator.pk]))


def limit_period_starts(*, indicator: Indicator) -> list[datetime.date]:
    """The start dates of the periods the user began (`LimitPeriod`), in order: what
    `services.periods.limit_period_starts` gives, read as plainly as the series."""
    return [_date(day) for (day,) in sql_rows(_STARTS_SQL, [indicator.pk])]
