"""Fixtures for the benefit register: a case with a benefit and an indicator, built with the
factories (tests/factories.py) by the personas of the top-level conftest."""

import datetime

import pytest

from slik.cases.tests.factories import CaseFactory

from .factories import BenefitFactory, IndicatorFactory


@pytest.fixture
def case(org, coordinator, project_leader):
    return CaseFactory(
        organisation=org,
        actor=coordinator,
        title="Digitalt tilsyn",
        owner=project_leader,
        started_on=datetime.date(2024, 1, 1),
    )


@pytest.fixture
def other_case(other_org, outsider):
    return CaseFactory(organisation=other_org, actor=outsider, title="Råde-case")


@pytest.fixture
def make_benefit(coordinator):
    def make(case, title="Færre sykedager", actor=None, **fields):
        return BenefitFactory(case=case, actor=actor or coordinator, title=title, **fields)

    return make


@pytest.fixture
def benefit(make_benefit, case, leader, employee):
    """The employee is the benefit's responsible, the leader its owner."""
    return make_benefit(case, responsible=employee, owner=leader)


@pytest.fixture
def make_indicator(coordinator):
    def make(benefit, **fields):
        return IndicatorFactory(benefit=benefit, actor=coordinator, **fields)

    return make


@pytest.fixture
def indicator(make_indicator, benefit):
    return make_indicator(benefit)
