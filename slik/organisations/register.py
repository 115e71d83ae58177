"""Reading the register of counties and municipalities (no database writes here).

Accepted inputs:
- the shared reference files `kommuner_2024.csv` and `fylker_2024.csv` (see the data README);
- SSB KLASS exports of classification 131 (municipalities) and 104 (counties), as CSV
  (semicolon or comma separated; columns code, name, validFrom [, validTo, shortName]) or JSON
  (`{"codes": [...]}` or a bare list of code objects).

Numbers are kept as zero-padded text; a 2-digit code is a county, a 4-digit code a municipality
whose county is the first two digits. Messages in `RegisterError` are Norwegian because the
command is run by Norwegian operators from a terminal, where no UI catalogue applies.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from django.utils import timezone

COUNTY = "county"
MUNICIPALITY = "municipality"
SHARED_VALID_FROM = datetime.date(2024, 1, 1)

# Letters used in Sami and Kven names but not in Norwegian ones.
_PARALLEL_LETTERS = set("áčđŋšŧžäöÁČĐŊŠŦŽÄÖ")
_DISAMBIGUATION = re.compile(r"\(([^)]+)\)\s*$")


class RegisterError(Exception):
    """A file that cannot be read as a register; the message is shown to the operator."""


@dataclass(frozen=True)
class RegisterEntry:
    kind: str
    number: str
    name: str  # official name with parallel Sami/Kven names
    short_name: str  # Norwegian short name
    slug_name: str  # the name the address is made from
    county_number: str = ""
    population: int | None = None
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None
    explicit_short_name: bool = True


def norwegian_part(name: str) -> str:
    """`Porsanger - Porsáŋgu - Porsanki` → `Porsanger`; `Våler (Østfold)` → `Våler`."""
    base = _DISAMBIGUATION.sub("", name).strip()
    parts = [part.strip() for part in base.split(" - ") if part.strip()]
    if not parts:
        return base
    for part in parts:
        if not _PARALLEL_LETTERS & set(part):
            return part
    return parts[0]


def slug_name_for(short_name: str, ssb_name: str) -> str:
    """The SSB label when it disambiguates (`Våler (Østfold)`), else the short name."""
    if ssb_name and _DISAMBIGUATION.search(ssb_name):
        return ssb_name
    return short_name


def kind_for(number: str) -> str | None:
    if not number.isdigit() or number.startswith("99"):
        return None  # "Uoppgitt" and other non-areas in KLASS
    return {2: COUNTY, 4: MUNICIPALITY}.get(len(number))


def _date(value, *, path: Path, line: int) -> datetime.date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError as exc:
        raise RegisterError(
            f"{path.name}, linje {line}: ugyldig dato «{value}» (forventet ÅÅÅÅ-MM-DD)."
        ) from exc


def _int(value) -> int | None:
    value = (value or "").strip().replace(" ", "")
    return int(value) if value.isdigit() else None


def _read_text(path: Path) -> str:
    if not path.is_file():
        raise RegisterError(f"Finner ikke filen {path}.")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RegisterError(f"Kan ikke lese filen {path} ({exc.strerror}).") from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # KLASS offers ISO-8859-1/windows-1252 exports as well.
        return raw.decode("cp1252", errors="replace")


def _csv_rows(text: str, path: Path) -> list[dict[str, str]]:
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    if not reader.fieldnames:
        raise RegisterError(f"{path.name}: filen er tom.")
    reader.fieldnames = [name.strip() for name in reader.fieldnames]
    try:
        return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]
    except csv.Error as exc:
        raise RegisterError(f"{path.name}: ugyldig CSV ({exc}).") from exc


def _need(row: dict, columns, path: Path, line: int) -> None:
    missing = [c for c in columns if not row.get(c)]
    if missing:
        raise RegisterError(
            f"{path.name}, linje {line}: mangler verdi i kolonne {', '.join(missing)}."
        )


def _shared_municipality(row: dict, path: Path, line: int) -> RegisterEntry:
    _need(row, ("kommunenummer", "kommunenavn", "kommunenavn_norsk"), path, line)
    number = row["kommunenummer"].zfill(4)
    short_name = row["kommunenavn_norsk"]
    return RegisterEntry(
        kind=MUNICIPALITY,
        number=number,
        name=row["kommunenavn"],
        short_name=short_name,
        slug_name=slug_name_for(short_name, row.get("kommunenavn_ssb", "")),
        county_number=(row.get("fylkesnummer") or number[:2]).zfill(2),
        population=_int(row.get("folketall_2026")) or _int(row.get("folketall_2024")),
        valid_from=SHARED_VALID_FROM,
    )


def _shared_county(row: dict, path: Path, line: int) -> RegisterEntry:
    _need(row, ("fylkesnummer", "fylkesnavn"), path, line)
    short_name = row.get("fylkesnavn_kort") or norwegian_part(row["fylkesnavn"])
    return RegisterEntry(
        kind=COUNTY,
        number=row["fylkesnummer"].zfill(2),
        name=row["fylkesnavn"],
        short_name=short_name,
        slug_name=short_name,
        population=_int(row.get("folketall_2026")) or _int(row.get("folketall_2024")),
        valid_from=SHARED_VALID_FROM,
    )


def _klass_entry(item: dict, path: Path, line: int) -> RegisterEntry | None:
    code = str(item.get("code") or "").strip()
    name = str(item.get("name") or "").strip()
    if not code or not name:
        raise RegisterError(f"{path.name}, linje/element {line}: mangler kode eller navn.")
    kind = kind_for(code)
    if kind is None:
        if code.isdigit() and code.startswith("99"):
            return None
        raise RegisterError(
            f"{path.name}, linje/element {line}: «{code}» er verken et fylkesnummer (2 sifre) "
            "eller et kommunenummer (4 sifre)."
        )
    given_short = str(item.get("shortName") or "").strip()
    short_name = given_short or norwegian_part(name)
    return RegisterEntry(
        kind=kind,
        number=code,
        name=name,
        short_name=short_name,
        slug_name=slug_name_for(short_name, name),
        county_number=code[:2] if kind == MUNICIPALITY else "",
        valid_from=_date(item.get("validFrom"), path=path, line=line),
        valid_to=_date(item.get("validTo"), path=path, line=line),
        explicit_short_name=bool(given_short),
    )


def _klass_entries(items, path: Path, first_line: int) -> list[RegisterEntry]:
    entries = []
    for offset, item in enumerate(items):
        if not isinstance(item, dict):
            raise RegisterError(f"{path.name}: element {offset + 1} er ikke et objekt.")
        entry = _klass_entry(item, path, first_line + offset)
        if entry is not None:
            entries.append(entry)
    return entries


def _parse_json(text: str, path: Path) -> list[RegisterEntry]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise RegisterError(
            f"{path.name}: ugyldig JSON på linje {exc.lineno}, kolonne {exc.colno}."
        ) from exc
    if isinstance(data, dict):
        data = data.get("codes")
    if not isinstance(data, list):
        raise RegisterError(
            f"{path.name}: forventet en liste med koder eller et objekt med nøkkelen «codes»."
        )
    return _klass_entries(data, path, 1)


def _parse_csv(text: str, path: Path) -> list[RegisterEntry]:
    rows = _csv_rows(text, path)
    columns = set(rows[0]) if rows else set()
    if "kommunenummer" in columns:
        return [_shared_municipality(row, path, i) for i, row in enumerate(rows, start=2)]
    if "fylkesnummer" in columns:
        return [_shared_county(row, path, i) for i, row in enumerate(rows, start=2)]
    if {"code", "name"} <= columns:
        return _klass_entries(rows, path, 2)
    raise RegisterError(
        f"{path.name}: ukjent format. Forventet kolonnene kommunenummer/fylkesnummer "
        "(SLIKs referansefiler) eller code, name, validFrom (SSB KLASS)."
    )


def parse_register_file(path) -> list[RegisterEntry]:
    """All counties and municipalities in one file, in file order."""
    path = Path(path)
    text = _read_text(path)
    if not text.strip():
        raise RegisterError(f"{path.name}: filen er tom.")
    if path.suffix.lower() == ".json" or text.lstrip().startswith(("{", "[")):
        return _parse_json(text, path)
    return _parse_csv(text, path)


def current_entries(entries, *, today: datetime.date | None = None) -> list[RegisterEntry]:
    """Drop codes that KLASS lists as ended (validTo in the past); the last entry per code wins."""
    today = today or timezone.localdate()
    by_key: dict[tuple[str, str], RegisterEntry] = {}
    for entry in entries:
        if entry.valid_to is not None and entry.valid_to <= today:
            continue
        by_key[(entry.kind, entry.number)] = entry
    return list(by_key.values())
