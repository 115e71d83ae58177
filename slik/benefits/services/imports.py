"""Import of measurements from CSV or XLSX: parse → validate every row → import all or nothing.

The preview shows every row with its parsed values and errors; only a clean file can be
confirmed, and the confirmation validates again inside one transaction (the database may have
changed in between), so a bad row never leaves a partial import behind.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from slik.core.audit import audit_log

from ..models import Measurement

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
FAR_BACK_YEARS = 5
MAX_ABS_VALUE = Decimal("1e12")
COLUMNS = {
    "date": {"date", "dato", "måledato", "measured_on"},
    "value": {"value", "verdi", "måling", "measurement"},
    "comment": {"comment", "kommentar", "merknad"},
    "unit": {"unit", "enhet", "måleenhet"},
    "indicator": {"indicator", "indikator", "måleindikator"},
}
SHEET_NAMES = {"målinger", "malinger", "measurements"}


class ImportFileError(Exception):
    """The file as a whole cannot be read (wrong type, sheet or columns)."""


@dataclass
class ImportRow:
    line: int
    raw: dict
    indicator: object = None
    measured_on: datetime.date | None = None
    value: Decimal | None = None
    comment: str = ""
    errors: list[str] = field(default_factory=list)

    def as_stored(self) -> dict:
        return {
            "line": self.line,
            "indicator_id": self.indicator.pk,
            "measured_on": self.measured_on.isoformat(),
            "value": str(self.value),
            "comment": self.comment,
        }


# --- reading the file -------------------------------------------------------------------


def read_upload(upload) -> list[tuple[int, dict]]:
    """The file's data rows as (line number, {column: raw value}); raises ImportFileError."""
    if upload.size > MAX_BYTES:
        raise ImportFileError(_("The file is larger than 2 MB."))
    content = upload.read()
    name = (upload.name or "").lower()
    if name.endswith(".xlsx") or content[:2] == b"PK":
        header, rows = _read_xlsx(content)
    elif name.endswith((".csv", ".txt")):
        header, rows = _read_csv(content)
    else:
        raise ImportFileError(_("Upload a CSV file or an Excel workbook (.xlsx)."))
    columns = _map_columns(header)
    result = []
    for line, cells in rows:
        if all(_blank(c) for c in cells):
            continue
        result.append((line, {key: _cell(cells, index) for key, index in columns.items()}))
        if len(result) > MAX_ROWS:
            raise ImportFileError(_("The file has more than %(max)s rows.") % {"max": MAX_ROWS})
    if not result:
        raise ImportFileError(_("The file has no rows with measurements."))
    return result


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _cell(cells, index):
    return cells[index] if index < len(cells) else None


def _decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older Excel versions in Norway save "CSV (semikolondelt)" as Windows-1252.
        return content.decode("cp1252", errors="replace")


def _read_csv(content: bytes):
    text = _decode(content)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if ";" in first_line else ("\t" if "\t" in first_line else ",")
    try:
        lines = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise ImportFileError(_("The CSV file could not be read.")) from exc
    if not lines:
        raise ImportFileError(_("The file is empty."))
    return lines[0], [(number, row) for number, row in enumerate(lines[1:], start=2)]


def _read_xlsx(content: bytes):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), data_only=False, read_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ImportFileError(_("The Excel file could not be read.")) from exc
    try:
        sheet = _choose_sheet(workbook)
        rows = [
            (index, [_xlsx_value(cell) for cell in row])
            for index, row in enumerate(sheet.iter_rows(), start=1)
        ]
    finally:
        workbook.close()
    if not rows:
        raise ImportFileError(_("The sheet is empty."))
    header = ["" if v is None else str(v) for v in rows[0][1]]
    return header, rows[1:]


def _choose_sheet(workbook):
    for name in workbook.sheetnames:
        if name.strip().lower() in SHEET_NAMES:
            return workbook[name]
    if len(workbook.sheetnames) == 1:
        return workbook[workbook.sheetnames[0]]
    raise ImportFileError(
        _("The workbook has several sheets and none is called “Målinger”. Rename the sheet.")
    )


class Formula(str):
    """A cell that holds a formula: never imported."""


def _xlsx_value(cell):
    value = getattr(cell, "value", None)
    if getattr(cell, "data_type", None) == "f" or (
        isinstance(value, str) and value.startswith("=")
    ):
        return Formula(str(value))
    return value


def _map_columns(header) -> dict[str, int]:
    columns = {}
    for index, title in enumerate(header):
        key = str(title or "").strip().lower()
        for name, aliases in COLUMNS.items():
            if key in aliases and name not in columns:
                columns[name] = index
    missing = [name for name in ("date", "value") if name not in columns]
    if missing:
        raise ImportFileError(
            _(
                "The first row must name the columns; “date” and “value” are required "
                "(missing: %(m)s)."
            )
            % {"m": ", ".join(missing)}
        )
    return columns


# --- parsing values ---------------------------------------------------------------------

NUMBER_RE = re.compile(r"^[+-]?\d+([.,]\d+)?$")


def parse_number(raw) -> Decimal:
    if isinstance(raw, bool):
        raise ValueError
    if isinstance(raw, int | float | Decimal):
        number = Decimal(str(raw))
    else:
        text = str(raw or "").strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
        if text.count(",") == 1 and "." in text and text.index(".") < text.index(","):
            text = text.replace(".", "")  # 1.234,5 – dots as thousand separators
        if not NUMBER_RE.match(text):
            raise ValueError
        number = Decimal(text.replace(",", "."))
    if not number.is_finite() or abs(number) >= MAX_ABS_VALUE:
        raise ValueError
    return number.quantize(Decimal("0.0001"))


