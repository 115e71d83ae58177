"""CSV for Excel in Norway: semicolon separated, UTF-8 with BOM, every value written as the
screen shows it (`slik.core.formats`: `1 234 567,5`, `29.11.2026`, `29.11.2026 kl. 10.15` in
Norwegian time), an empty cell left empty, and every text through `safe_cell`."""

from __future__ import annotations

import csv
import datetime
import io

from slik.core.exports import safe_cell
from slik.core.formats import format_value, is_number

from ..document import ReportDocument, Table


def csv_value(value) -> str:
    # Only text can hold a formula, so only text goes through safe_cell: a negative number
    # must stay "-3" for a spreadsheet to read it as one.
    if value is None or isinstance(value, bool | datetime.date) or is_number(value):
        return format_value(value, empty="")
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
