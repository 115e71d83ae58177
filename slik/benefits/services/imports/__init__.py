"""Import of measurements from CSV or XLSX: read → validate every row → import all or nothing.

- `reading`: the upload into rows of raw cells (CSV via `csvfile`, which notes the decimal
  commas it cannot settle; .xlsx via `workbook`, which checks the archive and reads the sheet
  in a child process under memory and time limits);
- `validating`: every row checked (dates and numbers read by `slik.core.formats`, as in the
  forms), and matched with what is already recorded;
- `importing`: the confirmed rows written once, in one transaction.

The preview shows the first rows with their parsed values and errors; only a clean file can be
confirmed. Limits are in `rows` and documented in docs/operations.md.
"""

from .importing import AlreadyImported, ImportResult, measurements_import
from .reading import read_upload
from .rows import (
    MAX_BYTES,
    MAX_ROWS,
    PREVIEW_ERRORS,
    PREVIEW_ROWS,
    Formula,
    ImportFileError,
    ImportRow,
)
from .validating import validate_rows


def rows_for_session(rows: list[ImportRow]) -> list:
    return [row.for_session() for row in rows]


def rows_from_session(stored) -> list[tuple[int, dict]]:
    return [(int(line), dict(raw)) for line, raw in stored]


__all__ = [
    "MAX_BYTES",
    "MAX_ROWS",
    "PREVIEW_ERRORS",
    "PREVIEW_ROWS",
    "AlreadyImported",
    "Formula",
    "ImportFileError",
    "ImportResult",
    "ImportRow",
    "measurements_import",
    "read_upload",
    "rows_for_session",
    "rows_from_session",
    "validate_rows",
]
