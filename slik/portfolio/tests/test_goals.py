"""Plan goals and commissions: services, links within the tenant, and what contributes."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django_scopes import scope

from slik.benefits import services as benefit_services
from slik.benefits.models import Measurement
from slik.benefits.services.summaries import indicator_summaries_update
from slik.cases.tests.factories import CaseFactory
from slik.core.models import AuditEvent

from ..selectors import goals as selectors
from ..services import goals as services
from .factories import PlanGoalFactory


def make_benefit(case, actor, title, unit, baseline, target, latest, direction="lower"):
    with scope(organisation=case.organisation_id):
        benefit = benefit_services.benefit_create(actor=actor, case=case, title=title)
        indicator = benefit_services.indicator_create(
            actor=actor,
            benefit=benefit,
            name=f"{title} (mål)",
            unit=unit,
            direction=direction,
            is_main=True,
            baseline_value=Decimal(baseline),
            baseline_on=datetime.date(2024, 1, 1),
            target_value=Decimal(target),
            target_on=datetime.date(2026, 1, 1),
            frequency="quarterly",
        )
        Measurement.objects.create(
            indicator=indicator, measured_on=datetime.date(2025, 1, 1), value=Decimal(latest)
        )
        indicator_summaries_update([indicator.pk])
    return benefit


@pytest.fixture
def linked_goal(org, coordinator, leader):
    published = CaseFactory(
        organisation=org, actor=coordinator, title="Publisert sak", is_published=True
    )
    hidden = CaseFactory(organisation=org, actor=coordinator, title="Intern sak")
    money = make_benefit(published, coordinator, "Lavere kostnader", "kr", "1000", "400", "700")
    years = make_benefit(hidden, coordinator, "Frigjort tid", "årsverk", "10", "8", "9")
    other = make_benefit(
        published, coordinator, "Fornøyde brukere", "%", "60", "80", "70", "higher"
    )
    goal = PlanGoalFactory(
        organisation=org, actor=leader, cases=[published, hidden], benefits=[money, years, other]
    )
    return goal


def test_goal_contribution_sums_where_units_allow(linked_goal, leader):
    with scope(organisation=linked_goal.organisation_id):
        result = selectors.goal_contribution(goal=linked_goal, actor=leader)
    assert {c.title for c in result.cases} == {"Publisert sak", "Intern sak"}
    assert len(result.benefits) == 3
    assert result.planned_kr == Decimal(600) and result.realised_kr == Decimal(300)
    assert result.planned_years == Decimal(2) and result.realised_years == Decimal(1)
    satisfied = next(b for b in result.benefits if b.title == "Fornøyde brukere")
    assert satisfied.indicator_list[0].achievement_percent == 50.0


def test_politician_sees_only_published_contributions(linked_goal, politician):
    with scope(organisation=linked_goal.organisation_id):
        result = selectors.goal_contribution(goal=linked_goal, actor=politician)
    assert [c.title for c in result.cases] == ["Publisert sak"]
    assert {b.title for b in result.benefits} == {"Lavere kostnader", "Fornøyde brukere"}
    assert result.planned_years == 0


def test_goal_links_must_stay_in_the_tenant(org, leader, other_org, outsider):
    foreign = CaseFactory(organisation=other_org, actor=outsider, title="Råde-sak")
    with pytest.raises(ValidationError):
        PlanGoalFactory(organisation=org, actor=leader, cases=[foreign])


def test_goal_invalid_values_are_refused(org, leader):
    with pytest.raises(ValidationError):
        PlanGoalFactory(organisation=org, actor=leader, source="wishlist")


def test_goal_update_and_delete_are_logged(org, leader, coordinator):
    goal = PlanGoalFactory(organisation=org, actor=leader)
    case = CaseFactory(organisation=org, actor=coordinator)
    with scope(organisation=org.pk):
        services.plan_goal_update(actor=leader, goal=goal, title="Nytt mål", cases=[case])
        assert list(goal.cases.all()) == [case]
        services.plan_goal_delete(actor=leader, goal=goal)
        actions = list(
            AuditEvent.objects.filter(action__startswith="portfolio.goal").values_list(
                "action", flat=True
            )
        )
    assert sorted(actions) == [
        "portfolio.goal.changed",
        "portfolio.goal.created",
        "portfolio.goal.deleted",
    ]


def test_goal_filters(org, leader):
    PlanGoalFactory(organisation=org, actor=leader, title="A", source="budget", year=2024)
    PlanGoalFactory(organisation=org, actor=leader, title="B", source="action_plan", year=2025)
    with scope(organisation=org.pk):
        assert [
            g.title for g in selectors.plan_goals(actor=leader, organisation=org, source="budget")
        ] == ["A"]
        assert [
            g.title for g in selectors.plan_goals(actor=leader, organisation=org, year=2025)
        ] == ["B"]
        assert selectors.goal_years(organisation=org) == {2025: 1, 2024: 1}
