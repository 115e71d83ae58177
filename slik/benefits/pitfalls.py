"""The known pitfalls of benefits realisation (METHOD.md §6): each a condition on an open benefit
or on one of its indicators. This module reads nothing; the selectors run it.

Each pitfall is one `Rule`, its condition written twice side by side: as a query expression, so
the database finds the pitfalls of a whole municipality (1,500 benefits are never loaded to look
for them), and in Python, for the benefits a page has loaded anyway (a case's, one benefit),
where building the query would cost more than the check. tests/test_pitfalls.py checks that the
two agree on every combination.

Only open benefits are checked (expected, tracking, partly realised): a realised or cancelled
benefit needs no more measurements.

A measurement is overdue once the grace days (BenefitSettings.measurement_overdue_days) after
its due date have passed; it is due one period after the latest measurement, or the baseline
date. For a fixed period the query compares dates (`today − period − grace`, worked out here);
for an indicator measured on given dates (a JSON list) the next date is always found in Python
(`due_after`), the one part portable SQL cannot express.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.db.models import BooleanField, Exists, ExpressionWrapper, F, OuterRef, Q
from django.db.models.functions import Coalesce
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from slik.cases.models import Case, Phase
from slik.core.dates import add_days

from .models import Benefit, Indicator
from .models.indicator import planned_dates

PITFALL_TYPES = {
    "no_target": gettext_lazy("No target figure"),
    "no_owner": gettext_lazy("No benefit owner"),
    "no_responsible": gettext_lazy("No benefit responsible"),
    "measurement_overdue": gettext_lazy("Measurement overdue"),
    "baseline_missing": gettext_lazy("Baseline missing before piloting"),
    "no_reallocation_plan": gettext_lazy("No plan for freed time"),
    "closed_without_line_owner": gettext_lazy("Project closed without a line responsible"),
}
FREQUENCY_DAYS = {"weekly": 7, "monthly": 31, "quarterly": 92, "yearly": 366}
DATES = Indicator.Frequency.DATES


@dataclass(frozen=True, slots=True)
class CaseRef:
    """What a list of pitfalls shows of a case."""

    pk: int
    title: str


@dataclass(frozen=True, slots=True)
class BenefitRef:
    """What a list of pitfalls shows of a benefit (made for a page of them, not 1,500 models)."""

    pk: int
    title: str
    case: CaseRef


@dataclass(frozen=True, slots=True)
class IndicatorRef:
    pk: int
    name: str


@dataclass(frozen=True)
class Pitfall:
    code: str
    benefit: Benefit | BenefitRef
    message: str
    indicator: Indicator | IndicatorRef | None = None

    @property
    def label(self) -> str:
        return str(PITFALL_TYPES[self.code])


@dataclass(frozen=True)
class Check:
    """When a check is made: the organisation's grace days and the day it is made on."""

    overdue_days: int
    today: datetime.date


@dataclass(frozen=True)
class Rule:
    """One pitfall: what is wrong (a message; `%(name)s` is the indicator's name), the
    condition as a query expression (`sql(check)`, on a Benefit or an Indicator) and the same
    condition on a loaded object (`applies(obj, check)`)."""

    code: str
    message: Promise
    sql: Callable[[Check], object]
    applies: Callable[[object, Check], bool]


# --- Due dates ----------------------------------------------------------------------------


def due_after(
    last: datetime.date | None, frequency: str, planned: list[datetime.date]
) -> datetime.date | None:
    """The due date after the measurement (or baseline) on `last`; None when nothing has
    started yet or no planned date is left."""
    if last is None:
        return None
    if frequency == DATES:
        return next((day for day in planned if day > last), None)
    # Saturating: a baseline near year 9999 (an old row) must not break the page.
    return add_days(last, FREQUENCY_DAYS.get(frequency, 31))


def next_measurement_due(indicator: Indicator) -> datetime.date | None:
    """When the indicator's next measurement is due (from its latest measurement's date)."""
    last = getattr(indicator, "latest_on", None) or indicator.baseline_on
    planned = planned_dates(indicator.measurement_dates) if indicator.frequency == DATES else []
    return due_after(last, indicator.frequency, planned)


def is_overdue(due: datetime.date | None, overdue_days: int, today: datetime.date) -> bool:
    return due is not None and today > add_days(due, overdue_days)


def is_measurement_overdue(indicator: Indicator, overdue_days: int, today: datetime.date) -> bool:
    return is_overdue(next_measurement_due(indicator), overdue_days, today)


def dates_overdue(frequency, measurement_dates, last_on, check: Check) -> bool:
    """The overdue check of an indicator measured on given dates, from its plain values."""
    if frequency != DATES:
        return False
    due = due_after(last_on, DATES, planned_dates(measurement_dates))
    return is_overdue(due, check.overdue_days, check.today)


def last_measured_on():
    """The latest measurement's date, or the baseline date: where the next period starts
    (annotated as `pitfall_last_on` for the overdue condition). The latest date is the
    indicator's own summary column, so no measurement is read."""
    return Coalesce(F("latest_on"), F("baseline_on"))


def _overdue_sql(check: Check):
    # The last day a measurement may be from for each period: date arithmetic stays in Python.
    grace = check.overdue_days
    cutoff = models.Case(
        *[
            models.When(frequency=frequency, then=add_days(check.today, -(days + grace)))
            for frequency, days in FREQUENCY_DAYS.items()
        ],
        output_field=models.DateField(),
    )
    return Q(pitfall_last_on__lt=cutoff)


