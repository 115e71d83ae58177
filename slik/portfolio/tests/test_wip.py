"""Capacity: the limit for active cases warns on the dashboard, new cases and gate decisions."""

import pytest
from django.urls import reverse
from django_scopes import scope

from slik.cases.services import case_gate_check
from slik.cases.tests.factories import CaseFactory, set_phase

from .. import services
from ..models import PortfolioSettings
from ..services.capacity import over_limit_message, wip_status


def _limit(org, limit):
    with scope(organisation=org.pk):
        PortfolioSettings.objects.filter(organisation=org).update(wip_limit=limit)


def _check(case, decision, **kwargs):
    with scope(organisation=case.organisation_id):
        check = case_gate_check(case=case, decision=decision, **kwargs)
    check.organisation_id = case.organisation_id
    return check


def _wip_warnings(check):
    """The capacity warnings among the check's warnings (compared as text in any language)."""
    with scope(organisation=check.organisation_id):
        expected = over_limit_message(wip_status(check.organisation_id))
    return [w for w in check.warnings if w == expected]


@pytest.fixture
def two_active(org, coordinator):
    return [CaseFactory(organisation=org, actor=coordinator, title=f"Sak {n}") for n in range(2)]


def test_active_count_ignores_postponed_stopped_and_new_practice(org, coordinator, two_active):
    set_phase(
        CaseFactory(organisation=org, actor=coordinator, title="Utsatt"), 2, status="postponed"
    )
    set_phase(
        CaseFactory(organisation=org, actor=coordinator, title="Stoppet"), 3, status="stopped"
    )
    set_phase(CaseFactory(organisation=org, actor=coordinator, title="Ny praksis"), 6)
    with scope(organisation=org.pk):
        assert services.active_case_count(org) == 2


def test_create_warns_at_the_limit(org, two_active):
    with scope(organisation=org.pk):
        assert services.wip_create_warnings(org) == []
        _limit(org, 3)
        assert services.wip_create_warnings(org) == []
        _limit(org, 2)
        assert len(services.wip_create_warnings(org)) == 1


def test_case_create_page_shows_the_warning(org, coordinator, two_active, client_as):
    url = reverse("cases:create", kwargs={"org_slug": org.slug})
    client = client_as(coordinator)
    assert b'id="create-warning-1"' not in client.get(url).content
    _limit(org, 2)
    assert b'id="create-warning-1"' in client.get(url).content


@pytest.mark.parametrize("decision", ["go", "resume"])
def test_resuming_a_postponed_case_warns(org, coordinator, two_active, decision):
    postponed = set_phase(
        CaseFactory(organisation=org, actor=coordinator, title="Utsatt"), 2, status="postponed"
    )
    assert _wip_warnings(_check(postponed, decision)) == []
    _limit(org, 2)
    assert len(_wip_warnings(_check(postponed, decision))) == 1
    assert _wip_warnings(_check(postponed, "stop")) == []


def test_going_back_from_new_practice_warns(org, coordinator, two_active):
    done = set_phase(CaseFactory(organisation=org, actor=coordinator, title="Ferdig"), 6)
    _limit(org, 2)
    assert len(_wip_warnings(_check(done, "back", to_phase=3))) == 1
    assert _wip_warnings(_check(done, "adjust")) == []


def test_active_case_decisions_do_not_warn(org, two_active):
    _limit(org, 1)
    for decision in ("go", "adjust", "postpone"):
        assert _wip_warnings(_check(two_active[0], decision)) == []


def test_dashboard_shows_count_and_warning(org, coordinator, two_active, client_as):
    url = reverse("portfolio:dashboard", kwargs={"org_slug": org.slug})
    client = client_as(coordinator)
    response = client.get(url)
    assert response.context["dashboard"].wip.count == 2
    assert b'id="wip-warning"' not in response.content
    _limit(org, 1)
    response = client.get(url)
    assert response.context["dashboard"].wip.over
    assert b'id="wip-warning"' in response.content


def test_one_active_case_is_singular_on_the_dashboard(org, coordinator, client_as):
    CaseFactory(organisation=org, actor=coordinator, title="Eneste sak")
    _limit(org, 3)
    url = reverse("portfolio:dashboard", kwargs={"org_slug": org.slug})
    content = client_as(coordinator).get(url).content.decode()
    assert "1 aktivt case, og grensen er 3." in content
    assert "1 aktive case" not in content
