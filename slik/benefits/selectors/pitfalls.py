"""The pitfalls of many benefits at once (slik/benefits/pitfalls.py holds the rules).

The database finds them with the rules' own SQL (the same on SQLite and PostgreSQL, every value
a parameter): after the settings, the open benefits with a pitfall of their own or a hint of
one in their summary, checked in the index `benefit_pitfalls` (no benefit's row is read), then
the indicators of the hinted benefits only. The titles are read for the pitfalls a page shows.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence

from django.core.exceptions import EmptyResultSet
from django.utils import timezone

from slik.core.compiled import sql_rows

from .. import pitfalls
from ..models import Benefit
from .benefits import DEFAULT_OVERDUE_DAYS

OPEN_STATUSES = tuple(status.value for status in Benefit.OPEN_STATUSES)
NAMED = re.compile(r"%\((\w+)\)s")


class PitfallList(Sequence):
    """Pitfalls found by the database, made into `Pitfall`s only when read: a page of 20 out
    of 600 builds 20 (and reads their benefits' and cases' titles, one query), and `len()` and
    `count_by_code()` build none. A pitfall's benefit and indicator are what a list shows of
    them (`BenefitRef`, `IndicatorRef`).

    Kept per benefit, in list order: its id, the codes of its own pitfalls and
    [(code, indicator id, name)] of its indicators'."""

    def __init__(self, benefits: list[tuple]):
        self._benefits = benefits
        self._length = sum(len(codes) + len(found) for _benefit, codes, found in benefits)

    def __len__(self) -> int:
        return self._length

    def __iter__(self):
        return iter(self._pitfalls(0, self._length))

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(self._length)
            if step != 1:
                return list(self)[index]
            return self._pitfalls(start, stop)
        if not -self._length <= index < self._length:
            raise IndexError(index)
        start = index % self._length
        return self._pitfalls(start, start + 1)[0]

    def count_by_code(self) -> dict[str, int]:
        counts = dict.fromkeys(pitfalls.PITFALL_TYPES, 0)
        for _benefit, codes, found in self._benefits:
            for code in codes:
                counts[code] += 1
            for code, _indicator, _name in found:
                counts[code] += 1
        return {code: n for code, n in counts.items() if n}

    def _pitfalls(self, start: int, stop: int) -> list[pitfalls.Pitfall]:
        """The pitfalls from `start` to `stop`, in order; the benefits before and after are
        skipped without making or reading anything."""
        shown, seen = [], 0
        for entry in self._benefits:
            if seen >= stop:
                break
            count = len(entry[1]) + len(entry[2])
            if seen + count > start:
                shown.append((entry, max(start - seen, 0), stop - seen))
            seen += count
        titles = _titles([benefit_id for (benefit_id, _c, _f), _s, _e in shown])
        made = []
        for (benefit_id, codes, found), first, end in shown:
            benefit = titles.get(benefit_id)
            if benefit is None:  # deleted since the list was made
                continue
            made += (
                [pitfalls.benefit_pitfall(code, benefit) for code in codes]
                + [
                    pitfalls.indicator_pitfall(code, benefit, pitfalls.IndicatorRef(pk, name))
                    for code, pk, name in found
                ]
            )[first:end]
        return made


# --- SQL ------------------------------------------------------------------------------------


def benefits_filter(organisation, *, case=None, cases=None) -> tuple[str, list]:
    """(SQL condition on the benefit `b`, its parameters): the organisation's benefits; of one
    `case`, or of `cases` (a Case queryset, compiled as a subquery: call in the organisation's
    scope), if given."""
    sql, params = "b.organisation_id = %s", [organisation.pk]
    if case is not None:
        sql += " AND b.case_id = %s"
        params.append(getattr(case, "pk", case))
    if cases is not None:
        try:
            cases_sql, cases_params = cases.values("pk").query.sql_with_params()
        except EmptyResultSet:  # a queryset that can match nothing (`.none()`)
            return f"{sql} AND 1 = 0", params
        sql += f" AND b.case_id IN ({cases_sql})"
        params += list(cases_params)
    return sql, params


def open_benefits_filter(organisation, *, case=None, cases=None) -> tuple[str, list]:
    """`benefits_filter` for the open benefits, those checked for pitfalls."""
    sql, params = benefits_filter(organisation, case=case, cases=cases)
    return f"{sql} AND b.status IN ({_in(OPEN_STATUSES)})", [*params, *OPEN_STATUSES]


def _in(values) -> str:
    return ", ".join(["%s"] * len(values))


def bind(sql: str, values: dict) -> tuple[str, list]:
    """A rule's SQL with its named parameters (`%(cutoff)s`) as `%s`, and the values in the
    order it uses them: it goes into one statement with a compiled queryset's SQL, whose
    parameters are positional."""
    params: list = []

    def take(match: re.Match) -> str:
        params.append(values[match[1]])
        return "%s"

    return NAMED.sub(take, sql), params


def statement(*pieces) -> tuple[str, list]:
    """Pieces of SQL (text, or (text, parameters)) put together, their parameters in order."""
    sql, params = [], []
    for piece in pieces:
        text, values = (piece, ()) if isinstance(piece, str) else piece
        sql.append(text)
        params.extend(values)
    return "".join(sql), params


