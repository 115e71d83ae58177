"""Checking every row: the indicator, the number, the date, and what is already recorded.

A row for a date that already has a measurement is not an error: the preview shows the value
on record, and the person importing chooses to skip such rows (the default) or replace them.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from slik.core.dates import in_range, out_of_range_message
from slik.core.formats import format_date, parse_date, parse_number

from ...models import Measurement
from ..measurements import earliest_measurement_on
from .rows import COLUMNS, SPLIT, SURPLUS, Formula, ImportRow, shown


def _key(name) -> str:
    return " ".join(str(name or "").split()).casefold()


def validate_rows(raw_rows, *, indicators, fixed=None, today=None) -> list[ImportRow]:
    """Parse and check every row; each ImportRow carries its own list of errors."""
    today = today or timezone.localdate()
    by_name: dict[str, list] = {}
    for indicator in indicators:
        by_name.setdefault(_key(indicator.name), []).append(indicator)
    existing = {
        (m.indicator_id, m.measured_on): m
        for m in Measurement.objects.filter(indicator__in=[i.pk for i in indicators])
    }
    seen: dict[tuple, int] = {}
    rows = []
    for line, raw in raw_rows:
        row = ImportRow(line=line, raw={k: shown(raw.get(k)) for k in COLUMNS})
        _check_cells(row, raw)
        row.indicator = _row_indicator(row, raw, fixed, by_name)
        _parse_row(row, raw, today)
        if row.indicator is not None and row.measured_on is not None:
            key = (row.indicator.pk, row.measured_on)
            if key in seen:
                row.errors.append(_("The same date appears on row %(row)s.") % {"row": seen[key]})
            seen.setdefault(key, line)
            row.existing = existing.get(key)
        rows.append(row)
    return rows


def _check_cells(row, raw) -> None:
    if any(isinstance(v, Formula) for v in raw.values()):
        row.errors.append(_("A cell contains a formula; enter the value itself."))
    if raw.get(SURPLUS):
        row.errors.append(
            _(
                "The row has more cells than the first row. With commas between the columns, "
                'a decimal comma splits the number in two: put the value in quotes ("24,5"), '
                "write it with a decimal point, or separate the columns with semicolons."
            )
        )
    if raw.get(SPLIT):
        row.errors.append(
            _(
                "The value may be %(number)s with a decimal comma, cut in two by the comma "
                'between the columns. Put the value in quotes ("%(number)s"), write it with a '
                "decimal point, or separate the columns with semicolons."
            )
            % {"number": shown(raw[SPLIT])}
        )


def _row_indicator(row, raw, fixed, by_name):
    name = raw.get("indicator")
    if fixed is not None:
        if name not in (None, "") and _key(name) != _key(fixed.name):
            row.errors.append(
                _("The row names another indicator (“%(name)s”).") % {"name": shown(name)}
            )
        indicator = fixed
    elif name is None or not str(name).strip():
        row.errors.append(_("The indicator is missing."))
        return None
    else:
        matches = by_name.get(_key(name), [])
        if len(matches) != 1:
            message = (
                _("Unknown indicator “%(name)s”.")
                if not matches
                else _(
                    "Several indicators are called “%(name)s”; import for one indicator instead."
                )
            )
            row.errors.append(message % {"name": shown(name)})
            return None
        indicator = matches[0]
    unit = raw.get("unit")
    if unit not in (None, "") and str(unit).strip() and _key(unit) != _key(indicator.unit):
        row.errors.append(
            _("The unit “%(unit)s” does not match the indicator's unit “%(expected)s”.")
            % {"unit": shown(unit), "expected": indicator.unit}
        )
    return indicator


def _parse_row(row, raw, today) -> None:
    try:
        row.value = parse_number(raw.get("value"))
    except ValidationError as exc:
        row.errors.append(
            _("“%(value)s” is not a number.") % {"value": shown(raw.get("value"))}
            if exc.code == "not_a_number"
            else exc.messages[0]
        )
    try:
        row.measured_on = parse_date(raw.get("date"))
    except ValidationError:
        row.errors.append(
            _("“%(value)s” is not a date; write YYYY-MM-DD or DD.MM.YYYY.")
            % {"value": shown(raw.get("date"))}
        )
    else:
        _check_date(row, today)
    row.comment = " ".join(str(raw.get("comment") or "").split())[:500]


def _check_date(row, today) -> None:
    if not in_range(row.measured_on):
        row.errors.append(out_of_range_message())
    elif row.measured_on > today:
        row.errors.append(_("The date is in the future."))
    elif row.indicator is not None and row.measured_on < earliest_measurement_on(row.indicator):
        row.errors.append(
            _("The date is too long before the baseline date (%(date)s).")
            % {"date": format_date(earliest_measurement_on(row.indicator))}
        )
