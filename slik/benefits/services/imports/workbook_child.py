"""Read one sheet of an .xlsx workbook: run as a child process, never imported by SLIK.

    python -I workbook_child.py '<limits as JSON>'  < workbook.xlsx  > result.json

It imports openpyxl, then limits its own address space, CPU time and file writes, and reads
the sheet as a stream, stopping at the row and text limits it was given. It imports
nothing of SLIK or Django and gets no environment, so a hostile file meets no secrets and no
database connection, and whatever it does is bounded by the limits. Every failure becomes an
error code in the JSON; the parent turns codes into messages.
"""

import datetime
import io
import json
import resource
import sys

# Imported before the limits are set: they bound what the file costs, and an import under a
# tight address-space limit fails as SystemError or OSError rather than as MemoryError.
from openpyxl import load_workbook


def limit(memory_bytes: int, cpu_seconds: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_seconds, cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))


def encode(cell, max_chars: int):
    """A cell as JSON: numbers and text as they are, dates and formulas tagged."""
    value = getattr(cell, "value", None)
    if getattr(cell, "data_type", None) == "f" or (isinstance(value, str) and value[:1] == "="):
        return {"f": str(value)[:max_chars]}
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, datetime.datetime | datetime.date):
        return {"d": value.isoformat()[:10]}
    return str(value)[:max_chars]


def choose_sheet(workbook, names):
    for title in workbook.sheetnames:
        if title.strip().lower() in names:
            return workbook[title]
    if len(workbook.sheetnames) == 1:
        return workbook[workbook.sheetnames[0]]
    return None


def size_of(cells) -> int:
    return sum(len(c) if isinstance(c, str) else 12 for c in cells if c is not None)


def is_blank(cells) -> bool:
    return all(c is None or (isinstance(c, str) and not c.strip()) for c in cells)


def take(line, row, found, limits):
    """Add one sheet row to `found`; an error dict when a limit is passed."""
    if line > limits["max_scanned_rows"]:
        return {"error": "too_many_rows"}
    cells = [encode(cell, limits["max_cell_chars"]) for cell in row]
    while cells and cells[-1] is None:
        cells.pop()
    if line == 1:
        found["header"] = cells
    elif not is_blank(cells):
        found["text"] += size_of(cells)
        if found["text"] > limits["max_text_chars"]:
            return {"error": "too_big"}
        found["rows"].append([line, cells])
    return None


def read_rows(sheet, limits):
    """Row 1 (the header) and the non-empty rows after it, within the limits."""
    found, line = {"header": None, "rows": [], "text": 0}, 0
    try:
        for line, row in enumerate(sheet.iter_rows(max_col=limits["max_columns"]), start=1):
            error = take(line, row, found, limits)
            if error:
                return error
            if len(found["rows"]) > limits["max_rows"]:
                break
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 – a malformed cell, whatever openpyxl raises
        return {"error": "bad_cell", "row": line + 1, "detail": type(exc).__name__}
    if found["header"] is None:
        return {"error": "empty"}
    return {"header": found["header"], "rows": found["rows"]}


def read(content: bytes, limits: dict) -> dict:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 – a broken archive or part
        return {"error": "unreadable", "detail": type(exc).__name__}
    sheet = choose_sheet(workbook, set(limits["sheet_names"]))
    if sheet is None:
        return {"error": "sheets"}
    # The declared dimension may lie (too small hides rows, too large invents them).
    sheet.reset_dimensions()
    return read_rows(sheet, limits)


def main() -> None:
    limits = json.loads(sys.argv[1])
    limit(limits["memory_bytes"], limits["cpu_seconds"])
    try:
        content = sys.stdin.buffer.read(limits["max_bytes"] + 1)
        result = read(content, limits)
    except MemoryError:
        result = {"error": "too_big"}
    sys.stdout.write(json.dumps(result))


if __name__ == "__main__":
    main()
