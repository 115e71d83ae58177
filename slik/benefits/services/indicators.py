"""Indicators (måleindikatorer) with baseline and target; measurements are in `measurements`.

The validation functions are pure so forms and imports give exactly the service's messages.
Indicator and measurement changes are logged on the benefit, so its history tells the story.
"""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from slik.core.audit import audit_log, snapshot
from slik.core.concurrency import lock_version, save_versioned, subject_of
from slik.core.dates import date_errors, validate_date
from slik.core.formats import format_number, parse_date

from ..models import Direction, Indicator
from ..models.indicator import is_percent
from .summaries import benefit_summaries_update, benefits_lock

INDICATOR_FIELDS = (
    "name",
    "unit",
    "direction",
    "is_main",
    "baseline_value",
    "baseline_on",
    "target_value",
    "target_on",
    "data_source",
    "method",
    "frequency",
    "measurement_dates",
    "cost_of_measuring",
    "lower_bound",
    "upper_bound",
)


def _pair_errors(data: dict, errors: dict) -> None:
    pairs = (
        ("baseline_value", "baseline_on", _("baseline")),
        ("target_value", "target_on", _("target")),
    )
    for value_field, date_field, label in pairs:
        has_value = data.get(value_field) is not None
        has_date = data.get(date_field) is not None
        if has_value and not has_date:
            errors[date_field] = _("Give the date of the %(what)s as well.") % {"what": label}
        elif has_date and not has_value:
            errors[value_field] = _("Give the value of the %(what)s as well.") % {"what": label}


def _target_errors(data: dict, errors: dict) -> None:
    baseline, target = data.get("baseline_value"), data.get("target_value")
    if baseline is not None and target is not None:
        if target == baseline:
            errors["target_value"] = _(
                "The target must differ from the baseline – otherwise there is no change to "
                "measure."
            )
        elif data.get("direction") == Direction.HIGHER and target < baseline:
            errors["target_value"] = _(
                "Higher is better for this indicator, so the target must be above the baseline."
            )
        elif data.get("direction") == Direction.LOWER and target > baseline:
            errors["target_value"] = _(
                "Lower is better for this indicator, so the target must be below the baseline."
            )
    baseline_on, target_on = data.get("baseline_on"), data.get("target_on")
    if baseline_on and target_on and target_on <= baseline_on:
        errors["target_on"] = _("The target date must come after the baseline date.")


def _number(value) -> Decimal | None:
    """A value as a Decimal for comparing (callers may hand over text), or None."""
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _bound_errors(data: dict, errors: dict) -> None:
    """The natural bounds in order, and the baseline and target within them."""
    lower, upper = _number(data.get("lower_bound")), _number(data.get("upper_bound"))
    if lower is not None and upper is not None and lower >= upper:
        errors["upper_bound"] = _("The highest possible value must be above the lowest.")
        return
    for name in ("baseline_value", "target_value"):
        value = _number(data.get(name))
        if value is None or name in errors:
            continue
        if (lower is not None and value < lower) or (upper is not None and value > upper):
            errors[name] = _("The value lies outside what the quantity can take (%(range)s).") % {
                "range": " – ".join(
                    "…" if bound is None else format_number(bound) for bound in (lower, upper)
                )
            }


def default_bounds(unit: str) -> dict:
    """Bounds for an indicator made without them (demo data, imports): a share from 0 to 100,
    anything else not below 0 – hours, kroner, counts and scores cannot be negative."""
    return {"lower_bound": 0, "upper_bound": 100 if is_percent(unit) else None}


def parse_dates(value) -> list[datetime.date]:
    """Dates from a list or from text separated by commas, semicolons or new lines."""
    if isinstance(value, str):
        value = [part for part in value.replace(";", ",").replace("\n", ",").split(",")]
    dates = []
    for item in value or []:
        if isinstance(item, datetime.date):
            dates.append(item)
            continue
        text = str(item).strip()
        if not text:
            continue
        try:
            dates.append(parse_date(text))
        except ValidationError as exc:
            raise ValidationError(
                _("“%(value)s” is not a date. Write dates as 31.12.2025 or 2025-12-31."),
                code="bad_date",
                params={"value": text[:30]},
            ) from exc
    for day in dates:
        validate_date(day)
    return sorted(set(dates))


