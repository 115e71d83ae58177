"""New periods of an indicator's control chart (LimitPeriod).

After a sustained shift the old noise limits describe a process that is no more: the user
starts a new period from a chosen date and the measurements from then get limits of their own.
Both starting and removing a period are logged on the benefit; removing the latest period
restores the limits before it, so the step can be undone.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from slik.core.audit import audit_log
from slik.core.dates import date_errors

from ..models import Indicator, Measurement
from ..models.indicator import LimitPeriod

REASON_MAX = 300


def limit_period_clean(*, indicator: Indicator, starts_on, reason: str) -> dict:
    """The period's fields checked; ValidationError({field: message}) otherwise."""
    errors: dict = {}
    reason = (reason or "").strip()
    if not reason:
        errors["reason"] = _("Say what changed, so others can see why the limits were renewed.")
    elif len(reason) > REASON_MAX:
        errors["reason"] = _("Keep the reason to %(max)s characters.") % {"max": REASON_MAX}
    if starts_on is None:
        errors["starts_on"] = _("Give the date the new period starts.")
    else:
        errors.update(date_errors(starts_on=starts_on))
    if "starts_on" not in errors:
        first = (
            Measurement.objects.filter(indicator=indicator)
            .order_by("measured_on")
            .values_list("measured_on", flat=True)
            .first()
        )
        if first is None or starts_on <= first:
            errors["starts_on"] = _(
                "A new period must start after the first measurement: the measurements before "
                "it keep the limits they have."
            )
        elif LimitPeriod.objects.filter(indicator=indicator, starts_on=starts_on).exists():
            errors["starts_on"] = _("A period already starts on this date.")
    if errors:
        raise ValidationError(errors)
    return {"starts_on": starts_on, "reason": reason}


def _log(actor, action: str, period: LimitPeriod) -> None:
    audit_log(
        actor=actor,
        action=action,
        obj=period.indicator.benefit,
        data={
            "indicator": period.indicator.name,
            "starts_on": period.starts_on.isoformat(),
            "reason": period.reason,
        },
    )


@transaction.atomic
def limit_period_start(*, actor, indicator: Indicator, starts_on, reason: str) -> LimitPeriod:
    data = limit_period_clean(indicator=indicator, starts_on=starts_on, reason=reason)
    period = LimitPeriod.objects.create(indicator=indicator, created_by=actor, **data)
    _log(actor, "indicator.period.started", period)
    return period


def limit_period_latest(*, indicator: Indicator) -> LimitPeriod | None:
    return LimitPeriod.objects.filter(indicator=indicator).order_by("-starts_on", "-id").first()


def limit_period_starts(*, indicator: Indicator) -> list:
    return list(
        LimitPeriod.objects.filter(indicator=indicator)
        .order_by("starts_on")
        .values_list("starts_on", flat=True)
    )


@transaction.atomic
def limit_period_undo(*, actor, indicator: Indicator) -> LimitPeriod | None:
    """Remove the latest period, so the limits before it apply again; None if there is none."""
    period = limit_period_latest(indicator=indicator)
    if period is None:
        return None
    _log(actor, "indicator.period.removed", period)
    period.delete()
    return period