def _closed(case) -> bool:
    return case.phase == Phase.NY_PRAKSIS or case.status == Case.Status.STOPPED


def _before_gate(case) -> bool:
    return case.phase <= Phase.PILOTERING and case.status == Case.Status.ACTIVE


def _missing_baseline(indicator) -> bool:
    return indicator.baseline_value is None or indicator.baseline_on is None


# --- The rules, in the order a benefit lists its pitfalls ----------------------------------

# Asked of a Benefit; `applies` gets the benefit with `indicator_list` and its case.
BENEFIT_RULES = (
    Rule(
        "no_target",
        gettext_lazy("The benefit has no indicator with a target."),
        # Unscoped: tied to the outer benefit, which the outer query holds to the organisation.
        lambda check: (
            ~Exists(Indicator.objects.with_scopes_disabled().filter(benefit=OuterRef("pk")))
        ),
        lambda benefit, check: not benefit.indicator_list,
    ),
    Rule(
        "no_owner",
        gettext_lazy("The benefit has no owner."),
        lambda check: Q(owner__isnull=True),
        lambda benefit, check: benefit.owner_id is None,
    ),
    Rule(
        "no_responsible",
        gettext_lazy("The benefit has no responsible."),
        lambda check: Q(responsible__isnull=True),
        lambda benefit, check: benefit.responsible_id is None,
    ),
    Rule(
        "no_reallocation_plan",
        gettext_lazy("Freed time is to be reallocated, but not to what."),
        lambda check: Q(realisation=Benefit.Realisation.REALLOCATION, reallocation_to=""),
        lambda benefit, check: (
            benefit.realisation == Benefit.Realisation.REALLOCATION and not benefit.reallocation_to
        ),
    ),
    Rule(
        "closed_without_line_owner",
        gettext_lazy("The project is closed and no line manager is responsible for the benefit."),
        lambda check: (
            (Q(case__phase=Phase.NY_PRAKSIS) | Q(case__status=Case.Status.STOPPED))
            & Q(responsible__isnull=True)
        ),
        lambda benefit, check: _closed(benefit.case) and benefit.responsible_id is None,
    ),
)

# Asked of an Indicator (the query annotates `pitfall_last_on`; a loaded indicator needs its
# benefit's case).
INDICATOR_RULES = (
    Rule(
        "no_target",
        gettext_lazy("“%(name)s” has no target."),
        lambda check: Q(target_value__isnull=True) | Q(target_on__isnull=True),
        lambda indicator, check: indicator.target_value is None or indicator.target_on is None,
    ),
    Rule(
        "baseline_missing",
        gettext_lazy("“%(name)s” has no baseline, and the case has not passed piloting."),
        lambda check: (
            Q(
                benefit__case__phase__lte=Phase.PILOTERING,
                benefit__case__status=Case.Status.ACTIVE,
                is_main=True,
            )
            & (Q(baseline_value__isnull=True) | Q(baseline_on__isnull=True))
        ),
        lambda indicator, check: (
            _before_gate(indicator.benefit.case)
            and indicator.is_main
            and _missing_baseline(indicator)
        ),
    ),
    Rule(
        "measurement_overdue",
        gettext_lazy("“%(name)s” has not been measured when it was due."),
        # Indicators measured on given dates are left to `dates_overdue`.
        _overdue_sql,
        lambda indicator, check: is_measurement_overdue(indicator, check.overdue_days, check.today),
    ),
)
BENEFIT_MESSAGES = {rule.code: rule.message for rule in BENEFIT_RULES}
INDICATOR_MESSAGES = {rule.code: rule.message for rule in INDICATOR_RULES}


def rules_for(rules: tuple[Rule, ...], codes=None) -> tuple[Rule, ...]:
    return tuple(rule for rule in rules if codes is None or rule.code in codes)


def indicator_conditions(*, overdue_days: int, today: datetime.date, codes=None) -> dict:
    """{code: condition on an Indicator annotated with `pitfall_last_on`} (call in a scope)."""
    check = Check(overdue_days=overdue_days, today=today)
    return {rule.code: rule.sql(check) for rule in rules_for(INDICATOR_RULES, codes)}


def flags(rules: tuple[Rule, ...], check: Check) -> dict[str, ExpressionWrapper]:
    """{`pitfall_<code>`: the rule's condition} to annotate on a queryset (call in a scope)."""
    return {
        f"pitfall_{rule.code}": ExpressionWrapper(rule.sql(check), output_field=BooleanField())
        for rule in rules
    }


# --- Pitfalls of loaded benefits ----------------------------------------------------------


def benefit_pitfall(code: str, benefit) -> Pitfall:
    return Pitfall(code, benefit, str(BENEFIT_MESSAGES[code]))


def indicator_pitfall(code: str, benefit, indicator) -> Pitfall:
    message = str(INDICATOR_MESSAGES[code]) % {"name": indicator.name}
    return Pitfall(code, benefit, message, indicator)


def pitfalls_of_benefit(benefit, indicators, *, check: Check) -> list[Pitfall]:
    """The pitfalls of one loaded benefit (with its case) and its indicators, which it keeps
    as `benefit.indicator_list`."""
    benefit.indicator_list = list(indicators)
    if not benefit.is_open:
        return []
    found = [benefit_pitfall(r.code, benefit) for r in BENEFIT_RULES if r.applies(benefit, check)]
    for indicator in benefit.indicator_list:
        indicator.benefit = benefit
        found += [
            indicator_pitfall(rule.code, benefit, indicator)
            for rule in INDICATOR_RULES
            if rule.applies(indicator, check)
        ]
    return found
