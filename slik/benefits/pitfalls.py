"""The known pitfalls of benefits realisation (METHOD.md §6): each a condition on an open benefit
or on one of its indicators. This module reads nothing; the selectors run it.

Each pitfall is one `Rule`, its condition written twice side by side: as an SQL condition, so
the database finds the pitfalls of a whole municipality (1,500 benefits are never loaded to look
for them), and in Python, for the benefits a page has loaded anyway (a case's, one benefit).
tests/test_pitfalls.py checks that the two agree on every combination. The SQL is written out
rather than built as Django expressions: building and compiling the expressions cost ≈ 8 ms in
Oslo, the queries themselves less (decision 0009, «Gjenstår»).

The SQL conditions name a benefit `b`, its case `c` and an indicator `i`, and take their values
as named parameters (`sql_values`). They read the summaries the services keep
(services.summaries): a benefit's number of indicators and where its indicators' pitfalls may
be (`hint`), and each indicator's next due date, so no measurement is read and no indicator
of a benefit without a hint.

Only open benefits are checked (expected, tracking, partly realised): a realised or cancelled
benefit needs no more measurements.

A measurement is overdue once the grace days (BenefitSettings.measurement_overdue_days) after
its due date have passed; it is due one period after the latest measurement, or the baseline
date, or, for an indicator measured on given dates, on the next of them (`due_after`). The due
date is worked out in Python when the indicator or its measurements are written, and kept on the
indicator (`Indicator.next_due_on`), so the database compares it with `today − grace`.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

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

    @property
    def cutoff(self) -> datetime.date:
        """A measurement due before this day is overdue (`is_overdue`)."""
        return add_days(self.today, -self.overdue_days)


@dataclass(frozen=True)
class Rule:
    """One pitfall: what is wrong (a message; `%(name)s` is the indicator's name), the
    condition in SQL (`sql`, on `b` or `i`; see the module's docstring) and the same condition
    on a loaded object (`applies(obj, check)`). An indicator's rule also says when its benefit
    may have an indicator it applies to (`hint`, on `b` and its summary)."""

    code: str
    message: Promise
    sql: str
    applies: Callable[[object, Check], bool]
    hint: str = ""


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


def next_measurement_due(indicator) -> datetime.date | None:
    """When the indicator's next measurement is due (from its latest measurement's date)."""
    last = getattr(indicator, "latest_on", None) or indicator.baseline_on
    planned = planned_dates(indicator.measurement_dates) if indicator.frequency == DATES else []
    return due_after(last, indicator.frequency, planned)


def is_overdue(due: datetime.date | None, overdue_days: int, today: datetime.date) -> bool:
    return due is not None and today > add_days(due, overdue_days)


def is_measurement_overdue(indicator: Indicator, overdue_days: int, today: datetime.date) -> bool:
    return is_overdue(next_measurement_due(indicator), overdue_days, today)


def lacks_target(indicator) -> bool:
    return indicator.target_value is None or indicator.target_on is None


def lacks_baseline(indicator) -> bool:
    return indicator.baseline_value is None or indicator.baseline_on is None


def _closed(case) -> bool:
    return case.phase == Phase.NY_PRAKSIS or case.status == Case.Status.STOPPED


def _before_gate(case) -> bool:
    return case.phase <= Phase.PILOTERING and case.status == Case.Status.ACTIVE


def sql_values(check: Check) -> dict:
    """The named parameters of the rules' SQL."""
    return {
        "cutoff": check.cutoff,
        "pilot_phase": int(Phase.PILOTERING),
        "new_practice_phase": int(Phase.NY_PRAKSIS),
        "active": Case.Status.ACTIVE.value,
        "stopped": Case.Status.STOPPED.value,
        "reallocation": Benefit.Realisation.REALLOCATION.value,
    }


CLOSED_SQL = "(c.phase = %(new_practice_phase)s OR c.status = %(stopped)s)"
BEFORE_GATE_SQL = "(c.phase <= %(pilot_phase)s AND c.status = %(active)s)"
LACKS_BASELINE_SQL = "(i.baseline_value IS NULL OR i.baseline_on IS NULL)"


# --- The rules, in the order a benefit lists its pitfalls ----------------------------------

# Asked of a Benefit; `applies` gets the benefit with `indicator_list` and its case.
BENEFIT_RULES = (
    Rule(
        "no_target",
        gettext_lazy("The benefit has no indicator with a target."),
        "b.indicator_count = 0",
        lambda benefit, check: not benefit.indicator_list,
    ),
    Rule(
        "no_owner",
        gettext_lazy("The benefit has no owner."),
        "b.owner_id IS NULL",
        lambda benefit, check: benefit.owner_id is None,
    ),
    Rule(
        "no_responsible",
        gettext_lazy("The benefit has no responsible."),
        "b.responsible_id IS NULL",
        lambda benefit, check: benefit.responsible_id is None,
    ),
    Rule(
        "no_reallocation_plan",
        gettext_lazy("Freed time is to be reallocated, but not to what."),
        "(b.realisation = %(reallocation)s AND b.reallocation_to = '')",
        lambda benefit, check: (
            benefit.realisation == Benefit.Realisation.REALLOCATION and not benefit.reallocation_to
        ),
    ),
    Rule(
        "closed_without_line_owner",
        gettext_lazy("The project is closed and no line manager is responsible for the benefit."),
        f"({CLOSED_SQL} AND b.responsible_id IS NULL)",
        lambda benefit, check: _closed(benefit.case) and benefit.responsible_id is None,
    ),
)

# Asked of an Indicator (a loaded indicator needs its benefit's case).
INDICATOR_RULES = (
    Rule(
        "no_target",
        gettext_lazy("“%(name)s” has no target."),
        "(i.target_value IS NULL OR i.target_on IS NULL)",
        lambda indicator, check: lacks_target(indicator),
        hint="b.targetless_indicators > 0",
    ),
    Rule(
        "baseline_missing",
        gettext_lazy("“%(name)s” has no baseline, and the case has not passed piloting."),
        f"({BEFORE_GATE_SQL} AND i.is_main AND {LACKS_BASELINE_SQL})",
        lambda indicator, check: (
            _before_gate(indicator.benefit.case) and indicator.is_main and lacks_baseline(indicator)
        ),
        hint=f"({BEFORE_GATE_SQL} AND b.unbased_main_indicators > 0)",
    ),
    Rule(
        "measurement_overdue",
        gettext_lazy("“%(name)s” has not been measured when it was due."),
        "i.next_due_on < %(cutoff)s",
        lambda indicator, check: is_measurement_overdue(indicator, check.overdue_days, check.today),
        hint="b.next_due_on < %(cutoff)s",
    ),
)
BENEFIT_MESSAGES = {rule.code: rule.message for rule in BENEFIT_RULES}
INDICATOR_MESSAGES = {rule.code: rule.message for rule in INDICATOR_RULES}


def rules_for(rules: tuple[Rule, ...], codes=None) -> tuple[Rule, ...]:
    return tuple(rule for rule in rules if codes is None or rule.code in codes)


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
