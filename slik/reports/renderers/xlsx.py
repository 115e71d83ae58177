"""Excel with openpyxl: one sheet per table (per entity), bold frozen header row, real cell
types (numbers as numbers, dates as dates) and every text through `safe_cell`.

Each number and date carries a number format that shows what the screen shows
(`slik.core.formats`): grouped thousands, the same decimals, 29.11.2026, "kl." before the time.
Excel stores format codes in one notation ("#,##0.0") and draws them with the reader's own
separators, so a Norwegian Excel shows `1 234 567,5`; the value stays a number.
"""

from __future__ import annotations

import datetime
import io
import re
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from slik.core.exports import safe_cell
from slik.core.formats import Code, local_datetime, spreadsheet_format

from ..document import ReportDocument, Table

HEADER_FILL = PatternFill("solid", fgColor="DCE6F1")
BOLD = Font(bold=True)
MAX_WIDTH = 60
INVALID_SHEET_CHARS = re.compile(r"[\[\]\*\?/\\:]")


def cell_value(value):
    """A typed cell value: Decimal → float, aware datetimes → local naive, text made safe."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, Code):
        return int(value)
    if isinstance(value, datetime.datetime):
        return local_datetime(value).replace(tzinfo=None)
    if isinstance(value, bool | int | float | datetime.date) or value is None:
        return value
    return safe_cell(str(value))


def sheet_title(name: str, taken: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []*?/\\: and unique in the workbook."""
    base = INVALID_SHEET_CHARS.sub("-", name or "Ark").strip("'")[:31] or "Ark"
    title, n = base, 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title


def _write_table(sheet, table: Table, language: str) -> None:
    widths = [len(str(column)) for column in table.columns]
    for col, text in enumerate(table.columns, start=1):
        cell = sheet.cell(row=1, column=col, value=safe_cell(str(text)))
        cell.font, cell.fill = BOLD, HEADER_FILL
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    for row_number, row in enumerate(table.rows, start=2):
        for col, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=col, value=cell_value(value))
            shown = spreadsheet_format(value if isinstance(value, Code) else cell.value, language)
            if shown:
                cell.number_format = shown
            if isinstance(cell.value, str):
                cell.alignment = Alignment(vertical="top", wrap_text=len(cell.value) > MAX_WIDTH)
            if col <= len(widths):
                widths[col - 1] = max(widths[col - 1], _display_length(cell.value))
    sheet.freeze_panes = "A2"
    if table.rows:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{len(table.rows) + 1}"
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = min(max(width + 2, 8), MAX_WIDTH)


def _display_length(value) -> int:
    if value is None:
        return 0
    if isinstance(value, datetime.datetime):
        return 16
    if isinstance(value, datetime.date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)


def render_xlsx(document: ReportDocument) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    taken: set[str] = set()
    tables = document.tables()
    for table in tables:
        sheet = workbook.create_sheet(sheet_title(table.sheet or table.caption, taken))
        _write_table(sheet, table, document.language)
    if not tables:
        workbook.create_sheet(sheet_title(document.title, taken))
    workbook.properties.title = document.title
    workbook.properties.creator = document.organisation_name
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
