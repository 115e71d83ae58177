import datetime

import pytest
from django_scopes import scope

from slik.benefits.pitfalls import organisation_pitfalls
from slik.cases.models import Case, Phase

from .conftest import add_series

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2025, 6, 1)


def codes(org, **kwargs):
    with scope(organisation=org.pk):
        return sorted(
            p.code for p in organisation_pitfalls(organisation=org, today=TODAY, **kwargs)
        )


def set_case(case, **fields):
    with scope(organisation=case.organisation_id):
        Case.objects.filter(pk=case.pk).update(**fields)


def test_clean_benefit_has_no_pitfalls(indicator, org):
    add_series(indicator, [8.0], start=datetime.date(2025, 5, 20))
    assert codes(org) == []


def test_missing_owner_responsible_target_and_plan(make_benefit, make_indicator, case, org):
    benefit = make_benefit(case, realisation="reallocation")
    make_indicator(
        benefit, target_value=None, target_on=None, baseline_value=None, baseline_on=None
    )
    assert codes(org) == [
        "baseline_missing",
        "no_owner",
        "no_reallocation_plan",
        "no_responsible",
        "no_target",
    ]


def test_benefit_without_indicators_has_no_target(make_benefit, case, org, leader, employee):
    make_benefit(case, owner=leader, responsible=employee)
    assert codes(org) == ["no_target"]


def test_overdue_measurement_uses_frequency_and_settings(indicator, org):
    add_series(indicator, [8.0], start=datetime.date(2025, 3, 1))  # monthly: due 1 April
    assert codes(org) == ["measurement_overdue"]  # 1 April + 30 days < 1 June
    with scope(organisation=org.pk):
        org.benefit_settings.measurement_overdue_days = 90
        org.benefit_settings.save()
    assert codes(org) == []


def test_overdue_on_given_dates(make_indicator, benefit, org):
    make_indicator(
        benefit,
        frequency="dates",
        measurement_dates=["2024-06-30", "2025-12-31"],
    )
    # The last measurement is the baseline (2024-01-01); 30 June 2024 passed without one.
    assert codes(org) == ["measurement_overdue"]


def test_baseline_missing_only_before_the_pilot_gate(make_indicator, benefit, case, org):
    make_indicator(
        benefit,
        baseline_value=None,
        baseline_on=None,
        target_on=None,
        target_value=None,
        frequency="yearly",
    )
    assert "baseline_missing" in codes(org)
    set_case(case, phase=Phase.OVERGANG)
    assert "baseline_missing" not in codes(org)


def test_closed_project_without_line_responsible(make_benefit, case, org, leader):
    make_benefit(case, owner=leader)
    set_case(case, phase=Phase.NY_PRAKSIS)
    assert "closed_without_line_owner" in codes(org)
    set_case(case, phase=Phase.PILOTERING, status=Case.Status.STOPPED)
    assert "closed_without_line_owner" in codes(org)


def test_closed_benefits_are_not_checked(make_benefit, case, org):
    make_benefit(case, status="realised")
    assert codes(org) == []


def test_filters_by_case_and_code(make_benefit, case, org, coordinator):
    from slik.cases.services import case_create

    make_benefit(case)
    with scope(organisation=org.pk):
        second = case_create(actor=coordinator, organisation=org, title="Annen")
    make_benefit(second, title="Annen gevinst")
    assert len(codes(org, case=second)) == 3
    assert codes(org, code="no_owner") == ["no_owner", "no_owner"]


def test_pitfalls_run_in_constant_queries(
    make_benefit, make_indicator, case, org, django_assert_num_queries
):
    def build(n):
        for i in range(n):
            benefit = make_benefit(case, title=f"Gevinst {i}")
            make_indicator(benefit)
            make_indicator(benefit, name="Annen", target_value=None, target_on=None)

    build(2)
    with scope(organisation=org.pk), django_assert_num_queries(3):
        organisation_pitfalls(organisation=org, today=TODAY)
    build(6)
    with scope(organisation=org.pk), django_assert_num_queries(3):
        assert len(organisation_pitfalls(organisation=org, today=TODAY)) >= 16
