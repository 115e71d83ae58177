"""Reading an .xlsx upload without letting it cost the server more than a bounded amount.

An .xlsx file is a zip archive of XML parts; 249 KB of it once unpacked to a million rows, and
1 MB of shared strings to 2 GB of memory. Two defences, in order:

1. Before anything is unpacked, the archive's directory is checked: the number of parts, each
   part's declared unpacked size, the total, and the packing ratio. Python's zipfile never
   unpacks more than a part declares (a part that lies fails its checksum), so these numbers
   bound what parsing can see.
2. The sheet is read in a child process (`workbook_child.py`) that caps its own address space
   (RLIMIT_AS) and CPU time before it reads the file, under a wall-clock timeout here. A
   file that slips past the checks – a parser path nobody foresaw, a malformed cell – ends as
   an error code from the child, never as a web worker that swaps, times out or raises. While
   the child works, this worker waits on a pipe: it is busy for at most CHILD_SECONDS, and the
   other workers keep serving requests (a sync gunicorn worker serves one request at a time).
   In-process limits could not do this: RLIMIT_AS would apply to the whole web worker, and a
   thread cannot be stopped in the middle of a C-level parse.
"""

from __future__ import annotations

import io
import json
import logging
import subprocess
import sys
import zipfile
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from slik.core.formats import parse_date

from .rows import (
    MAX_BYTES,
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_SCANNED_ROWS,
    SHEET_NAMES,
    Formula,
    ImportFileError,
)

logger = logging.getLogger(__name__)

MAX_MEMBERS = 500
MAX_MEMBER_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 40 * 1024 * 1024
# Spreadsheet programs pack sheets 5–20 times; zip bombs pack hundreds to thousands of times.
MAX_RATIO = 100
RATIO_FROM_BYTES = 1024 * 1024
MAX_TEXT_CHARS = 8_000_000
CHILD_MEMORY_BYTES = 512 * 1024 * 1024
CHILD_SECONDS = 10
CHILD = Path(__file__).with_name("workbook_child.py")


def _too_big() -> ImportFileError:
    return ImportFileError(
        _(
            "The workbook holds far more data than a list of measurements needs. "
            "Copy the measurements into a new workbook and upload that."
        ),
        "too_big",
    )


def check_archive(content: bytes) -> None:
    """Refuse an archive whose declared contents are too large, before unpacking anything."""
    try:
        members = zipfile.ZipFile(io.BytesIO(content)).infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise _unreadable() from exc
    names = {member.filename for member in members}
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        raise ImportFileError(
            _("The file is not an Excel workbook (.xlsx). Save it as .xlsx or CSV and try again."),
            "not_workbook",
        )
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_TOTAL_BYTES:
        raise _too_big()
    for member in members:
        packed_tightly = member.file_size > RATIO_FROM_BYTES and member.file_size > MAX_RATIO * max(
            member.compress_size, 1
        )
        if member.file_size > MAX_MEMBER_BYTES or packed_tightly:
            raise _too_big()


def read_workbook(
    content: bytes, *, seconds: float = CHILD_SECONDS, memory_bytes: int = CHILD_MEMORY_BYTES
) -> tuple[list, list]:
    """(header, [(line, cells)]) of the measurement sheet; raises ImportFileError."""
    check_archive(content)
    result = _run_child(content, seconds=seconds, memory_bytes=memory_bytes)
    if "error" in result:
        raise _child_error(result)
    header = [_decode(cell) for cell in result["header"]]
    rows = [(line, [_decode(cell) for cell in cells]) for line, cells in result["rows"]]
    return header, rows


def _run_child(content: bytes, *, seconds: float, memory_bytes: int) -> dict:
    limits = {
        "memory_bytes": memory_bytes,
        "cpu_seconds": max(int(seconds), 1),
        "max_bytes": MAX_BYTES,
        "max_rows": MAX_ROWS,
        "max_scanned_rows": MAX_SCANNED_ROWS,
        "max_columns": MAX_COLUMNS,
        "max_cell_chars": MAX_CELL_CHARS,
        "max_text_chars": MAX_TEXT_CHARS,
        "sheet_names": sorted(SHEET_NAMES),
    }
    try:
        done = subprocess.run(  # noqa: S603 – our own script, no shell, no user text in argv
            [sys.executable, "-I", str(CHILD), json.dumps(limits)],
            input=content,
            capture_output=True,
            timeout=seconds,
            env={},
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"error": "too_slow"}
    try:
        return json.loads(done.stdout)
    except ValueError:
        # Killed by its limits (SIGXCPU, SIGKILL) or crashed: nothing readable came back.
        logger.warning("Workbook reader exited with %s: %s", done.returncode, done.stderr[-500:])
        return {"error": "too_big" if done.returncode < 0 else "unreadable"}


def _unreadable() -> ImportFileError:
    return ImportFileError(
        _("The Excel file could not be read. Open it in Excel, save it as .xlsx and try again."),
        "unreadable",
    )


def _child_error(result: dict) -> ImportFileError:
    code = result["error"]
    if code == "too_big":
        return _too_big()
    if code == "too_slow":
        return ImportFileError(
            _(
                "Reading the workbook took too long. "
                "Copy the measurements into a new workbook and upload that."
            ),
            code,
        )
    if code == "bad_cell":
        return ImportFileError(
            _(
                "The Excel file could not be read near row %(row)s: a cell holds a value a "
                "spreadsheet program does not write. Open the file in Excel, save it and try again."
            )
            % {"row": result.get("row", 1)},
            code,
        )
    if code == "too_many_rows":
        return ImportFileError(
            _(
                "The sheet has more than %(max)s rows, counting empty ones. Delete the empty "
                "rows below the measurements, or copy them to a new sheet."
            )
            % {"max": MAX_SCANNED_ROWS},
            code,
        )
    if code == "sheets":
        return ImportFileError(
            _("The workbook has several sheets and none is called “Målinger”. Rename the sheet."),
            code,
        )
    if code == "empty":
        return ImportFileError(_("The sheet is empty."), code)
    return _unreadable()


def _decode(cell):
    if isinstance(cell, dict):
        if "f" in cell:
            return Formula(cell["f"])
        if "d" in cell:
            try:
                return parse_date(cell["d"])
            except ValidationError:
                return cell["d"]
    return cell
