"""Indicators may be drafted without baseline or target; the gate into Piloting is where they
are required, and its message names each indicator and what it lacks."""

import pytest
from django.core.exceptions import ValidationError
from django_scopes import scope

from slik.benefits.models import BenefitSettings, Indicator
from slik.cases import services as case_services
from slik.cases.models import GateDecision, Phase
from slik.cases.tests.factories import set_phase

pytestmark = pytest.mark.django_db


def go_check(case):
    with scope(organisation=case.organisation_id):
        return case_services.case_gate_check(case=case, decision=GateDecision.Decision.GO)


def test_drafted_indicator_is_named_by_the_pilot_gate(make_indicator, benefit, case):
    drafted = make_indicator(
        benefit,
        name="Sykefravær i hjemmetjenesten",
        baseline_value=None,
        baseline_on=None,
        target_value=None,
        target_on=None,
    )
    with scope(organisation=case.organisation_id):
        assert Indicator.objects.filter(pk=drafted.pk).exists()  # drafting is allowed
    set_phase(case, Phase.TJENESTEUTVIKLING)
    warnings = go_check(case).warnings
    named = [w for w in warnings if "Sykefravær i hjemmetjenesten" in w]
    assert len(named) == 1
    assert benefit.title in named[0]
    # The message says which rule it is (the gate into Piloting), not only what is missing.
    assert "pilot" in named[0].lower()


def test_blocking_pilot_gate_refuses_with_the_named_indicator(
    make_indicator, benefit, case, leader
):
    make_indicator(benefit, name="Ventetid", target_value=None, target_on=None)
    with scope(organisation=case.organisation_id):
        BenefitSettings.objects.filter(organisation=case.organisation).update(pilot_gate="block")
    set_phase(case, Phase.TJENESTEUTVIKLING)
    check = go_check(case)
    assert any("Ventetid" in b and "pilot" in b.lower() for b in check.blockers)
    with scope(organisation=case.organisation_id), pytest.raises(ValidationError) as refused:
        case_services.case_gate_decide(
            actor=leader,
            case=case,
            decision=GateDecision.Decision.GO,
            decided_by="Ledergruppen",
            decided_on=case.phase_periods.get().started_on,
        )
    assert any("Ventetid" in message for message in refused.value.messages)
    case.refresh_from_db()
    assert case.phase == Phase.TJENESTEUTVIKLING


def test_gate_page_shows_the_named_indicator(client_as, make_indicator, benefit, case, leader):
    from django.urls import reverse

    make_indicator(benefit, name="Ventetid", baseline_value=None, baseline_on=None)
    set_phase(case, Phase.TJENESTEUTVIKLING)
    address = reverse(
        "cases:gate_create", kwargs={"org_slug": case.organisation.slug, "case_id": case.pk}
    )
    page = client_as(leader).get(address).content.decode()
    warnings = page.split('id="gate-warnings"')[1].split("</div>")[0]
    assert "Ventetid" in warnings and benefit.title in warnings
    assert "pilot" in warnings.split("Ventetid")[0].rsplit("<li>", 1)[1].lower()
