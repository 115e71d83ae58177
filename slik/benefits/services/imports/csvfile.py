"""Reading a CSV upload into rows of cells, and spotting decimal commas it cannot settle.

With commas between the columns, `2024-06-01,24,5` is 24 followed by “5” or a split 24,5; only
quotes tell the two apart, and the csv module drops them. So the reader keeps each record's raw
text (csv.reader takes one physical line at a time and never reads ahead) and notes which cells
were quoted; `split_number` then refuses a whole number followed by an unquoted cell of digits.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from django.utils.translation import gettext as _

from .rows import (
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_LINE_CHARS,
    SPLIT,
    SURPLUS,
    ImportFileError,
    Sheet,
)

QUOTE = '"'
# A whole number as people write it, with or without groups of thousands (1 234, 1.234).
WHOLE_NUMBER = re.compile(r"[+\-\u2212]?(\d+|\d{1,3}([ .\u00a0\u202f]\d{3})+)")
DIGITS = re.compile(r"\d+")


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
    lines = _Lines(text)
    reader = csv.reader(lines, delimiter=delimiter)
    header = next(_csv_rows(reader, lines, start=1), (1, None, ()))[1]
    if not header:
        raise ImportFileError(_("The file is empty."), "empty")
    return Sheet(header, _csv_rows(reader, lines, start=2), comma=delimiter == ",")


def _decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older Excel versions in Norway save "CSV (semikolondelt)" as Windows-1252.
        return content.decode("cp1252", errors="replace")


class _Lines:
    """The file's physical lines for csv.reader, keeping those of the record being read."""

    def __init__(self, text: str):
        self._lines = io.StringIO(text, newline="")
        self.taken: list[str] = []

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self.taken.append(line)
        return line

    def record(self) -> str:
        text = "".join(self.taken)
        self.taken.clear()
        return text


def _csv_rows(reader, lines: _Lines, *, start: int) -> Iterator[tuple[int, list, tuple]]:
    line = start - 1
    try:
        for line, row in enumerate(reader, start=start):  # noqa: B007 – used after the loop
            quoted = quoted_cells(lines.record(), reader.dialect.delimiter)
            yield line, [cell[:MAX_CELL_CHARS] for cell in row[: MAX_COLUMNS + 1]], quoted
    except csv.Error as exc:
        raise ImportFileError(
            _("The CSV file could not be read near row %(row)s: a quote is not closed.")
            % {"row": line + 1},
            "unreadable",
        ) from exc


def quoted_cells(record: str, delimiter: str) -> tuple[bool, ...]:
    """Per cell of one record, whether it opened with a quote, as csv.reader reads it (quotes
    only count at the start of a cell; `""` inside quotes is a quote; text after the closing
    quote joins the cell). A record without quotes gives () – no cell was quoted."""
    if QUOTE not in record:
        return ()
    flags: list[bool] = []
    state = "start"
    for char in record.rstrip("\r\n"):
        if state == "start":
            flags.append(char == QUOTE)
            state = "quoted" if char == QUOTE else ("start" if char == delimiter else "plain")
        elif state == "quoted":
            state = "closing" if char == QUOTE else "quoted"
        elif char == delimiter:
            state = "start"
        elif state == "closing":
            state = "quoted" if char == QUOTE else "plain"
    return tuple(flags)


def split_number(cells: list, quoted: tuple, *, value: int, width: int) -> dict:
    """What to flag in a comma-separated row whose value may have been cut at a decimal comma:
    more cells than the header has (SURPLUS), or an unquoted whole number followed by an
    unquoted cell of digits (SPLIT, the number as it may have been meant)."""
    cells = list(cells)
    while cells and not str(cells[-1]).strip():
        cells.pop()
    if len(cells) > width:
        return {SURPLUS: True}
    if value + 1 >= len(cells) or any(quoted[value : value + 2]):
        return {}
    whole, after = cells[value].strip(), cells[value + 1].strip()
    if WHOLE_NUMBER.fullmatch(whole) and DIGITS.fullmatch(after):
        return {SPLIT: f"{whole},{after}"}
    return {}
