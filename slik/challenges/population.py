"""Population reference data (SSB table 07459) and the ready figures computed from it."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction

from .models import KeyFigure, PopulationCount
from .projections.words import FIGURE_WORDS
from .projections.words import POPULATION_SOURCE as POPULATION_SOURCE  # read from here too

POPULATION_FILE = "befolkning_alder_kommune_2006_2026.csv"
AGE_GROUPS = ("0-5", "6-15", "16-19", "20-44", "45-66", "67-79", "80-89", "90+", "alle")
OLD_GROUPS = ("80-89", "90+")
WORKING_GROUPS = ("20-44", "45-66")
COLUMNS = ("kommunenummer", "aar", "aldersgruppe", "personer")
BATCH_SIZE = 2000


class PopulationFileError(ValueError):
    pass


def default_population_path() -> Path:
    return Path(settings.SHARED_DATA_DIR) / POPULATION_FILE


def _read_rows(path: Path):
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise PopulationFileError(f"expected columns {','.join(COLUMNS)}")
        for line, row in enumerate(reader, start=2):
            try:
                number, group = row["kommunenummer"].strip(), row["aldersgruppe"].strip()
                year, persons = int(row["aar"]), int(row["personer"])
            except (TypeError, ValueError, AttributeError) as exc:
                raise PopulationFileError(f"line {line}: {exc}") from exc
            if len(number) != 4 or not number.isdigit() or group not in AGE_GROUPS:
                raise PopulationFileError(f"line {line}: unexpected value {row}")
            if persons < 0:
                raise PopulationFileError(f"line {line}: negative count")
            yield PopulationCount(
                municipality_number=number, year=year, age_group=group, persons=persons
            )


@transaction.atomic
def population_import(*, path: Path | str | None = None) -> int:
    """Load the population file; re-running updates counts in place and never duplicates."""
    rows = list(_read_rows(Path(path) if path else default_population_path()))
    PopulationCount.objects.bulk_create(
        rows,
        batch_size=BATCH_SIZE,
        update_conflicts=True,
        unique_fields=["municipality_number", "year", "age_group"],
        update_fields=["persons"],
    )
    return len(rows)


# --- Ready figures ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ReadyFigure:
    code: str
    label: str
    value: Decimal
    unit: str
    year: int


def _round(value: float | Decimal) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def population_table(municipality_number: str) -> dict[int, dict[str, int]]:
    """year → age group → persons for one municipality (one query)."""
    table: dict[int, dict[str, int]] = {}
    rows = PopulationCount.objects.filter(municipality_number=municipality_number).values_list(
        "year", "age_group", "persons"
    )
    for year, group, persons in rows:
        table.setdefault(year, {})[group] = persons
    return table


def _share_80(counts: dict[str, int]) -> Decimal | None:
    total = counts.get("alle")
    if not total:
        return None
    return _round(Decimal(sum(counts.get(g, 0) for g in OLD_GROUPS)) * 100 / total)


def _workers_per_80(counts: dict[str, int]) -> Decimal | None:
    old = sum(counts.get(g, 0) for g in OLD_GROUPS)
    if not old:
        return None
    return _round(Decimal(sum(counts.get(g, 0) for g in WORKING_GROUPS)) / old)


def _figure(code_kind: str, year: int, counts: dict[str, int]) -> ReadyFigure | None:
    value = _share_80(counts) if code_kind == "share80" else _workers_per_80(counts)
    if value is None:
        return None
    label, unit = FIGURE_WORDS[code_kind]
    return ReadyFigure(f"{code_kind}:{year}", str(label), value, str(unit), year)


def ready_figures(*, organisation) -> dict | None:
    """The figures SLIK can compute for the organisation's municipality, or None without data.

    Returns `figures` (share 80+ and people 20–66 per person 80+, now and ten years earlier)
    and `series` (share 80+ per year, oldest first).
    """
    number = getattr(organisation, "number", "")
    table = population_table(number) if number else {}
    if not table:
        return None
    latest = max(table)
    years = [y for y in (latest, latest - 10) if y in table]
    figures = [
        figure
        for kind in ("share80", "workers80")
        for year in years
        if (figure := _figure(kind, year, table[year])) is not None
    ]
    series = [
        {"year": year, "share_80": float(share)}
        for year in sorted(table)
        if (share := _share_80(table[year])) is not None
    ]
    return {"latest": latest, "figures": figures, "series": series}


def ready_figure(*, organisation, code: str) -> ReadyFigure | None:
    """One ready figure by its code (`share80:2026`), recomputed from the data."""
    kind, _sep, year_text = code.partition(":")
    if kind not in ("share80", "workers80") or not year_text.isdigit():
        return None
    number = getattr(organisation, "number", "")
    counts = population_table(number).get(int(year_text)) if number else None
    return _figure(kind, int(year_text), counts) if counts else None


def added_codes(*, organisation, challenge=None) -> set[str]:
    """Codes of the computed figures already saved where new ones would go (one query), so a
    figure is not offered twice."""
    return set(
        KeyFigure.objects.filter(organisation=organisation, challenge=challenge)
        .exclude(computed_code="")
        .values_list("computed_code", flat=True)
    )
