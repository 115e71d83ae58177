"""The measurements of one indicator as plain rows, for the indicator page.

The page reads the whole series (the charts and the analysis use every point) but shows a
page of it as a table. Rows are named tuples, not model objects, and values come as floats,
which the analysis works in: 500 measurements built as objects with their recorders, or as
Decimals, cost more than the rest of the page.
"""

from __future__ import annotations

import datetime
from typing import NamedTuple

from django.db.models import FloatField
from django.db.models.functions import Cast

from .models import Indicator, Measurement


class SeriesRow(NamedTuple):
    pk: int
    measured_on: datetime.date
    value: float
    comment: str
    recorded_by_name: str | None


def measurement_series(*, indicator: Indicator) -> list[SeriesRow]:
    """The indicator's measurements in date order. One query, whatever their number."""
    rows = (
        Measurement.objects.filter(indicator=indicator)
        .order_by("measured_on", "id")
        .values_list(
            "pk",
            "measured_on",
            Cast("value", FloatField()),
            "comment",
            "recorded_by__full_name",
        )
    )
    return [SeriesRow._make(row) for row in rows]
