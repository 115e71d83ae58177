"""Reading an upload into rows of raw cells: CSV through `csvfile`, .xlsx through `workbook` (a
child process under limits). Both stream: reading stops as soon as the file has too many rows."""

from __future__ import annotations

from django.utils.translation import gettext as _

from .csvfile import read_csv, split_number
from .rows import COLUMNS, MAX_BYTES, MAX_COLUMNS, MAX_ROWS, ImportFileError, Sheet
from .workbook import read_workbook


def read_upload(upload) -> list[tuple[int, dict]]:
    """The file's data rows as (line number, {column: raw value}); raises ImportFileError."""
    too_large = ImportFileError(_("The file is larger than 2 MB."), "too_large")
    if (upload.size or 0) > MAX_BYTES:
        raise too_large
    content = upload.read(MAX_BYTES + 1)
    if len(content) > MAX_BYTES:
        raise too_large
    name = (upload.name or "").lower()
    if content[:4] == b"PK\x03\x04" or name.endswith(".xlsx"):
        header, rows = read_workbook(content)
        sheet = Sheet(header, ((line, cells, ()) for line, cells in rows))
    elif name.endswith((".csv", ".txt")):
        sheet = read_csv(content)
    else:
        raise ImportFileError(_("Upload a CSV file or an Excel workbook (.xlsx)."), "file_type")
    return _collect(sheet)


def _collect(sheet: Sheet) -> list[tuple[int, dict]]:
    columns = _map_columns(sheet.header)
    width = len(_trimmed(sheet.header))
    result = []
    for line, cells, quoted in sheet.rows:
        if all(_blank(c) for c in cells):
            continue
        if len(result) == MAX_ROWS:
            raise ImportFileError(
                _("The file has more than %(max)s rows.") % {"max": MAX_ROWS}, "too_many_rows"
            )
        raw = {key: _cell(cells, index) for key, index in columns.items()}
        if sheet.comma:
            raw.update(split_number(cells, quoted, value=columns["value"], width=width))
        result.append((line, raw))
    if not result:
        raise ImportFileError(_("The file has no rows with measurements."), "empty")
    return result


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _trimmed(cells) -> list:
    cells = list(cells)
    while cells and _blank(cells[-1]):
        cells.pop()
    return cells


def _cell(cells, index):
    return cells[index] if index < len(cells) else None


def _map_columns(header) -> dict[str, int]:
    columns = {}
    for index, title in enumerate(header[:MAX_COLUMNS]):
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
            % {"m": ", ".join(missing)},
            "columns",
        )
    return columns