def _found(conditions: list[str], values: dict) -> tuple[str, list]:
    """The conditions as one number, bit n set when condition n holds: one column for the
    database to write and to filter on, and one number for Python to read."""
    cases = " + ".join(
        f"CASE WHEN {condition} THEN {1 << n} ELSE 0 END" for n, condition in enumerate(conditions)
    )
    return bind(cases, values)


def _codes(rules: tuple) -> dict[int, tuple[str, ...]]:
    """{the bits `_found` sets: the codes of the rules they stand for}, for every combination."""
    return {
        found: tuple(rule.code for n, rule in enumerate(rules) if found & (1 << n))
        for found in range(1 << len(rules))
    }


def _run(sql: str, params: list) -> list[tuple]:
    return sql_rows(sql, params)


def _benefits(where: tuple[str, list], check: pitfalls.Check, codes) -> tuple[tuple, list]:
    """(the benefit rules asked, the open benefits with a pitfall of their own or a hint of one
    in their indicators: id, `_found` of the rules and the hint after them), in the order of
    their cases' titles."""
    rules = pitfalls.rules_for(pitfalls.BENEFIT_RULES, codes)
    hints = [rule.hint for rule in pitfalls.rules_for(pitfalls.INDICATOR_RULES, codes)]
    conditions = [rule.sql for rule in rules] + [f"({' OR '.join(hints) or '1 = 0'})"]
    sql, params = statement(
        "SELECT id, found FROM (SELECT b.id, b.case_id, c.title AS case_title, ",
        _found(conditions, pitfalls.sql_values(check)),
        " AS found FROM benefits_benefit b INNER JOIN cases_case c ON c.id = b.case_id WHERE ",
        where,
        ") flagged WHERE found > 0 ORDER BY case_title, case_id, id",
    )
    return rules, _run(sql, params)


def _titles(benefit_ids: list[int]) -> dict[int, pitfalls.BenefitRef]:
    """{id: the benefit with its title and case} for benefits found in the organisation."""
    if not benefit_ids:
        return {}
    rows = _run(
        "SELECT b.id, b.title, c.id, c.title FROM benefits_benefit b"
        " INNER JOIN cases_case c ON c.id = b.case_id"
        f" WHERE b.id IN ({_in(benefit_ids)})",
        benefit_ids,
    )
    return {
        pk: pitfalls.BenefitRef(pk, title, pitfalls.CaseRef(case_id, case_title))
        for pk, title, case_id, case_title in rows
    }


def _indicator_pitfalls(benefit_ids: list[int], check: pitfalls.Check, codes) -> dict:
    """{benefit id: [(code, indicator id, name), …]} for the indicators of these benefits with
    a pitfall, in the order a benefit lists its indicators."""
    rules = pitfalls.rules_for(pitfalls.INDICATOR_RULES, codes)
    if not benefit_ids or not rules:
        return {}
    sql, params = statement(
        "SELECT * FROM (SELECT i.id, i.name, i.benefit_id, i.is_main, ",
        _found([rule.sql for rule in rules], pitfalls.sql_values(check)),
        " AS found FROM benefits_indicator i"
        " INNER JOIN benefits_benefit b ON b.id = i.benefit_id"
        " INNER JOIN cases_case c ON c.id = b.case_id"
        f" WHERE i.benefit_id IN ({_in(benefit_ids)})",
        ("", benefit_ids),
        ") flagged WHERE found > 0 ORDER BY is_main DESC, id",
    )
    named = _codes(rules)
    found: dict[int, list[tuple]] = {}
    for pk, name, benefit_id, _main, bits in _run(sql, params):
        found.setdefault(benefit_id, []).extend((code, pk, name) for code in named[bits])
    return found


def overdue_days(organisation) -> int:
    """The organisation's grace days before a due measurement counts as missing (the default
    without settings). One plain query: the settings are read on every page of pitfalls."""
    rows = _run(
        "SELECT measurement_overdue_days FROM benefits_benefitsettings WHERE organisation_id = %s",
        [organisation.pk],
    )
    return rows[0][0] if rows else DEFAULT_OVERDUE_DAYS


def organisation_pitfalls(
    *,
    organisation,
    case=None,
    cases=None,
    code: str = "",
    today: datetime.date | None = None,
) -> PitfallList:
    """Every pitfall of the organisation's open benefits, in the order of their cases and
    benefits; optionally of one case, of some `cases` (a queryset) or of one type. Found by the
    database in three queries at most (settings, benefits, the indicators of the benefits
    whose summary hints at a pitfall), whatever the number of benefits; only the pitfalls read
    from the list are made into objects, with their titles (one query more)."""
    check = pitfalls.Check(
        overdue_days=overdue_days(organisation), today=today or timezone.localdate()
    )
    codes = {code} if code else None
    where = open_benefits_filter(organisation, case=case, cases=cases)
    rules, benefits = _benefits(where, check, codes)
    hint = 1 << len(rules)
    by_benefit = _indicator_pitfalls([pk for pk, bits in benefits if bits & hint], check, codes)
    named = _codes(rules)
    found = [(pk, named[bits & (hint - 1)], by_benefit.get(pk, ())) for pk, bits in benefits]
    return PitfallList(found)
