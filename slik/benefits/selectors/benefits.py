"""Reads of benefits and indicators: the case's benefits, one benefit, a series, choices."""

from __future__ import annotations

import datetime

from django.db.models import Prefetch
from django.utils import timezone

from slik.accounts.models import User
from slik.cases.selectors import visible_cases
from slik.core.compiled import CompiledRead, sql_rows

from .. import pitfalls, statistics
from ..models import Benefit, BenefitCategory, Indicator, Measurement

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


_OVERDUE_DAYS_SQL = (
    "SELECT measurement_overdue_days FROM benefits_benefitsettings"
    " WHERE organisation_id = %s ORDER BY id LIMIT 1"
)


def overdue_days_for(organisation) -> int:
    """The organisation's grace days before a due measurement counts as missing.

    One number, read with plain SQL: every page with pitfalls reads it, and building the
    query took Django ten times as long as SQLite took to answer it."""
    rows = sql_rows(_OVERDUE_DAYS_SQL, [organisation.pk])
    return rows[0][0] if rows else DEFAULT_OVERDUE_DAYS


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


def _add_pitfalls(benefit: Benefit, check: pitfalls.Check, indicators=None) -> None:
    """Set `benefit.indicator_list` (with achievement) and `benefit.pitfalls`; `indicators`:
    the benefit's, when read already (else its prefetched ones)."""
    if indicators is None:
        indicators = benefit.indicators.all()
    benefit.pitfalls = pitfalls.pitfalls_of_benefit(benefit, indicators, check=check)
    annotate_achievement(benefit.indicator_list)


# The case panel's two reads, compiled once (slik/core/compiled.py): Django took longer to
# build them (the benefit with its category and responsible, 40 columns) than SQLite to run
# them. The indicators by their benefits' case rather than by a list of benefit ids: one
# shape whatever the number of benefits, the same rows and order (`Indicator.Meta.ordering`).
_CASE_BENEFITS = CompiledRead(
    lambda organisation_id, case_id: Benefit.objects.filter(
        organisation_id=organisation_id, case_id=case_id
    ).select_related("category", "responsible"),
    -7_300_201,
    -7_300_202,
)
_CASE_INDICATORS = CompiledRead(
    lambda organisation_id, case_id: Indicator.objects.filter(
        benefit__organisation_id=organisation_id, benefit__case_id=case_id
    ),
    -7_300_203,
    -7_300_204,
)


def benefits_for_case(*, organisation, case, today=None) -> list[Benefit]:
    """The case's benefits for its page: indicators with latest value and achievement
    (`benefit.indicator_list`) and the pitfalls of each (`benefit.pitfalls`). Three queries
    (two without benefits).

    Read by the case's id without the tenant scope's joins: the caller has fetched the case in
    the tenant (`access_case`), and the benefits and indicators are filtered on the
    organisation as well. The indicators are shared out here (Django's prefetching cost more
    than the query). The owner is not read: the case's pages show the responsible, and the
    pitfalls need only `owner_id`."""
    check = pitfall_check(organisation, today)
    benefits = _CASE_BENEFITS.objects(organisation.pk, case.pk)
    indicators: dict[int, list[Indicator]] = {benefit.pk: [] for benefit in benefits}
    if benefits:
        for indicator in _CASE_INDICATORS.objects(organisation.pk, case.pk):
            indicators[indicator.benefit_id].append(indicator)
    for benefit in benefits:
        benefit.case = case
        _add_pitfalls(benefit, check, indicators[benefit.pk])
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
