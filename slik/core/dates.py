"""The range of dates SLIK accepts, and date arithmetic that cannot overflow.

Python dates end at year 9999 and begin at year 1, so a date a form once accepted near either
end (9999-12-31, 0005-01-01) made every later "+ one month" or "ten years before" raise on the
pages, exports and reminder jobs that read it. Every write path checks `validate_date` (forms
through `DsFormMixin`, services before they save), and the read paths use the saturating helpers
below, so a stray old row is shown rather than crashing.
"""

from __future__ import annotations

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from slik.core.formats import format_date

EARLIEST = datetime.date(1900, 1, 1)
LATEST = datetime.date(2100, 12, 31)


def in_range(day: datetime.date | None) -> bool:
    return day is not None and EARLIEST <= _as_date(day) <= LATEST


def out_of_range_message() -> str:
    return _("Give a date between %(earliest)s and %(latest)s.") % {
        "earliest": format_date(EARLIEST),
        "latest": format_date(LATEST),
    }


def validate_date(day: datetime.date | None) -> None:
    """Raise ValidationError (code `date_out_of_range`) for a date outside the accepted range."""
    if day is None or in_range(day):
        return
    raise ValidationError(out_of_range_message(), code="date_out_of_range")


def date_errors(**dates) -> dict[str, list[ValidationError]]:
    """{field: messages} for the given dates outside the range, for services that collect errors.

    Values that are not dates are left to the field's own parsing (and its own message)."""
    errors = {}
    for name, day in dates.items():
        if not isinstance(day, datetime.date):
            continue
        try:
            validate_date(day)
        except ValidationError as exc:
            errors[name] = exc.error_list
    return errors


def validate_dates(**dates) -> None:
    """Services call this at the top of a write: ValidationError({field: message}) if any is bad."""
    errors = date_errors(**dates)
    if errors:
        raise ValidationError(errors)


def validate_model_dates(instance) -> None:
    """`validate_dates` for every date field of a model instance (not its timestamps), for
    services to call before they save: a path that skips the forms is refused as well."""
    validate_dates(
        **{
            field.name: getattr(instance, field.attname)
            for field in instance._meta.concrete_fields
            if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField)
        }
    )


def validate_year(year, field: str | None = None) -> None:
    """The year of a plan or key figure, in the same range as dates. With `field`, the error
    names it (for services); without, it is a plain validator (for form fields)."""
    if not isinstance(year, int) or EARLIEST.year <= year <= LATEST.year:
        return
    error = ValidationError(
        _("Give a year between %(earliest)s and %(latest)s."),
        code="year_out_of_range",
        params={"earliest": EARLIEST.year, "latest": LATEST.year},
    )
    raise ValidationError({field: error}) if field else error


def add_days(day: datetime.date, days: int) -> datetime.date:
    """`day + days`, held at the first or last date Python knows instead of overflowing."""
    try:
        return day + datetime.timedelta(days=days)
    except OverflowError:
        return datetime.date.max if days > 0 else datetime.date.min


def add_months(day: datetime.date, months: int) -> datetime.date:
    """`day` moved by whole months, the day clamped to the month's end (31 Jan + 1 = 29 Feb),
    held at the first or last date Python knows instead of overflowing."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if year < datetime.MINYEAR:
        return datetime.date.min
    if year > datetime.MAXYEAR:
        return datetime.date.max
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: datetime.date, years: int) -> datetime.date:
    return add_months(day, 12 * years)


def _as_date(day) -> datetime.date:
    return day.date() if isinstance(day, datetime.datetime) else day
