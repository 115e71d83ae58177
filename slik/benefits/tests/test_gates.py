import pytest
from django_scopes import scope

from slik.benefits.gates import closing_gate_problems, pilot_gate_problems
from slik.benefits.models import BenefitSettings

pytestmark = pytest.mark.django_db


def pilot(case):
    with scope(organisation=case.organisation_id):
        return pilot_gate_problems(case)


def closing(case):
    with scope(organisation=case.organisation_id):
        return closing_gate_problems(case)


def test_pilot_gate_without_main_indicator_warns(case):
    mode, problems = pilot(case)
    assert mode == "warn" and len(problems) == 1


def test_pilot_gate_ok_with_baseline_and_target(indicator, case):
    assert pilot(case) == ("warn", [])


def test_pilot_gate_lists_main_indicators_missing_baseline_or_target(make_indicator, benefit, case):
    make_indicator(benefit, name="A", baseline_value=None, baseline_on=None)
    make_indicator(benefit, name="B", target_value=None, target_on=None)
    make_indicator(benefit, name="C", is_main=False, target_value=None, target_on=None)
    make_indicator(benefit, name="D")
    mode, problems = pilot(case)
    assert len(problems) == 2
    assert any("A" in p for p in problems) and any("B" in p for p in problems)


def test_pilot_gate_mode_comes_from_settings(make_indicator, benefit, case):
    make_indicator(benefit, baseline_value=None, baseline_on=None)
    with scope(organisation=case.organisation_id):
        BenefitSettings.objects.filter(organisation=case.organisation).update(pilot_gate="block")
    mode, problems = pilot(case)
    assert mode == "block" and problems


def test_pilot_gate_ignores_cancelled_benefits(make_benefit, make_indicator, case, indicator):
    cancelled = make_benefit(case, title="Avlyst", status="cancelled")
    make_indicator(cancelled, baseline_value=None, baseline_on=None)
    assert pilot(case) == ("warn", [])


def test_closing_gate_needs_a_responsible_for_open_benefits(make_benefit, case, employee):
    assert closing(case) == []
    make_benefit(case, title="Uten ansvarlig")
    make_benefit(case, title="Med ansvarlig", responsible=employee)
    make_benefit(case, title="Realisert", status="realised")
    problems = closing(case)
    assert len(problems) == 1 and "Uten ansvarlig" in problems[0]
