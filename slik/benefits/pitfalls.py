"""The known pitfalls of benefits realisation (METHOD.md §6), evaluated from the data.

Only open benefits are checked (expected, tracking, partly realised): a realised or cancelled
benefit needs no more measurements. `organisation_pitfalls` checks a whole municipality in a
constant number of queries (benefits, indicators with their latest measurement, settings).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from slik.cases.models import Case, Phase
from slik.core.dates import add_days

from .models import Benefit, BenefitSettings, Indicator
from .selectors import indicators_with_latest

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


@dataclass(frozen=True)
class Pitfall:
    code: str
    benefit: Benefit
    message: str
    indicator: Indicator | None = None

    @property
    def label(self) -> str:
        return str(PITFALL_TYPES[self.code])


def next_measurement_due(indicator: Indicator) -> datetime.date | None:
    """When the next measurement is due, from the last one (or the baseline) and the frequency.

    Needs `latest_on` from `indicators_with_latest`. None when nothing has started yet or no
    planned date is left.
    """
    last = getattr(indicator, "latest_on", None) or indicator.baseline_on
    if last is None:
        return None
    if indicator.frequency == Indicator.Frequency.DATES:
        return next((d for d in indicator.planned_dates() if d > last), None)
    # Saturating: a baseline near year 9999 (an old row) must not break the page.
    return add_days(last, FREQUENCY_DAYS.get(indicator.frequency, 31))


def is_measurement_overdue(indicator: Indicator, overdue_days: int, today: datetime.date) -> bool:
    due = next_measurement_due(indicator)
    return due is not None and today > add_days(due, overdue_days)


def _indicator_pitfalls(benefit, indicators, overdue_days, today):
    found = []
    before_gate = benefit.case.phase <= Phase.PILOTERING and benefit.case.status == "active"
    for indicator in indicators:
        name = {"name": indicator.name}
        if indicator.target_value is None or indicator.target_on is None:
            found.append(
                Pitfall("no_target", benefit, _("“%(name)s” has no target.") % name, indicator)
            )
        if (
            before_gate
            and indicator.is_main
            and (indicator.baseline_value is None or indicator.baseline_on is None)
        ):
            message = _("“%(name)s” has no baseline, and the case has not passed piloting.") % name
            found.append(Pitfall("baseline_missing", benefit, message, indicator))
        if is_measurement_overdue(indicator, overdue_days, today):
            message = _("“%(name)s” has not been measured when it was due.") % name
            found.append(Pitfall("measurement_overdue", benefit, message, indicator))
    return found


def benefit_pitfalls(
    benefit: Benefit, indicators, *, overdue_days: int, today: datetime.date | None = None
) -> list[Pitfall]:
    """Pitfalls of one benefit; `indicators` annotated by `indicators_with_latest`."""
    if not benefit.is_open:
        return []
    today = today or timezone.localdate()
    found = []
    if not indicators:
        found.append(
            Pitfall("no_target", benefit, _("The benefit has no indicator with a target."))
        )
    if benefit.owner_id is None:
        found.append(Pitfall("no_owner", benefit, _("The benefit has no owner.")))
    if benefit.responsible_id is None:
        found.append(Pitfall("no_responsible", benefit, _("The benefit has no responsible.")))
    if benefit.realisation == Benefit.Realisation.REALLOCATION and not benefit.reallocation_to:
        message = _("Freed time is to be reallocated, but not to what.")
        found.append(Pitfall("no_reallocation_plan", benefit, message))
    closed = benefit.case.phase == Phase.NY_PRAKSIS or benefit.case.status == Case.Status.STOPPED
    if closed and benefit.responsible_id is None:
        message = _("The project is closed and no line manager is responsible for the benefit.")
        found.append(Pitfall("closed_without_line_owner", benefit, message))
    found.extend(_indicator_pitfalls(benefit, indicators, overdue_days, today))
    return found


def overdue_days_for(organisation) -> int:
    settings = BenefitSettings.objects.filter(organisation=organisation).first()
    return settings.measurement_overdue_days if settings else 30


def open_benefits_with_indicators(*, organisation, case=None):
    benefits = (
        Benefit.objects.filter(organisation=organisation, status__in=Benefit.OPEN_STATUSES)
        .select_related("case", "category")
        .prefetch_related(
            Prefetch("indicators", queryset=indicators_with_latest(Indicator.objects.all()))
        )
        .order_by("case__title", "case_id", "id")
    )
    if case is not None:
        benefits = benefits.filter(case=case)
    return benefits


def pitfalls_of(benefits, *, organisation, today: datetime.date | None = None) -> list[Pitfall]:
    """The pitfalls of benefits already loaded with `indicators_with_latest` (e.g. by the
    roll-up), so a page that shows both reads the benefits once. Closed benefits have none."""
    overdue_days = overdue_days_for(organisation)
    found = []
    for benefit in benefits:
        if benefit.is_open:
            indicators = list(benefit.indicators.all())
            found.extend(
                benefit_pitfalls(benefit, indicators, overdue_days=overdue_days, today=today)
            )
    return found


def organisation_pitfalls(
    *, organisation, case=None, code: str = "", today: datetime.date | None = None
) -> list[Pitfall]:
    """Every pitfall of the organisation's open benefits (optionally one case or one type)."""
    benefits = open_benefits_with_indicators(organisation=organisation, case=case)
    found = pitfalls_of(benefits, organisation=organisation, today=today)
    if code:
        found = [p for p in found if p.code == code]
    return found
