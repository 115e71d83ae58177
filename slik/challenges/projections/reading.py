"""Reading SSB's population projection (table 14288) as downloaded from the statistics bank.

Two shapes are read: the semicolon-separated CSV that «Last ned» gives (Norwegian or English
headers, long with a year column or wide with one column per year, a title line or not) and
JSON-stat 2 (read with pyjstat, the library SSB recommends). Both become the same records –
region, sex, age, alternative, year, persons – and `summarise` turns those into persons aged
80+ and 20–66 per year for one municipality and one alternative, or refuses the whole file with
a message that says what to fix.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from slik.core.uploads import MB, too_large_message

MAX_BYTES = 5 * MB
MAX_ROWS = 250_000
MAX_CELLS = 250_000
MAX_SHOWN = 40  # characters of a cell from the file quoted back in a message

OLD = "80+"
WORKING = "20-66"
GROUPS = {OLD: (80, None), WORKING: (20, 66)}
NEEDED_YEARS = (2030, 2040)

TOTAL = "total"
SEX_TOTAL = {"begge kjønn", "begge kjonn", "alle", "i alt", "both sexes", "total", "totalt"}
SEX_PARTS = {
    "menn": "m",
    "mann": "m",
    "males": "m",
    "male": "m",
    "men": "m",
    "kvinner": "f",
    "kvinne": "f",
    "females": "f",
    "female": "f",
    "women": "f",
}
AGE_TOTAL = {"alle aldre", "i alt", "all ages", "total", "totalt", "alder i alt"}
COLUMN_NAMES = {
    "region": {"region"},
    "sex": {"kjønn", "kjonn", "sex"},
    "age": {"alder", "age"},
    "alternative": {"statistikkvariabel", "contents", "alternativ", "alternative"},
    "year": {"år", "ar", "tid", "year"},
}
ALTERNATIVE = re.compile(r"\(([A-Z0-9]{4})\)")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
TABLE = re.compile(r"(?<!\d)(\d{5}):")
NUMBER = re.compile(r"(?<![\d-])(?:K-)?(\d{4})(?!\d)")
SINGLE_AGE = re.compile(r"(\d{1,3})(?: år| years?| year)?")
AGE_RANGE = re.compile(r"(\d{1,3}) ?- ?(\d{1,3})(?: år| years)?")
OPEN_AGE = re.compile(
    r"(\d{1,3})(?: år| years?)?(?: eller eldre| og eldre| or older| and older| and over|\+| ?\+ år)"
)


class ProjectionFileError(ValueError):
    """A file SLIK will not import; the message says why, in the user's language."""


@dataclass(frozen=True)
class Record:
    row: int
    region: str  # the label as written, for messages
    number: str  # the 4-digit municipality number, "" when the label has none
    sex: str  # "total", "m" or "f"
    age: tuple[int, int | None] | str  # (from, to) with None for «or older», or TOTAL
    alternative: str  # four-letter code, "" when the file has none
    year: int
    persons: int | None  # None: SSB's symbol for a missing figure


@dataclass(frozen=True)
class Projection:
    municipality_number: str
    alternative: str
    table: str
    counts: dict[int, dict[str, int]]

    @property
    def first_year(self) -> int:
        return min(self.counts)


def shown(value) -> str:
    """A cell of the file as it may be quoted in a message: one short line."""
    text = " ".join(str(value).split())
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


def read_upload(upload) -> tuple[list[Record], str]:
    """The file's records and the table number it names ("" if none)."""
    limit = min(MAX_BYTES, settings.SLIK_MAX_UPLOAD_BYTES)
    if (upload.size or 0) > limit:
        raise ProjectionFileError(too_large_message(limit))
    content = upload.read(limit + 1)
    if len(content) > limit:
        raise ProjectionFileError(too_large_message(limit))
    name = (upload.name or "").lower()
    start = content.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start in (b"{", b"[") or name.endswith(".json"):
        return read_jsonstat(content)
    if b"\x00" in content or content[:4] == b"PK\x03\x04":
        raise ProjectionFileError(_wrong_type())
    return read_csv(_decode(content))


def _wrong_type() -> str:
    return _(
        "Upload the table as it comes from Statistics Norway's statistics bank: a CSV file "
        "(semicolon-separated) or JSON-stat 2."
    )


def _decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        # The statistics bank's older downloads and Excel's «CSV (semikolondelt)» are Latin-1.
        return content.decode("cp1252", errors="replace")


