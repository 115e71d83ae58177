"""The benefits panel reads the organisation's benefits without a list of cases when staff set
no filter, and gives the same as with the list of all the cases; filters and politicians (the
published cases only) still narrow it down."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django_scopes import scope

from slik.benefits.models import Benefit
from slik.benefits.rollup_queries import organisation_rollup
from slik.benefits.selectors import organisation_pitfalls
from slik.benefits.tests.factories import BenefitFactory, IndicatorFactory, add_series
from slik.cases.models import Case
from slik.cases.tests.factories import CaseFactory
from slik.portfolio.selectors.dashboard import DashboardFilters, benefit_overview

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2025, 6, 1)


@pytest.fixture
def benefits(org, coordinator):
    """A published and an unpublished case, each with benefits in kroner and with pitfalls."""
    for n, published in enumerate((True, False)):
        case = CaseFactory(
            organisation=org, actor=coordinator, title=f"Sak {n}", is_published=published
        )
        benefit = BenefitFactory(case=case, actor=coordinator, title=f"Gevinst {n}")
        indicator = IndicatorFactory(
            benefit=benefit,
            actor=coordinator,
            unit="kr",
            direction="higher",
            baseline_value=Decimal(100 * (n + 1)),
            target_value=Decimal(300 * (n + 1)),
        )
        add_series(indicator, [150 * (n + 1)], start=datetime.date(2025, 1, 1))
        BenefitFactory(case=case, actor=coordinator, title=f"Avlyst {n}", status="cancelled")


def overview(org, *, details, **filters):
    with scope(organisation=org.pk):
        return benefit_overview(
            organisation=org, filters=DashboardFilters(**filters), details=details, today=TODAY
        )


def test_staff_without_filters_see_what_every_case_gives(org, benefits):
    shown = overview(org, details=True)
    with scope(organisation=org.pk):
        every_case = Case.objects.filter(organisation=org)
        rollup = organisation_rollup(organisation=org, cases=every_case)
        pitfalls = organisation_pitfalls(organisation=org, cases=every_case, today=TODAY)
    assert (shown["categories"], shown["total"]) == (rollup.categories, rollup.total)
    assert shown["total"].planned_kr == Decimal(600) and shown["total"].benefits == 2
    assert shown["pitfalls"]["count"] == len(pitfalls) > 0
    assert [p.message for p, _url in shown["pitfalls"]["top"]] == [p.message for p in pitfalls[:5]]
    pitfall, url = shown["pitfalls"]["top"][0]
    assert url == reverse(
        "benefits:benefit", kwargs={"org_slug": org.slug, "benefit_id": pitfall.benefit.pk}
    )


def test_politicians_and_filters_narrow_the_benefits_down(org, benefits):
    published = overview(org, details=False)
    assert published["total"].planned_kr == Decimal(200) and published["total"].benefits == 1
    assert published["pitfalls"]["top"] == []
    with scope(organisation=org.pk):
        Benefit.objects.filter(title="Gevinst 1").update(status="realised")
    assert overview(org, details=True, status="stopped")["total"].benefits == 0
    assert overview(org, details=True)["total"].realised_kr == Decimal(150)
