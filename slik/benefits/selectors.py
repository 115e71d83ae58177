"""Reads for the benefit register, always given the organisation (and the actor where it
matters). Every selector runs in a fixed number of queries, whatever the amount of data."""

from __future__ import annotations

from django.db.models import OuterRef, Prefetch, Q, Subquery

from slik.accounts.models import User
from slik.cases.selectors import visible_cases

from . import statistics
from .models import Benefit, BenefitCategory, Indicator, Measurement


def visible_benefits(*, actor, organisation):
    """The benefits `actor` may see: those of the cases they may see (the one rule for
    benefits, as `benefits.view_benefit` says it for one benefit)."""
    cases = visible_cases(actor=actor, organisation=organisation)
    return Benefit.objects.filter(organisation=organisation, case__in=cases.values("pk"))


def indicators_with_latest(indicators):
    """Annotate `latest_value` and `latest_on` (the newest measurement) in the same query."""
    latest = Measurement.objects.filter(indicator=OuterRef("pk")).order_by("-measured_on", "-id")
    return indicators.annotate(
        latest_value=Subquery(latest.values("value")[:1]),
        latest_on=Subquery(latest.values("measured_on")[:1]),
    )


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


def active_categories(*, organisation):
    return BenefitCategory.objects.filter(organisation=organisation, is_active=True)


def categories(*, organisation):
    return BenefitCategory.objects.filter(organisation=organisation)


def benefits_for_case(*, organisation, case) -> list[Benefit]:
    """The case's benefits for its page: indicators with latest value and achievement, and the
    pitfalls of each benefit (`benefit.pitfalls`). Four queries."""
    from .pitfalls import benefit_pitfalls, overdue_days_for

    benefits = list(
        Benefit.objects.filter(organisation=organisation, case=case)
        .select_related("category", "responsible", "owner")
        .prefetch_related(
            Prefetch("indicators", queryset=indicators_with_latest(Indicator.objects.all()))
        )
    )
    overdue_days = overdue_days_for(organisation)
    for benefit in benefits:
        benefit.case = case
        benefit.indicator_list = list(benefit.indicators.all())
        annotate_achievement(benefit.indicator_list)
        benefit.pitfalls = benefit_pitfalls(
            benefit, benefit.indicator_list, overdue_days=overdue_days
        )
    return benefits


def benefit_detail(*, organisation, benefit_id) -> Benefit:
    """One benefit with its case, people and indicators (latest values); Benefit.DoesNotExist
    when it is not the organisation's."""
    benefit = (
        Benefit.objects.filter(organisation=organisation)
        .select_related("case", "category", "responsible", "owner")
        .prefetch_related(
            Prefetch("indicators", queryset=indicators_with_latest(Indicator.objects.all()))
        )
        .get(pk=benefit_id)
    )
    benefit.indicator_list = list(benefit.indicators.all())
    annotate_achievement(benefit.indicator_list)
    return benefit


def indicator_measurements(*, indicator: Indicator):
    return list(
        Measurement.objects.filter(indicator=indicator)
        .select_related("recorded_by")
        .order_by("measured_on", "id")
    )


def search_benefits(*, organisation, filters: dict):
    """Benefits of the organisation for list pages, filtered by text, case, status, category."""
    benefits = Benefit.objects.filter(organisation=organisation).select_related(
        "case", "category", "responsible"
    )
    if query := filters.get("q"):
        benefits = benefits.filter(Q(title__icontains=query) | Q(description__icontains=query))
    for name in ("case", "status", "category", "progress"):
        if value := filters.get(name):
            benefits = benefits.filter(**{name: value})
    return benefits
