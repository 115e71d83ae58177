"""From a projection file's records to persons aged 80+ and 20–66 per year – or a refusal.

All or nothing: the file must be for the municipality, say which alternative it holds, and
cover everyone aged 20–66 and 80+ in a starting year, 2030 and 2040. Ages may come one by one
(«80 år» … «105 år eller eldre»), in SSB's groups («80-89 år», «90 år eller eldre») or both;
sexes apart or together.
"""

from __future__ import annotations

import re
from collections import defaultdict

from django.utils.translation import gettext as _

from .reading import (
    GROUPS,
    NEEDED_YEARS,
    TOTAL,
    Projection,
    ProjectionFileError,
    Record,
    shown,
)

MAIN_ALTERNATIVE = "MMMM"
LEADING_NUMBER = re.compile(r"^(?:k-)?\d+\s*")


def summarise(records: list[Record], *, table: str, organisation) -> Projection:
    if not records:
        raise ProjectionFileError(_("The file has no figures."))
    mine = _for_municipality(records, organisation)
    alternative = _alternative(mine)
    cells = _by_year_and_age(r for r in mine if r.alternative == alternative)
    counts = {}
    for year, ages in cells.items():
        sums = {group: _sum_ages(ages, *span) for group, span in GROUPS.items()}
        if all(value is not None for value in sums.values()):
            counts[year] = sums
    _check_years(counts, sorted(cells))
    return Projection(
        municipality_number=organisation.number,
        alternative=alternative,
        table=table,
        counts=dict(sorted(counts.items())),
    )


def _names(organisation) -> set[str]:
    names = {organisation.short_name, organisation.name}
    return {_plain_name(name) for name in names if name}


def _plain_name(label: str) -> str:
    """«3110 Hvaler (2024-)» → «hvaler»; «Trondheim - Tråante» → «trondheim»."""
    text = LEADING_NUMBER.sub("", label.split("(")[0].strip().lower())
    return text.split(" - ")[0].strip()


def _for_municipality(records, organisation) -> list[Record]:
    number, names = organisation.number, _names(organisation)

    def ours(record):
        if record.number:
            return record.number == number
        return _plain_name(record.region) in names

    mine = [r for r in records if ours(r)]
    if mine:
        return mine
    found = sorted({shown(r.region) for r in records if r.region})[:3]
    raise ProjectionFileError(
        _("The file is for %(found)s, not for %(municipality)s (%(number)s). Nothing was imported.")
        % {
            "found": ", ".join(found) or _("no named municipality"),
            "municipality": organisation.short_name,
            "number": number,
        }
    )


def _alternative(records) -> str:
    alternatives = {r.alternative for r in records}
    if "" in alternatives:
        raise ProjectionFileError(
            _(
                "The file does not say which projection alternative it holds (such as "
                "«Hovedalternativet (MMMM)»). Download it with the statistics variable."
            )
        )
    if MAIN_ALTERNATIVE in alternatives:
        return MAIN_ALTERNATIVE
    if len(alternatives) == 1:
        return alternatives.pop()
    raise ProjectionFileError(
        _(
            "The file holds several projection alternatives but not the main alternative "
            "(MMMM). Download the main alternative or one alternative only."
        )
    )


def _by_year_and_age(records) -> dict[int, dict[tuple, int]]:
    """year → age span → persons, with men and women added up where the file has no total."""
    sexes: dict[tuple, dict[str, int | None]] = defaultdict(dict)
    for record in records:
        if record.age == TOTAL:
            continue
        key = (record.year, record.age)
        if record.sex in sexes[key]:
            raise ProjectionFileError(
                _("Row %(row)s: the same figure appears twice in the file.") % {"row": record.row}
            )
        sexes[key][record.sex] = record.persons
    cells: dict[int, dict[tuple, int]] = defaultdict(dict)
    for (year, age), values in sexes.items():
        persons = _both_sexes(values)
        if persons is not None:
            cells[year][age] = persons
        else:
            cells.setdefault(year, {})
    return cells


def _both_sexes(values: dict[str, int | None]) -> int | None:
    if TOTAL in values:
        return values[TOTAL]
    if values.keys() == {"m", "f"} and None not in values.values():
        return values["m"] + values["f"]
    return None


def _sum_ages(ages: dict[tuple, int], start: int, end: int | None) -> int | None:
    """Persons from age `start` to `end` (None: and older) from spans that fit together
    exactly; None when the spans in the file do not cover the range."""
    memo: dict[int, int | None] = {}

    def from_age(age: int) -> int | None:
        if end is not None and age == end + 1:
            return 0
        if age in memo:
            return memo[age]
        memo[age] = None
        for (low, high), persons in ages.items():
            if low != age:
                continue
            if high is None:
                if end is None:
                    memo[age] = persons
                    break
                continue
            if end is not None and high > end:
                continue
            rest = from_age(high + 1)
            if rest is not None:
                memo[age] = persons + rest
                break
        return memo[age]

    return from_age(start)


def _check_years(counts: dict[int, dict], years_in_file: list[int]) -> None:
    incomplete = [year for year in years_in_file if year not in counts]
    needed = [year for year in NEEDED_YEARS if year not in counts]
    if needed and any(year in incomplete for year in needed):
        raise ProjectionFileError(
            _(
                "The file lacks ages needed for %(years)s: it must cover everyone aged 20–66 and "
                "everyone aged 80 or over, for both sexes together or each sex."
            )
            % {"years": ", ".join(str(y) for y in needed)}
        )
    if needed or not any(year < min(NEEDED_YEARS) for year in counts):
        raise ProjectionFileError(
            _(
                "The file must hold the years %(years)s and a year before them to start from "
                "(it holds %(held)s)."
            )
            % {
                "years": ", ".join(str(y) for y in NEEDED_YEARS),
                "held": ", ".join(str(y) for y in sorted(counts)) or "–",
            }
        )
