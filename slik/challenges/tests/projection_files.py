"""SSB-shaped projection files (table 14288) built for the tests, and the sums expected of them.

The counts are made up by a formula; the shapes follow what the statistics bank's «Last ned»
gives: a title line, Norwegian headers in quotes, «3110 Hvaler», «80 år», «105 år eller
eldre», «Hovedalternativet (MMMM)», semicolons, Latin-1 or UTF-8.
"""

from __future__ import annotations

import json

TITLE = (
    "14288: Framskrevet folkemengde 1. januar, etter region, kjønn, alder, statistikkvariabel og år"
)
REGION = "3110 Hvaler"
YEARS = (2024, 2026, 2030, 2040)
ALTERNATIVES = {"MMMM": "Hovedalternativet (MMMM)", "LLML": "Lav nasjonal vekst (LLML)"}
SEXES = {"1": "Menn", "2": "Kvinner"}
TOP_AGE = 105


def persons(sex: str, age: int, year: int, alternative: str = "MMMM") -> int:
    """A made-up count that differs by sex, age, year and alternative."""
    base = 60 - age // 3 if age < 90 else 3
    growth = (year - 2024) * (3 if age >= 80 else 1)
    return max(base + growth + (2 if sex == "2" else 0) + (5 if alternative == "LLML" else 0), 0)


def expected(year: int, alternative: str = "MMMM") -> dict[str, int]:
    ages = {"80+": range(80, TOP_AGE + 1), "20-66": range(20, 67)}
    return {
        group: sum(persons(sex, age, year, alternative) for sex in SEXES for age in span)
        for group, span in ages.items()
    }


def age_label(age: int) -> str:
    return f"{age} år eller eldre" if age == TOP_AGE else f"{age} år"


def long_csv(
    *,
    region=REGION,
    years=YEARS,
    alternatives=("MMMM",),
    top_age=TOP_AGE,
    encoding="latin-1",
    value=None,
) -> bytes:
    """The long shape: one row per region, sex, age, alternative and year."""
    lines = [
        f'"{TITLE}"',
        "",
        f'"region";"kjønn";"alder";"statistikkvariabel";"år";"{TITLE}"',
    ]
    for code, sex in SEXES.items():
        for age in range(top_age + 1):
            label = age_label(age) if top_age == TOP_AGE else f"{age} år"
            for alternative in alternatives:
                for year in years:
                    count = value if value is not None else persons(code, age, year, alternative)
                    lines.append(
                        f'"{region}";"{sex}";"{label}";"{ALTERNATIVES[alternative]}";'
                        f'"{year}";{count}'
                    )
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


GROUPS = [(0, 5), (6, 15), (16, 19), (20, 44), (45, 66), (67, 79), (80, 89), (90, None)]


def _group_label(low, high):
    return f"{low} år eller eldre" if high is None else f"{low}-{high} år"


def wide_csv(*, years=YEARS) -> bytes:
    """The wide shape: SSB's age groups, both sexes together, one column per alternative and
    year, no title line, UTF-8 with a byte-order mark."""
    header = ['"region"', '"alder"'] + [f'"Hovedalternativet (MMMM) {year}"' for year in years]
    lines = [";".join(header)]
    for low, high in GROUPS:
        top = TOP_AGE if high is None else high
        cells = [f'"{REGION}"', f'"{_group_label(low, high)}"']
        for year in years:
            total = sum(persons(s, a, year) for s in SEXES for a in range(low, top + 1))
            cells.append(str(total))
        lines.append(";".join(cells))
    return ("\ufeff" + "\n".join(lines) + "\n").encode("utf-8")


def jsonstat(*, alternatives=("MMMM", "LLML"), region=("3110", "Hvaler")) -> bytes:
    """JSON-stat 2 as the statistics bank's API and download give it, single ages."""
    ages = [f"{age:03d}" for age in range(TOP_AGE)] + ["105+"]
    dims = {
        "Region": {region[0]: region[1]},
        "Kjonn": SEXES,
        "Alder": {code: age_label(int(code.rstrip("+"))) for code in ages},
        "ContentsCode": {f"Personer{i}": ALTERNATIVES[a] for i, a in enumerate(alternatives)},
        "Tid": {str(y): str(y) for y in YEARS},
    }
    values = []
    for sex in SEXES:
        for age in ages:
            for alternative in alternatives:
                for year in YEARS:
                    values.append(persons(sex, int(age.rstrip("+")), year, alternative))
    return json.dumps(
        {
            "version": "2.0",
            "class": "dataset",
            "label": TITLE,
            "source": "Statistisk sentralbyrå",
            "id": list(dims),
            "size": [len(d) for d in dims.values()],
            "dimension": {
                name: {
                    "label": name.lower(),
                    "category": {
                        "index": {code: i for i, code in enumerate(codes)},
                        "label": codes,
                    },
                }
                for name, codes in dims.items()
            },
            "value": values,
        }
    ).encode("utf-8")
