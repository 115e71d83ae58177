"""Fixtures for the benefit register: a case, benefits, indicators and measurement series."""

import datetime
from decimal import Decimal

import pytest
from django_scopes import scope

from slik.benefits import services
from slik.benefits.models import Measurement

BASELINE_ON = datetime.date(2024, 1, 1)


@pytest.fixture
def case(org, coordinator, project_leader):
    from slik.cases.services import case_create

    with scope(organisation=org.pk):
        return case_create(
            actor=coordinator,
            organisation=org,
            title="Digitalt tilsyn",
            owner=project_leader,
            started_on=datetime.date(2024, 1, 1),
        )


@pytest.fixture
def other_case(other_org, outsider):
    from slik.cases.services import case_create

    with scope(organisation=other_org.pk):
        return case_create(actor=outsider, organisation=other_org, title="Råde-case")


@pytest.fixture
def make_benefit(coordinator):
    def make(case, title="Færre sykedager", actor=None, **fields):
        with scope(organisation=case.organisation_id):
            return services.benefit_create(
                actor=actor or coordinator, case=case, title=title, **fields
            )

    return make


@pytest.fixture
def benefit(make_benefit, case, leader, employee):
    return make_benefit(case, responsible=employee, owner=leader)


@pytest.fixture
def make_indicator(coordinator):
    def make(benefit, **fields):
        values = {
            "name": "Sykefravær",
            "unit": "%",
            "direction": "lower",
            "is_main": True,
            "baseline_value": Decimal("8.5"),
            "baseline_on": BASELINE_ON,
            "target_value": Decimal("6.5"),
            "target_on": datetime.date(2025, 12, 31),
            "frequency": "monthly",
        }
        values.update(fields)
        with scope(organisation=benefit.organisation_id):
            return services.indicator_create(actor=coordinator, benefit=benefit, **values)

    return make


@pytest.fixture
def indicator(make_indicator, benefit):
    return make_indicator(benefit)


def add_series(indicator, values, start=datetime.date(2023, 1, 15), step_days=30):
    """Measurements directly (fast), one per `step_days` from `start`."""
    with scope(organisation=indicator.benefit.organisation_id):
        Measurement.objects.bulk_create(
            Measurement(
                indicator=indicator,
                measured_on=start + datetime.timedelta(days=step_days * i),
                value=Decimal(str(v)),
            )
            for i, v in enumerate(values)
        )