def parse_date(raw) -> datetime.date:
    if isinstance(raw, datetime.datetime):
        return raw.date()
    if isinstance(raw, datetime.date):
        return raw
    text = str(raw or "").strip()
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError


# --- validating rows --------------------------------------------------------------------


def _plain(value) -> str:
    """A raw cell as text for the session (dates as ISO, numbers unchanged)."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _key(name) -> str:
    return " ".join(str(name or "").split()).casefold()


def validate_rows(raw_rows, *, indicators, fixed=None, today=None) -> list[ImportRow]:
    """Parse and check every row; each ImportRow carries its own list of errors."""
    today = today or timezone.localdate()
    by_name: dict[str, list] = {}
    for indicator in indicators:
        by_name.setdefault(_key(indicator.name), []).append(indicator)
    existing = set(
        Measurement.objects.filter(indicator__in=[i.pk for i in indicators]).values_list(
            "indicator_id", "measured_on"
        )
    )
    seen: dict[tuple, int] = {}
    rows = []
    for line, raw in raw_rows:
        row = ImportRow(line=line, raw={k: _plain(raw.get(k)) for k in COLUMNS})
        _check_formulas(row, raw)
        row.indicator = _row_indicator(row, raw, fixed, by_name)
        _parse_row(row, raw, today)
        if row.indicator is not None and row.measured_on is not None:
            key = (row.indicator.pk, row.measured_on)
            if key in existing:
                row.errors.append(_("There is already a measurement on this date."))
            elif key in seen:
                row.errors.append(_("The same date appears on row %(row)s.") % {"row": seen[key]})
            seen.setdefault(key, line)
        rows.append(row)
    return rows


def _check_formulas(row, raw) -> None:
    if any(isinstance(v, Formula) for v in raw.values()):
        row.errors.append(_("A cell contains a formula; enter the value itself."))


def _row_indicator(row, raw, fixed, by_name):
    name = raw.get("indicator")
    if fixed is not None:
        if not _blank(name) and _key(name) != _key(fixed.name):
            row.errors.append(_("The row names another indicator (“%(name)s”).") % {"name": name})
        indicator = fixed
    elif _blank(name):
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
            row.errors.append(message % {"name": name})
            return None
        indicator = matches[0]
    unit = raw.get("unit")
    if not _blank(unit) and _key(unit) != _key(indicator.unit):
        row.errors.append(
            _("The unit “%(unit)s” does not match the indicator's unit “%(expected)s”.")
            % {"unit": unit, "expected": indicator.unit}
        )
    return indicator


def _parse_row(row, raw, today) -> None:
    try:
        row.value = parse_number(raw.get("value"))
    except (ValueError, InvalidOperation):
        row.errors.append(_("“%(value)s” is not a number.") % {"value": _plain(raw.get("value"))})
    try:
        row.measured_on = parse_date(raw.get("date"))
    except (ValueError, TypeError):
        row.errors.append(
            _("“%(value)s” is not a date; write YYYY-MM-DD or DD.MM.YYYY.")
            % {"value": _plain(raw.get("date"))}
        )
    else:
        _check_date(row, today)
    row.comment = _plain(raw.get("comment")).strip()[:500]


def _check_date(row, today) -> None:
    if row.measured_on > today:
        row.errors.append(_("The date is in the future."))
        return
    baseline_on = getattr(row.indicator, "baseline_on", None)
    if baseline_on is not None:
        earliest = baseline_on.replace(year=baseline_on.year - FAR_BACK_YEARS, day=1)
        if row.measured_on < earliest:
            row.errors.append(
                _("The date is more than %(years)s years before the baseline date.")
                % {"years": FAR_BACK_YEARS}
            )


def rows_for_session(rows: list[ImportRow]) -> list:
    return [[row.line, row.raw] for row in rows]


def rows_from_session(stored) -> list[tuple[int, dict]]:
    return [(int(line), dict(raw)) for line, raw in stored]


# --- importing --------------------------------------------------------------------------


@transaction.atomic
def measurements_import(*, actor, case, raw_rows, indicators, fixed=None) -> list[Measurement]:
    """Validate again and import every row, or nothing (ValidationError lists the bad rows)."""
    rows = validate_rows(raw_rows, indicators=indicators, fixed=fixed)
    bad = [row for row in rows if row.errors]
    if bad:
        raise ValidationError(
            [
                _("Row %(row)s: %(errors)s") % {"row": row.line, "errors": " ".join(row.errors)}
                for row in bad
            ]
        )
    created = Measurement.objects.bulk_create(
        Measurement(
            indicator=row.indicator,
            measured_on=row.measured_on,
            value=row.value,
            comment=row.comment,
            recorded_by=actor,
        )
        for row in rows
    )
    from .reminders import measurement_tasks_complete

    latest: dict = {}
    for row in rows:
        latest[row.indicator] = max(latest.get(row.indicator, row.measured_on), row.measured_on)
    for indicator, measured_on in latest.items():
        measurement_tasks_complete(indicator=indicator, measured_on=measured_on)
    audit_log(
        actor=actor,
        action="measurement.imported",
        obj=fixed or case,
        organisation=case.organisation,
        data={"count": len(created), "indicators": sorted({i.name for i in latest})},
    )
    return created
