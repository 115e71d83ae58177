"""CSV for Excel in Norway: semicolon separated, UTF-8 with BOM, decimal comma, dates as
dd.mm.yyyy, every text through `safe_cell`."""

from __future__ import annotations

import csv
import datetime
import io
from decimal import Decimal

from slik.core.exports import safe_cell

from ..document import ReportDocument, Table


def csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float | Decimal):
        return format(value, "f").rstrip("0").rstrip(".").replace(".", ",") if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, datetime.datetime):
        return value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    return safe_cell(str(value))


def pick_table(document: ReportDocument, name: str = "") -> Table | None:
    """The table whose sheet (or caption) is `name`, else the first table."""
    tables = document.tables()
    for table in tables:
        if name and name in (table.sheet, table.caption):
            return table
    return tables[0] if tables else None


def render_csv(document: ReportDocument, *, table: str = "") -> bytes:
    chosen = pick_table(document, table)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    if chosen is not None:
        writer.writerow([safe_cell(str(column)) for column in chosen.columns])
        for row in chosen.rows:
            writer.writerow([csv_value(value) for value in row])
    return buffer.getvalue().encode("utf-8-sig")