# --- CSV ----------------------------------------------------------------------------------------


def read_csv(text: str) -> tuple[list[Record], str]:
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    table = ""
    try:
        for line, cells in enumerate(rows, start=1):
            columns = _columns(cells)
            if columns is None:
                table = table or _table_in(" ".join(cells))
                if line >= 5:
                    break
                continue
            values = [i for i in range(len(cells)) if i not in columns.values() and cells[i]]
            table = table or _table_in(" ".join(cells[i] for i in values))
            return _csv_records(rows, cells, columns, values, start=line + 1), table
    except csv.Error as exc:
        raise ProjectionFileError(
            _("The CSV file could not be read: a quote is not closed.")
        ) from exc
    raise ProjectionFileError(
        _(
            "The file has no header row naming the columns region, alder (age) and år (year) "
            "or a column per year. Download the table again as semicolon-separated CSV."
        )
    )


def _table_in(text: str) -> str:
    match = TABLE.search(text)
    return match.group(1) if match else ""


def _columns(cells) -> dict[str, int] | None:
    """The header's known columns by role, or None when this line is not the header."""
    found = {}
    for index, cell in enumerate(cells):
        key = cell.strip().lower()
        for role, names in COLUMN_NAMES.items():
            if key in names and role not in found:
                found[role] = index
    if "region" not in found or "age" not in found:
        return None
    return found


def _csv_records(rows, header, columns, values, *, start) -> list[Record]:
    if "year" in columns:
        if len(values) != 1:
            raise ProjectionFileError(
                _("The file has a year column and more than one column of numbers.")
            )
        heads = {values[0]: (None, "")}
    else:
        heads = {index: _wide_head(header[index]) for index in values}
    records: list[Record] = []
    for line, cells in enumerate(rows, start=start):
        if not any(cell.strip() for cell in cells):
            continue
        for index, (year, alternative) in heads.items():
            if len(records) >= MAX_ROWS:
                raise ProjectionFileError(
                    _("The file has more than %(max)s figures.") % {"max": MAX_ROWS}
                )
            records.append(_csv_record(line, cells, columns, index, year, alternative))
    return records


def _wide_head(text: str) -> tuple[int, str]:
    years = YEAR.findall(text)
    if not years:
        raise ProjectionFileError(
            _("The column «%(column)s» names no year.") % {"column": shown(text)}
        )
    return int(years[-1]), _alternative_in(text)


def _cell(cells, index) -> str:
    return cells[index].strip() if index is not None and index < len(cells) else ""


def _csv_record(line, cells, columns, index, year, alternative) -> Record:
    if year is None:
        text = _cell(cells, columns["year"])
        if not YEAR.fullmatch(text):
            raise ProjectionFileError(
                _("Row %(row)s: «%(value)s» is not a year.") % {"row": line, "value": shown(text)}
            )
        year = int(text)
    alternative = _alternative_in(_cell(cells, columns.get("alternative"))) or alternative
    region = _cell(cells, columns["region"])
    return Record(
        row=line,
        region=region,
        number=_number_in(region),
        sex=_sex(line, _cell(cells, columns.get("sex"))),
        age=_age(line, _cell(cells, columns["age"])),
        alternative=alternative,
        year=year,
        persons=_persons(line, _cell(cells, index)),
    )


def _alternative_in(text: str) -> str:
    match = ALTERNATIVE.search(text or "")
    return match.group(1) if match else ""


def _number_in(text: str) -> str:
    match = NUMBER.search(text)
    return match.group(1) if match else ""


def _sex(line: int, text: str) -> str:
    key = text.strip().lower()
    if not key or key in SEX_TOTAL:
        return TOTAL
    if key in SEX_PARTS:
        return SEX_PARTS[key]
    raise ProjectionFileError(
        _("Row %(row)s: the sex «%(value)s» is not understood.")
        % {"row": line, "value": shown(text)}
    )


def _age(line: int, text: str):
    key = " ".join(text.lower().replace("–", "-").split())
    if key in AGE_TOTAL:
        return TOTAL
    for pattern, shape in ((OPEN_AGE, "open"), (AGE_RANGE, "range"), (SINGLE_AGE, "single")):
        match = pattern.fullmatch(key)
        if match and shape == "open":
            return (int(match.group(1)), None)
        if match and shape == "range" and int(match.group(1)) <= int(match.group(2)):
            return (int(match.group(1)), int(match.group(2)))
        if match and shape == "single":
            return (int(match.group(1)), int(match.group(1)))
    raise ProjectionFileError(
        _("Row %(row)s: the age «%(value)s» is not understood.")
        % {"row": line, "value": shown(text)}
    )


