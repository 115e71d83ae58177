"""Reads of benefits and indicators: the case's benefits, one benefit, a series, choices."""

from __future__ import annotations

import datetime

from django.db.models import Prefetch
from django.utils import timezone

from slik.accounts.models import User
from slik.cases.selectors import visible_cases

from .. import pitfalls, statistics
from ..models import Benefit, BenefitCategory, BenefitSettings, Indicator, Measurement

DEFAULT_OVERDUE_DAYS = 30


def visible_benefits(*, actor, organisation):
    """The benefits `actor` may see: those of the cases they may see (the one rule for
    benefits, as `benefits.view_benefit` says it for one benefit)."""
    cases = visible_cases(actor=actor, organisation=organisation)
    return Benefit.objects.filter(organisation=organisation, case__in=cases.values("pk"))


def indicators_with_latest(indicators):
    """The indicators with `latest_value` and `latest_on` (the newest measurement). These are
    the indicator's own summary columns now (services.summaries); kept for the callers."""
    return indicators


def indicator_achievement(indicator: Indicator) -> float | None:
    """Share of the planned change reached by the latest measurement (needs the annotation)."""
    latest = getattr(indicator, "latest_value", None)
    if latest is None or indicator.baseline_value is None or indicator.target_value is None:
        return None
    return statistics.achievement(
        float(latest), float(indicator.baseline_value), float(indicator.target_value)
    )


def annotate_achievement(indicators) -> None:
    """Set `achievement` (share) and `achievement_percent` on annotated indicators."""
    for indicator in indicators:
        indicator.achievement = indicator_achievement(indicator)
        indicator.achievement_percent = (
            None if indicator.achievement is None else round(indicator.achievement * 100, 1)
        )


def organisation_members(*, organisation):
    """The people who can be responsible for or own a benefit."""
    return User.objects.filter(memberships__organisation=organisation).order_by("full_name", "id")


def categories(*, organisation):
    return BenefitCategory.objects.filter(organisation=organisation)


def case_choices(*, actor, organisation) -> list[tuple[int, str]]:
    """(id, title) of the cases `actor` sees, for a filter (no Case objects are built)."""
    cases = visible_cases(actor=actor, organisation=organisation)
    return list(cases.order_by("title", "id").values_list("pk", "title"))


def overdue_days_for(organisation) -> int:
    """The organisation's grace days before a due measurement counts as missing."""
    settings = BenefitSettings.objects.filter(organisation=organisation).first()
    return settings.measurement_overdue_days if settings else DEFAULT_OVERDUE_DAYS


def case_indicators(*, case) -> list[Indicator]:
    """Every indicator of the case's benefits (what a case-wide import may write to)."""
    return list(Indicator.objects.filter(benefit__case=case).select_related("benefit__case"))


def pitfall_check(organisation, today: datetime.date | None = None) -> pitfalls.Check:
    """The organisation's grace days and the day, for checking pitfalls."""
    return pitfalls.Check(
        overdue_days=overdue_days_for(organisation), today=today or timezone.localdate()
    )


def _benefits_with_indicators(*, organisation):
    return (
        Benefit.objects.filter(organisation=organisation)
        .select_related("category", "responsible", "owner")
        .prefetch_related(
            Prefetch("indicators", queryset=indicators_with_latest(Indicator.objects.all()))
        )
    )


def _add_pitfalls(benefit: Benefit, check: pitfalls.Check) -> None:
    """Set `benefit.indicator_list` (with achievement) and `benefit.pitfalls`."""
    benefit.pitfalls = pitfalls.pitfalls_of_benefit(benefit, benefit.indicators.all(), check=check)
    annotate_achievement(benefit.indicator_list)


def benefits_for_case(*, organisation, case, today=None) -> list[Benefit]:
    """The case's benefits for its page: indicators with latest value and achievement
    (`benefit.indicator_list`) and the pitfalls of each (`benefit.pitfalls`). Three queries."""
    check = pitfall_check(organisation, today)
    benefits = list(_benefits_with_indicators(organisation=organisation).filter(case=case))
    for benefit in benefits:
        benefit.case = case
        _add_pitfalls(benefit, check)
    return benefits


def benefit_detail(*, organisation, benefit_id, today=None) -> Benefit:
    """One benefit with its case, people, indicators (latest values) and pitfalls;
    Benefit.DoesNotExist when it is not the organisation's."""
    check = pitfall_check(organisation, today)
    benefit = (
        _benefits_with_indicators(organisation=organisation)
        .select_related("case")
        .get(pk=benefit_id)
    )
    _add_pitfalls(benefit, check)
    return benefit


def indicator_measurements(*, indicator: Indicator):
    return list(
        Measurement.objects.filter(indicator=indicator)
        .select_related("recorded_by")
        .order_by("measured_on", "id")
    )
