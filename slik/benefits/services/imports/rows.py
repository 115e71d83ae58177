"""The rows of an import, the file-level error, and the limits every reader keeps to.

The limits bound what one upload may cost: bytes read, rows kept, characters per cell, and
what the preview echoes back (a hostile file once turned 52 KB into a 153 MB error page).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
# Rows read including empty ones: formatting a whole column can make a sheet "end" at row
# 1 048 576, and reading all of them is work for nothing.
MAX_SCANNED_ROWS = 4 * MAX_ROWS
MAX_COLUMNS = 50
MAX_CELL_CHARS = 1000
MAX_LINE_CHARS = 64 * 1024
# What the preview shows: the first rows and errors, and a count of the rest.
PREVIEW_ROWS = 200
PREVIEW_ERRORS = 50
SHOWN_CHARS = 60

COLUMNS = {
    "date": {"date", "dato", "måledato", "measured_on"},
    "value": {"value", "verdi", "måling", "measurement"},
    "comment": {"comment", "kommentar", "merknad"},
    "unit": {"unit", "enhet", "måleenhet"},
    "indicator": {"indicator", "indikator", "måleindikator"},
}
# Set by the CSV reader on a comma-separated row whose value may have been cut at a decimal
# comma (see csvfile.split_number): more cells than the header, or the number as it may be meant.
SURPLUS = "surplus"
SPLIT = "split"
SHEET_NAMES = {"målinger", "malinger", "measurements"}


class ImportFileError(Exception):
    """The file as a whole cannot be read; `code` names why (the message is for people)."""

    def __init__(self, message: str, code: str = "unreadable"):
        super().__init__(message)
        self.code = code


@dataclass
class Sheet:
    header: list
    # (line, cells, quoted): per cell, whether the file put it in quotes (CSV; a workbook's
    # typed cells give ()).
    rows: Iterator[tuple[int, list, tuple]]
    # Columns separated by commas: a decimal comma left unquoted splits a value in two.
    comma: bool = False


class Formula(str):
    """A cell that holds a formula: never imported."""


def shown(value, limit: int = SHOWN_CHARS) -> str:
    """A raw cell as the preview and the error messages may echo it: short, on one line."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class ImportRow:
    line: int
    raw: dict
    indicator: object = None
    measured_on: datetime.date | None = None
    value: Decimal | None = None
    comment: str = ""
    errors: list[str] = field(default_factory=list)
    # The measurement already recorded on this date, if any: skipped or replaced on import.
    existing: object = None

    @property
    def is_unchanged(self) -> bool:
        """The file says what is already recorded: nothing to skip or replace."""
        return (
            self.existing is not None
            and self.existing.value == self.value
            and self.existing.comment == self.comment
        )

    def for_session(self) -> list:
        """What the confirmation validates again: parsed values, never the raw cells."""
        return [
            self.line,
            {
                "date": self.measured_on.isoformat(),
                "value": str(self.value),
                "comment": self.comment,
                "indicator": self.indicator.name,
            },
        ]
