"""Commissions from politicians: register, link cases, status, and what politicians see."""

import pytest
from django.core.exceptions import ValidationError
from django_scopes import scope

from slik.cases.tests.factories import CaseFactory
from slik.challenges.models import Challenge
from slik.core.models import AuditEvent

from ..selectors import goals as selectors
from ..services import goals as services
from .factories import CommissionFactory, PlanGoalFactory


@pytest.fixture
def commission(org, coordinator):
    with scope(organisation=org.pk):
        published = Challenge.objects.create(organisation=org, title="Ensomhet", is_published=True)
        hidden = Challenge.objects.create(organisation=org, title="Intern floke")
    goal = PlanGoalFactory(organisation=org, actor=coordinator)
    return CommissionFactory(
        organisation=org, actor=coordinator, challenges=[published, hidden], plan_goals=[goal]
    )


def test_link_cases_and_status_are_logged(commission, org, coordinator, leader):
    case = CaseFactory(organisation=org, actor=coordinator)
    with scope(organisation=org.pk):
        services.commission_link_cases(actor=leader, commission=commission, cases=[case])
        services.commission_set_status(
            actor=leader, commission=commission, status="in_progress", status_comment="I gang"
        )
        commission.refresh_from_db()
        actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert commission.status == "in_progress"
    assert {
        "portfolio.commission.created",
        "portfolio.commission.cases_linked",
        "portfolio.commission.status_changed",
    } <= actions


def test_bad_status_is_refused(commission, leader):
    with scope(organisation=commission.organisation_id), pytest.raises(ValidationError):
        services.commission_set_status(actor=leader, commission=commission, status="won")


def test_foreign_cases_cannot_answer(commission, leader, other_org, outsider):
    foreign = CaseFactory(organisation=other_org, actor=outsider, title="Råde-sak")
    with scope(organisation=commission.organisation_id), pytest.raises(ValidationError):
        services.commission_link_cases(actor=leader, commission=commission, cases=[foreign])


def test_politician_sees_published_links_only(commission, org, coordinator, politician, leader):
    shown = CaseFactory(organisation=org, actor=coordinator, title="Publisert", is_published=True)
    hidden = CaseFactory(organisation=org, actor=coordinator, title="Upublisert")
    with scope(organisation=org.pk):
        services.commission_link_cases(actor=leader, commission=commission, cases=[shown, hidden])
        for_politician = selectors.commission_links(commission=commission, actor=politician)
        for_leader = selectors.commission_links(commission=commission, actor=leader)
    assert [c.title for c in for_politician["cases"]] == ["Publisert"]
    assert [c.title for c in for_politician["challenges"]] == ["Ensomhet"]
    assert len(for_leader["cases"]) == 2 and len(for_leader["challenges"]) == 2


def test_commission_filters(commission, org, coordinator):
    CommissionFactory(
        organisation=org, actor=coordinator, title="Annet", body="Formannskapet", case_number="25/9"
    )
    with scope(organisation=org.pk):
        by_body = selectors.commissions(actor=coordinator, organisation=org, body="formannskap")
        by_query = selectors.commissions(actor=coordinator, organisation=org, query="25/9")
        by_status = selectors.commissions(actor=coordinator, organisation=org, status="closed")
        assert [c.title for c in by_body] == ["Annet"]
        assert [c.title for c in by_query] == ["Annet"]
        assert list(by_status) == []
