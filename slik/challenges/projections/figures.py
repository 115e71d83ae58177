"""Ready figures from the imported projection: the welfare squeeze in a few numbers.

Persons aged 80+ now, in 2030 and 2040; people aged 20–66 per person aged 80+ in 2040; and,
once the municipality has entered its care labour-years (årsverk i pleie og omsorg), the
labour-years needed per 1,000 inhabitants aged 20–66 at today's coverage – the figure Meråker
and Time used. «Today's coverage» is held as labour-years per person aged 80+, the group that
drives most of the demand for care; docs/decisions/0018 says why and what it leaves out.
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal

from ..models import PopulationProjection
from ..population import FIGURE_WORDS, ReadyFigure
from .reading import NEEDED_YEARS, OLD, WORKING
from .words import alternative_name, projection_source


def _round(value: Decimal, places: str = "0.01") -> Decimal:
    return value.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def now_year(projection: PopulationProjection, today: datetime.date | None = None) -> int:
    """This year if the projection covers it, else the nearest year it covers before it."""
    year = (today or datetime.date.today()).year
    earlier = [y for y in projection.years if y <= year]
    return max(earlier) if earlier else min(projection.years)


def _care_per_1000(projection: PopulationProjection, year: int) -> Decimal | None:
    base = projection.care_labour_years_year
    labour_years = projection.care_labour_years
    if labour_years is None or base is None:
        return None
    old_base, old, working = (
        projection.persons(base, OLD),
        projection.persons(year, OLD),
        projection.persons(year, WORKING),
    )
    if not old_base or old is None or not working:
        return None
    needed = Decimal(labour_years) * Decimal(old) / Decimal(old_base)
    return _round(needed * 1000 / Decimal(working))


def _value(projection: PopulationProjection, kind: str, year: int) -> Decimal | None:
    old, working = projection.persons(year, OLD), projection.persons(year, WORKING)
    if old is None or working is None:
        return None
    if kind == "p80":
        return Decimal(old)
    if kind == "pratio":
        return _round(Decimal(working) / Decimal(old)) if old else None
    return _care_per_1000(projection, year)


def _code(projection: PopulationProjection, kind: str, year: int) -> str:
    return f"{kind}:{year}:{projection.alternative}:{projection.first_year}:{projection.table}"


def _figure(projection, kind: str, year: int) -> ReadyFigure | None:
    value = _value(projection, kind, year)
    if value is None:
        return None
    label, unit = FIGURE_WORDS[kind]
    return ReadyFigure(_code(projection, kind, year), str(label), value, str(unit), year)


def _wanted(projection, today) -> list[tuple[str, int]]:
    now = now_year(projection, today)
    wanted = [("p80", year) for year in (now, *NEEDED_YEARS)]
    wanted.append(("pratio", NEEDED_YEARS[-1]))
    if projection.care_labour_years is not None:
        start = projection.care_labour_years_year or now
        wanted += [("pcare", year) for year in (start, *NEEDED_YEARS)]
    return list(dict.fromkeys(wanted))


def projection_for(*, organisation) -> PopulationProjection | None:
    return PopulationProjection.objects.filter(organisation=organisation).first()


def projection_ready(*, projection: PopulationProjection, today=None) -> dict:
    """The ready figures, the rows of the table under the chart, and what they come from."""
    figures = [
        figure
        for kind, year in _wanted(projection, today)
        if (figure := _figure(projection, kind, year)) is not None
    ]
    rows = [
        {
            "year": year,
            "old": projection.persons(year, OLD),
            "working": projection.persons(year, WORKING),
            "ratio": _value(projection, "pratio", year),
            "care": _care_per_1000(projection, year),
        }
        for year in projection.years
    ]
    return {
        "projection": projection,
        "figures": figures,
        "rows": rows,
        "now": now_year(projection, today),
        "first": min(projection.years),
        "last": max(projection.years),
        "alternative": alternative_name(projection.alternative),
        "source": projection_source(
            projection.alternative, projection.first_year, projection.table
        ),
    }


def projection_figure(*, organisation, code: str, today=None) -> ReadyFigure | None:
    """One ready figure by its code, if the imported projection still gives it."""
    projection = projection_for(organisation=organisation)
    if projection is None:
        return None
    offered = {f.code: f for f in projection_ready(projection=projection, today=today)["figures"]}
    return offered.get(code)