def indicator_clean(data: dict) -> dict:
    """Check an indicator's fields; returns them normalised or raises ValidationError(dict)."""
    data = dict(data)
    errors: dict = {}
    for name in ("name", "unit"):
        data[name] = (data.get(name) or "").strip()
    if not data["name"]:
        errors["name"] = _("Give the indicator a name.")
    if not data["unit"]:
        errors["unit"] = _("Give the unit, for example %, kr, hours per week or årsverk.")
    if data.get("direction") not in Direction.values:
        errors["direction"] = _("Choose whether higher or lower is better.")
    if data.get("frequency", Indicator.Frequency.MONTHLY) not in Indicator.Frequency.values:
        errors["frequency"] = _("Choose a measurement frequency from the list.")
    _pair_errors(data, errors)
    _target_errors(data, errors)
    _bound_errors(data, errors)
    for name, messages in date_errors(
        baseline_on=data.get("baseline_on"), target_on=data.get("target_on")
    ).items():
        errors[name] = messages
    try:
        dates = parse_dates(data.get("measurement_dates") or [])
    except ValidationError as exc:
        errors["measurement_dates"] = exc.messages
        dates = []
    if data.get("frequency") == Indicator.Frequency.DATES and not dates:
        errors.setdefault(
            "measurement_dates", _("List the dates of measurement, one per line or comma.")
        )
    data["measurement_dates"] = [d.isoformat() for d in dates]
    if errors:
        raise ValidationError(errors)
    return data


def _log_on_benefit(actor, action, indicator, before=None, after=None, data=None):
    audit_log(
        actor=actor,
        action=action,
        obj=indicator.benefit,
        before=before,
        after=after,
        data={"indicator": indicator.name, **(data or {})},
    )


@transaction.atomic
def indicator_create(*, actor, benefit, **fields) -> Indicator:
    fields = dict(fields)
    if "lower_bound" not in fields and "upper_bound" not in fields:
        fields.update(default_bounds(fields.get("unit") or ""))
    data = indicator_clean({k: fields.get(k) for k in INDICATOR_FIELDS if k in fields})
    benefits_lock([benefit.pk])
    indicator = Indicator.objects.create(benefit=benefit, **data)
    benefit_summaries_update([benefit.pk])
    _log_on_benefit(actor, "indicator.created", indicator, after=snapshot(indicator, data))
    return indicator


@transaction.atomic
def indicator_update(
    *, actor, indicator: Indicator, version: int | None = None, **fields
) -> Indicator:
    """`version` is the one the edit form was loaded from (slik.core.concurrency)."""
    benefits_lock([indicator.benefit_id])  # the benefit first, as every writer of its summary
    lock_version(indicator, version)
    current = {name: getattr(indicator, name) for name in INDICATOR_FIELDS}
    data = indicator_clean({**current, **fields})
    before = snapshot(indicator, INDICATOR_FIELDS)
    for name, value in data.items():
        setattr(indicator, name, value)
    save_versioned(indicator, data)
    benefit_summaries_update([indicator.benefit_id])
    _log_on_benefit(
        actor,
        "indicator.changed",
        indicator,
        before=before,
        after=snapshot(indicator, INDICATOR_FIELDS),
        data=subject_of(indicator),
    )
    return indicator


@transaction.atomic
def indicator_delete(*, actor, indicator: Indicator) -> None:
    benefits_lock([indicator.benefit_id])
    _log_on_benefit(actor, "indicator.deleted", indicator, before={"name": indicator.name})
    indicator.delete()
    benefit_summaries_update([indicator.benefit_id])
