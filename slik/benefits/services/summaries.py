"""The summary of an indicator's measurements kept on the indicator: the latest measurement's
date and value and the number of measurements (`Indicator.latest_on`, `latest_value`,
`measurement_count`).

Every service that writes measurements (record, replace, delete, import; the demo loader goes
through them, the benchmark generator calls `indicator_summaries_update` after its inserts)
locks the indicators first and updates their summaries after writing, in the same
transaction. The summary is worked out again from the measurements rather than adjusted, so a
replaced or deleted latest value cannot leave it wrong; the lock taken before writing makes a
second writer of the same indicator wait, and its summary then counts the first one's
measurements (PostgreSQL would otherwise work out the second summary from a snapshot taken
before the first writer committed).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from ..models import Indicator, Measurement


def indicators_lock(indicator_ids: Iterable[int]) -> None:
    """Lock the indicators' rows until the transaction ends, in id order (no deadlock between
    two imports). Call before writing their measurements."""
    ids = sorted(set(indicator_ids))
    if ids:
        rows = Indicator.objects.with_scopes_disabled().select_for_update().filter(pk__in=ids)
        list(rows.order_by("pk").values_list("pk", flat=True))


def indicator_summaries_update(indicator_ids: Iterable[int]) -> int:
    """Work out the indicators' summaries again from their measurements. One statement; the
    lookups go through the index (indicator, date, value). Returns the number of indicators."""
    ids = sorted(set(indicator_ids))
    if not ids:
        return 0
    # Unscoped: the rows are named by id, and a scope's filter would join the benefit per row.
    measurements = Measurement.objects.with_scopes_disabled().filter(indicator=OuterRef("pk"))
    latest = measurements.order_by("-measured_on")
    count = measurements.order_by().values("indicator").annotate(n=Count("pk")).values("n")
    return (
        Indicator.objects.with_scopes_disabled()
        .filter(pk__in=ids)
        .update(
            latest_on=Subquery(latest.values("measured_on")[:1]),
            latest_value=Subquery(latest.values("value")[:1]),
            measurement_count=Coalesce(Subquery(count), Value(0), output_field=IntegerField()),
        )
    )
