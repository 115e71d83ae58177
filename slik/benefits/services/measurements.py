"""Measurements of an indicator: one value per indicator and date.

A second value for a date that already has one is refused unless the caller says to replace
it; replacing is audited with the value before and after. The unique constraint on
(indicator, measured_on) is the backstop when two people record the same date at once.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from slik.core.audit import audit_log
from slik.core.dates import EARLIEST, add_years, date_errors, in_range
from slik.core.formats import format_date, parse_number

from ..models import Indicator, Measurement
from .reminders import measurement_tasks_complete
from .summaries import indicator_summaries_update, indicators_lock

# A measurement may describe the years before the baseline (history), but not the distant past.
YEARS_BEFORE_BASELINE = 10


def _log_on_benefit(actor, action, indicator, before=None, after=None):
    audit_log(
        actor=actor,
        action=action,
        obj=indicator.benefit,
        before=before,
        after=after,
        data={"indicator": indicator.name},
    )


def _state(measurement: Measurement) -> dict:
    return {
        "measured_on": measurement.measured_on.isoformat(),
        "value": str(measurement.value),
        "comment": measurement.comment,
    }


def earliest_measurement_on(indicator: Indicator) -> datetime.date:
    """The first day a measurement may describe: some years before the baseline, never before
    the accepted range (an old baseline near year 1 must not break the check)."""
    if not indicator.baseline_on:
        return EARLIEST
    return max(EARLIEST, add_years(indicator.baseline_on, -YEARS_BEFORE_BASELINE).replace(day=1))


def measurement_clean(*, indicator: Indicator, measured_on, value) -> tuple[datetime.date, object]:
    errors = {}
    try:
        number = parse_number(value)
    except ValidationError as exc:
        errors["value"] = exc.messages
        number = None
    if not isinstance(measured_on, datetime.date):
        errors["measured_on"] = _("Give the date of the measurement.")
    elif not in_range(measured_on):
        errors.update(date_errors(measured_on=measured_on))
    elif measured_on > timezone.localdate():
        errors["measured_on"] = _("A measurement cannot be dated in the future.")
    elif measured_on < (earliest := earliest_measurement_on(indicator)):
        errors["measured_on"] = _("The date is too long before the baseline date (%(date)s).") % {
            "date": format_date(earliest)
        }
    if errors:
        raise ValidationError(errors)
    return measured_on, number


def measurement_on(*, indicator: Indicator, measured_on) -> Measurement | None:
    """The measurement already recorded on that date, if any (for the form to show)."""
    if not isinstance(measured_on, datetime.date):
        return None
    return Measurement.objects.filter(indicator=indicator, measured_on=measured_on).first()


def _date_taken() -> ValidationError:
    return ValidationError(
        {
            "measured_on": ValidationError(
                _("There is already a measurement on this date."), code="exists"
            )
        }
    )


@transaction.atomic
def measurement_record(
    *, actor, indicator: Indicator, measured_on, value, comment: str = "", replace: bool = False
) -> Measurement:
    """Record a value; a date that already has one is refused (code `exists`) unless
    `replace`, which overwrites it and audits the value before and after."""
    measured_on, number = measurement_clean(
        indicator=indicator, measured_on=measured_on, value=value
    )
    comment = (comment or "").strip()[:500]
    indicators_lock([indicator.pk])
    existing = (
        Measurement.objects.select_for_update()
        .filter(indicator=indicator, measured_on=measured_on)
        .first()
    )
    if existing is not None:
        if not replace:
            raise _date_taken()
        return measurement_replace(actor=actor, measurement=existing, value=number, comment=comment)
    try:
        with transaction.atomic():
            measurement = Measurement.objects.create(
                indicator=indicator,
                measured_on=measured_on,
                value=number,
                comment=comment,
                recorded_by=actor if getattr(actor, "is_authenticated", False) else None,
            )
    except IntegrityError as exc:
        # Someone recorded the same date in the moment since the check above.
        raise _date_taken() from exc
    indicator_summaries_update([indicator.pk])
    # A measurement on or after a due date closes the benefit responsible's reminder.
    measurement_tasks_complete(indicator=indicator, measured_on=measured_on)
    _log_on_benefit(
        actor,
        "measurement.recorded",
        indicator,
        after={"measured_on": measured_on.isoformat(), "value": str(number)},
    )
    return measurement


@transaction.atomic
def measurement_replace(*, actor, measurement: Measurement, value, comment: str) -> Measurement:
    """Overwrite a recorded value (the person chose to replace it); audited before/after."""
    indicators_lock([measurement.indicator_id])
    measurement = Measurement.objects.select_for_update().get(pk=measurement.pk)
    before = _state(measurement)
    measurement.value = value
    measurement.comment = comment
    measurement.recorded_by = actor if getattr(actor, "is_authenticated", False) else None
    measurement.save(update_fields=["value", "comment", "recorded_by"])
    indicator_summaries_update([measurement.indicator_id])
    _log_on_benefit(
        actor,
        "measurement.replaced",
        measurement.indicator,
        before=before,
        after=_state(measurement),
    )
    return measurement


@transaction.atomic
def measurement_delete(*, actor, measurement: Measurement) -> None:
    indicators_lock([measurement.indicator_id])
    _log_on_benefit(
        actor,
        "measurement.deleted",
        measurement.indicator,
        before={
            "measured_on": measurement.measured_on.isoformat(),
            "value": str(measurement.value),
        },
    )
    measurement.delete()
    indicator_summaries_update([measurement.indicator_id])