def _persons(line: int, text) -> int | None:
    if isinstance(text, int | float) and not isinstance(text, bool):
        if isinstance(text, float) and math.isnan(text):
            return None
        if text >= 0 and float(text).is_integer():
            return int(text)
    else:
        key = str(text).replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
        if key in {".", "..", "...", ":", ""}:
            return None  # SSB's symbols for a figure that is missing or withheld
        if key == "-":
            return 0  # SSB's symbol for nil
        if key.isdigit():
            return int(key)
    raise ProjectionFileError(
        _("Row %(row)s: «%(value)s» is not a number of persons.")
        % {"row": line, "value": shown(text)}
    )


# --- JSON-stat 2 ------------------------------------------------------------------------------


def read_jsonstat(content: bytes) -> tuple[list[Record], str]:
    not_jsonstat = ProjectionFileError(
        _("The file is not a JSON-stat 2 dataset from Statistics Norway's statistics bank.")
    )
    try:
        data = json.loads(_decode(content))
    except ValueError as exc:
        raise not_jsonstat from exc
    if not isinstance(data, dict) or data.get("class") != "dataset":
        raise not_jsonstat
    dimensions = _dimension_roles(data, not_jsonstat)
    frame = _frame(data, not_jsonstat)
    labels = {
        dim: data["dimension"][dim]["category"].get("label") or {} for dim in dimensions.values()
    }

    def label(role, code):
        dim = dimensions.get(role)
        return str(labels[dim].get(code, code)) if dim else ""

    records = []
    for row, item in enumerate(frame.itertuples(index=False), start=1):
        cells = dict(zip(frame.columns, item, strict=True))
        code = {role: str(cells[dim]) for role, dim in dimensions.items()}
        region = label("region", code["region"])
        records.append(
            Record(
                row=row,
                region=region,
                number=_number_in(code["region"]) or _number_in(region),
                sex=_sex(row, label("sex", code.get("sex", ""))),
                age=_age(row, label("age", code["age"])),
                alternative=_alternative_in(label("alternative", code.get("alternative", ""))),
                year=_json_year(row, code["year"]),
                persons=_persons(row, cells["value"]),
            )
        )
    return records, _table_in(str(data.get("label", "")))


def _dimension_roles(data: dict, error: ProjectionFileError) -> dict[str, str]:
    ids, sizes, dimension = data.get("id"), data.get("size"), data.get("dimension")
    if not (isinstance(ids, list) and isinstance(sizes, list) and isinstance(dimension, dict)):
        raise error
    if len(ids) != len(sizes) or not all(isinstance(n, int) and n >= 0 for n in sizes):
        raise error
    if math.prod(sizes) > MAX_CELLS:
        raise ProjectionFileError(_("The file has more than %(max)s figures.") % {"max": MAX_CELLS})
    by_id = {"region": "region", "kjonn": "sex", "alder": "age", "tid": "year"}
    roles = {}
    for dim in ids:
        if not isinstance(dimension.get(dim), dict) or "category" not in dimension[dim]:
            raise error
        role = by_id.get(str(dim).lower(), "alternative")
        roles.setdefault(role, dim)
    if not {"region", "age", "year"} <= set(roles):
        raise ProjectionFileError(
            _("The dataset must have the dimensions Region, Alder (age) and Tid (year).")
        )
    return roles


def _frame(data: dict, error: ProjectionFileError):
    # pandas comes with pyjstat and is heavy to import: only an import of JSON-stat needs it.
    from pyjstat import pyjstat

    try:
        with warnings.catch_warnings():
            # pyjstat's own write() calls a function of its own that it marks as deprecated.
            warnings.simplefilter("ignore", DeprecationWarning)
            return pyjstat.Dataset.read(json.dumps(data)).write("dataframe", naming="id")
    except Exception as exc:  # noqa: BLE001 – any failure inside the library is a bad file
        raise error from exc


def _json_year(row: int, code: str) -> int:
    if not YEAR.fullmatch(code):
        raise ProjectionFileError(
            _("Row %(row)s: «%(value)s» is not a year.") % {"row": row, "value": shown(code)}
        )
    return int(code)
