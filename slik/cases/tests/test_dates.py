"""Dates outside 1900–2100 are refused by the case services, whatever path calls them, and the
bounds themselves are accepted (slik.core.dates)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django_scopes import scope

from slik.cases import services
from slik.cases.models import GateDecision

from .conftest import decide
from .factories import CaseFactory

pytestmark = pytest.mark.django_db

TOO_EARLY, FIRST = datetime.date(1899, 12, 31), datetime.date(1900, 1, 1)
LAST, TOO_LATE = datetime.date(2100, 12, 31), datetime.date(2101, 1, 1)


def codes(error: ValidationError, field: str) -> list[str]:
    return [e.code for e in error.error_dict[field]]


@pytest.mark.parametrize("day", [TOO_EARLY, TOO_LATE])
def test_case_cannot_start_outside_the_range(org, day):
    with pytest.raises(ValidationError) as refused:
        CaseFactory(organisation=org, started_on=day)
    assert codes(refused.value, "started_on") == ["date_out_of_range"]


def test_case_can_start_on_the_first_day_of_the_range(org):
    case = CaseFactory(organisation=org, started_on=FIRST)
    with scope(organisation=case.organisation_id):
        assert case.phase_periods.get().started_on == FIRST


def test_gate_decision_before_the_range_is_refused(case, leader):
    with pytest.raises(ValidationError) as refused:
        decide(case, leader, GateDecision.Decision.GO, decided_on=TOO_EARLY)
    assert codes(refused.value, "decided_on") == ["date_out_of_range"]
    with scope(organisation=case.organisation_id):
        assert not GateDecision.objects.filter(case=case).exists()


@pytest.mark.parametrize(
    "kind,values,field",
    [
        ("insight", {"kind": "need", "title": "Behov", "recorded_on": TOO_LATE}, "recorded_on"),
        (
            "decision",
            {"title": "Velg leverandør", "decided_by": "Ledergruppen", "decided_on": TOO_EARLY},
            "decided_on",
        ),
    ],
)
def test_records_with_dates_outside_the_range_are_refused(case, coordinator, kind, values, field):
    with scope(organisation=case.organisation_id), pytest.raises(ValidationError) as refused:
        services.case_record_create(actor=coordinator, case=case, kind=kind, values=values)
    assert codes(refused.value, field) == ["date_out_of_range"]


def test_record_on_the_last_day_of_the_range_is_accepted(case, coordinator):
    # A decision cannot be dated ahead (case_record_check); an insight has no such rule.
    values = {"kind": "need", "title": "Behov", "recorded_on": LAST}
    with scope(organisation=case.organisation_id):
        record = services.case_record_create(
            actor=coordinator, case=case, kind="insight", values=values
        )
    assert record.recorded_on == LAST
