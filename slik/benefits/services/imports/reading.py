"""Reading an upload into rows of raw cells: CSV here, .xlsx through `workbook` (a child
process under limits). Both stream: reading stops as soon as the file has too many rows."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .rows import (
    COLUMNS,
    MAX_BYTES,
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_LINE_CHARS,
    MAX_ROWS,
    SURPLUS,
    ImportFileError,
)
from .workbook import read_workbook


@dataclass
class Sheet:
    header: list
    rows: Iterator[tuple[int, list]]
    # Columns separated by commas: a decimal comma left unquoted splits a value in two.
    comma: bool = False


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
        sheet = Sheet(header, iter(rows))
    elif name.endswith((".csv", ".txt")):
        sheet = read_csv(content)
    else:
        raise ImportFileError(_("Upload a CSV file or an Excel workbook (.xlsx)."), "file_type")
    return _collect(sheet)


def _collect(sheet: Sheet) -> list[tuple[int, dict]]:
    columns = _map_columns(sheet.header)
    width = len(_trimmed(sheet.header))
    result = []
    for line, cells in sheet.rows:
        if all(_blank(c) for c in cells):
            continue
        if len(result) == MAX_ROWS:
            raise ImportFileError(
                _("The file has more than %(max)s rows.") % {"max": MAX_ROWS}, "too_many_rows"
            )
        raw = {key: _cell(cells, index) for key, index in columns.items()}
        if sheet.comma and len(_trimmed(cells)) > width:
            raw[SURPLUS] = True
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


# --- CSV -------------------------------------------------------------------------------


def _decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older Excel versions in Norway save "CSV (semikolondelt)" as Windows-1252.
        return content.decode("cp1252", errors="replace")


def read_csv(content: bytes) -> Sheet:
    if b"\x00" in content:
        # Also what a UTF-16 "Unicode text" export looks like.
        raise ImportFileError(
            _(
                "The file contains NUL characters, so it is not a CSV text file. "
                "Save it as “CSV UTF-8” and upload it again."
            ),
            "not_text",
        )
    if max(map(len, content.split(b"\n"))) > MAX_LINE_CHARS:
        raise ImportFileError(
            _("A line in the file is longer than %(max)s characters; it is not a list of rows.")
            % {"max": MAX_LINE_CHARS},
            "line_too_long",
        )
    text = _decode(content)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if ";" in first_line else ("\t" if "\t" in first_line else ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(_csv_rows(reader, start=1), (1, None))[1]
    if not header:
        raise ImportFileError(_("The file is empty."), "empty")
    return Sheet(header, _csv_rows(reader, start=2), comma=delimiter == ",")


def _csv_rows(reader, *, start: int) -> Iterator[tuple[int, list]]:
    line = start - 1
    try:
        for line, row in enumerate(reader, start=start):  # noqa: B007 – used after the loop
            yield line, [cell[:MAX_CELL_CHARS] for cell in row[: MAX_COLUMNS + 1]]
    except csv.Error as exc:
        raise ImportFileError(
            _("The CSV file could not be read near row %(row)s: a quote is not closed.")
            % {"row": line + 1},
            "unreadable",
        ) from exc
