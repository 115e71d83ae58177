"""Importing the checked rows: every row or none, once, and rows for dates already on record
skipped or replaced as the person importing chose (skipped unless they choose otherwise).

The confirmation validates again inside the transaction (the database may have changed since
the preview). Two confirmations of one preview (a double click, two tabs) race for the same
(indicator, date) pairs; the unique constraint lets one win and the other is told the rows are
already imported, instead of storing them twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from slik.core.audit import audit_log

from ...models import Measurement
from ..measurements import measurement_replace
from ..reminders import measurement_tasks_complete
from ..summaries import indicator_summaries_update, indicators_lock
from .validating import validate_rows


class AlreadyImported(ValidationError):
    def __init__(self):
        super().__init__(
            _(
                "These measurements have just been imported by another confirmation of the "
                "same file. Nothing was imported twice."
            ),
            code="already_imported",
        )


@dataclass
class ImportResult:
    created: int = 0
    replaced: int = 0
    # Rows for dates on record with another value, left as they were.
    skipped: int = 0
    # Rows that say exactly what is on record.
    unchanged: int = 0


@transaction.atomic
def measurements_import(
    *, actor, case, raw_rows, indicators, fixed=None, replace_existing: bool = False
) -> ImportResult:
    """Validate again and import every row, or nothing (ValidationError lists the bad rows)."""
    indicators_lock(indicator.pk for indicator in indicators)
    rows = validate_rows(raw_rows, indicators=indicators, fixed=fixed)
    bad = [row for row in rows if row.errors]
    if bad:
        raise ValidationError(
            [
                _("Row %(row)s: %(errors)s") % {"row": row.line, "errors": " ".join(row.errors)}
                for row in bad
            ]
        )
    new = [row for row in rows if row.existing is None]
    differing = [row for row in rows if row.existing is not None and not row.is_unchanged]
    result = ImportResult(created=len(new), unchanged=len(rows) - len(new) - len(differing))
    _create(actor, new)
    indicator_summaries_update(row.indicator.pk for row in new)
    if replace_existing:
        for row in differing:
            measurement_replace(
                actor=actor, measurement=row.existing, value=row.value, comment=row.comment
            )
        result.replaced = len(differing)
    else:
        result.skipped = len(differing)
    if result.created or result.replaced:
        _complete_tasks(new)
        audit_log(
            actor=actor,
            action="measurement.imported",
            obj=fixed or case,
            organisation=case.organisation,
            data={
                "count": result.created,
                "replaced": result.replaced,
                "skipped": result.skipped,
                "indicators": sorted({row.indicator.name for row in rows}),
            },
        )
    return result


def _create(actor, rows) -> None:
    try:
        with transaction.atomic():
            Measurement.objects.bulk_create(
                Measurement(
                    indicator=row.indicator,
                    measured_on=row.measured_on,
                    value=row.value,
                    comment=row.comment,
                    recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
                )
                for row in rows
            )
    except IntegrityError as exc:
        raise AlreadyImported from exc


def _complete_tasks(rows) -> None:
    latest: dict = {}
    for row in rows:
        latest[row.indicator] = max(latest.get(row.indicator, row.measured_on), row.measured_on)
    for indicator, measured_on in latest.items():
        measurement_tasks_complete(indicator=indicator, measured_on=measured_on)
