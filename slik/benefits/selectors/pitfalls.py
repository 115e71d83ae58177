"""The pitfalls of many benefits at once (slik/benefits/pitfalls.py holds the rules)."""

from __future__ import annotations

import datetime
import operator
from collections.abc import Sequence
from functools import reduce

from django.db.models import Q

from .. import pitfalls
from ..models import Benefit, Indicator
from .benefits import pitfall_check


class PitfallList(Sequence):
    """Pitfalls found by the database, made into `Pitfall`s only when read: a page of 20 out
    of 600 builds 20, and `len()` and `count_by_code()` build none. A pitfall's benefit and
    indicator are what a list shows of them (`BenefitRef`, `IndicatorRef`)."""

    def __init__(self, rows: list[tuple]):
        # (code, benefit id, benefit title, case id, case title, indicator id, indicator name)
        self._rows = rows

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._pitfall(row) for row in self._rows[index]]
        return self._pitfall(self._rows[index])

    def count_by_code(self) -> dict[str, int]:
        counts = dict.fromkeys(pitfalls.PITFALL_TYPES, 0)
        for row in self._rows:
            counts[row[0]] += 1
        return {code: n for code, n in counts.items() if n}

    def _pitfall(self, row) -> pitfalls.Pitfall:
        code, benefit_id, title, case_id, case_title, indicator_id, name = row
        benefit = pitfalls.BenefitRef(benefit_id, title, pitfalls.CaseRef(case_id, case_title))
        if indicator_id is None:
            return pitfalls.benefit_pitfall(code, benefit)
        indicator = pitfalls.IndicatorRef(indicator_id, name)
        return pitfalls.indicator_pitfall(code, benefit, indicator)


def _open_benefits(organisation, *, case=None, cases=None, prefix=""):
    """The open benefits to check, as a filter on Benefit (or, with `prefix`, on a relation)."""
    lookup = {
        f"{prefix}organisation": organisation,
        f"{prefix}status__in": Benefit.OPEN_STATUSES,
    }
    optional = {"case": case, "case__in": cases}
    lookup.update({f"{prefix}{name}": v for name, v in optional.items() if v is not None})
    return Q(**lookup)


def _indicator_pitfalls(where: Q, check: pitfalls.Check, codes) -> dict[int, list[tuple]]:
    """{benefit id: [(code, indicator id, name), …]} for the indicators with a pitfall, in the
    order a benefit lists its indicators."""
    rules = pitfalls.rules_for(pitfalls.INDICATOR_RULES, codes)
    flags = pitfalls.flags(rules, check)
    # Filtering on the flags rather than on the conditions again builds each condition once.
    candidates = [Q(**{flag: True}) for flag in flags]
    with_dates = codes is None or "measurement_overdue" in codes
    if with_dates:
        candidates.append(Q(frequency=pitfalls.DATES))
    if not candidates:
        return {}
    rows = (
        Indicator.objects.filter(where)
        .annotate(pitfall_last_on=pitfalls.last_measured_on())
        .annotate(**flags)
        .filter(reduce(operator.or_, candidates))
        .order_by("-is_main", "id")
        .values_list(
            "pk", "name", "benefit_id", "frequency", "measurement_dates", "pitfall_last_on", *flags
        )
    )
    found: dict[int, list[tuple]] = {}
    for pk, name, benefit_id, frequency, dates, last_on, *flagged in rows:
        codes_found = [rule.code for rule, flag in zip(rules, flagged, strict=True) if flag]
        if with_dates and pitfalls.dates_overdue(frequency, dates, last_on, check):
            codes_found.append("measurement_overdue")
        for code in codes_found:
            found.setdefault(benefit_id, []).append((code, pk, name))
    return found


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
    database in three queries (settings, indicators, benefits), whatever the number of
    benefits; only the pitfalls read from the list are made into objects."""
    check = pitfall_check(organisation, today)
    codes = {code} if code else None
    by_benefit = _indicator_pitfalls(
        _open_benefits(organisation, case=case, cases=cases, prefix="benefit__"), check, codes
    )
    rules = pitfalls.rules_for(pitfalls.BENEFIT_RULES, codes)
    flags = pitfalls.flags(rules, check)
    wanted = [Q(**{flag: True}) for flag in flags] + [Q(pk__in=list(by_benefit))]
    benefits = (
        Benefit.objects.filter(_open_benefits(organisation, case=case, cases=cases))
        .annotate(**flags)
        .filter(reduce(operator.or_, wanted))
        .order_by("case__title", "case_id", "id")
        .values_list("pk", "title", "case_id", "case__title", *flags)
    )
    rows = []
    for pk, title, case_id, case_title, *flagged in benefits:
        benefit = (pk, title, case_id, case_title)
        for rule, flag in zip(rules, flagged, strict=True):
            if flag:
                rows.append((rule.code, *benefit, None, None))
        for found, indicator_id, name in by_benefit.get(pk, ()):
            rows.append((found, *benefit, indicator_id, name))
    return PitfallList(rows)
