import datetime
from decimal import Decimal

import pytest
from django_scopes import scope

from slik.benefits.models import BenefitCategory
from slik.benefits.rollup import unit_kind
from slik.benefits.rollup_queries import organisation_rollup, overdue_measurements

from .factories import add_series

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2025, 6, 1)


def rollup(org):
    with scope(organisation=org.pk):
        return organisation_rollup(organisation=org)


def overdue(org):
    with scope(organisation=org.pk):
        return overdue_measurements(organisation=org, today=TODAY)


def category(org, name):
    with scope(organisation=org.pk):
        return BenefitCategory.objects.get(organisation=org, name=name)


@pytest.mark.parametrize(
    ("unit", "kind"),
    [("kr", "kr"), ("NOK", "kr"), ("Kroner", "kr"), ("årsverk", "years"), ("%", None), ("", None)],
)
def test_unit_kind(unit, kind):
    assert unit_kind(unit) == kind


def test_planned_and_realised_by_category_direction_aware(make_benefit, make_indicator, case, org):
    direct = category(org, "Direkte budsjettgevinst")
    time = category(org, "Spart tid")
    # Lower is better: costs 1 000 000 → 800 000 kr, now 900 000: planned 200k, realised 100k.
    costs = make_indicator(
        make_benefit(case, title="Lavere kostnader", category=direct),
        name="Kostnad",
        unit="kr",
        direction="lower",
        baseline_value=Decimal(1_000_000),
        target_value=Decimal(800_000),
    )
    add_series(costs, [950_000, 900_000], start=datetime.date(2025, 4, 1))
    # Higher is better: 0 → 2 årsverk freed; now 0.5.
    years = make_indicator(
        make_benefit(case, title="Frigjort tid", category=time),
        name="Frigjorte årsverk",
        unit="årsverk",
        direction="higher",
        baseline_value=Decimal(0),
        target_value=Decimal(2),
    )
    add_series(years, [Decimal("0.5")], start=datetime.date(2025, 5, 1))
    # A percentage indicator is not summed; a cancelled benefit is left out.
    make_indicator(make_benefit(case, title="Sykefravær", category=direct))
    cancelled = make_benefit(case, title="Avlyst", category=direct, status="cancelled")
    make_indicator(
        cancelled, name="Kr", unit="kr", direction="higher", baseline_value=0, target_value=5
    )

    result = rollup(org)
    rows = {r.name: r for r in result.categories}
    assert rows["Direkte budsjettgevinst"].planned_kr == Decimal(200_000)
    assert rows["Direkte budsjettgevinst"].realised_kr == Decimal(100_000)
    assert rows["Direkte budsjettgevinst"].benefits == 2
    assert rows["Spart tid"].planned_years == Decimal(2)
    assert rows["Spart tid"].realised_years == Decimal("0.5")
    assert result.total.planned_kr == Decimal(200_000)
    assert result.total.benefits == 3
    assert result.status_counts["expected"] == 3 and result.status_counts["cancelled"] == 1


def test_overdue_list(indicator, org):
    add_series(indicator, [8.0], start=datetime.date(2025, 1, 1))
    result = overdue(org)
    assert [o.indicator.pk for o in result] == [indicator.pk]
    assert result[0].due_on == datetime.date(2025, 2, 1)


def test_rollup_queries_do_not_grow_with_cases(
    make_benefit, make_indicator, org, coordinator, django_assert_num_queries
):
    from slik.cases.services import case_create

    def build(n):
        for i in range(n):
            with scope(organisation=org.pk):
                case = case_create(actor=coordinator, organisation=org, title=f"Case {i}")
            for j in range(2):
                benefit = make_benefit(case, title=f"G{j}")
                add_series(
                    make_indicator(benefit, unit="kr"), [8, 7], start=datetime.date(2025, 1, 1)
                )

    # The roll-up: one grouped query; the overdue list: the settings and the indicators.
    build(1)
    with django_assert_num_queries(1):
        rollup(org)
    with django_assert_num_queries(2):
        overdue(org)
    build(5)
    with django_assert_num_queries(1):
        assert rollup(org).total.benefits == 12
    with django_assert_num_queries(2):
        assert len(overdue(org)) == 12
