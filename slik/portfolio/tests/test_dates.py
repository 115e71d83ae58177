"""Dates and years outside 1900–2100 are refused by the portfolio services, and the bounds
themselves are accepted (slik.core.dates)."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from .factories import BoardMeetingFactory, CommissionFactory, PlanGoalFactory, StatusReportFactory

pytestmark = pytest.mark.django_db

TOO_EARLY, FIRST = datetime.date(1899, 12, 31), datetime.date(1900, 1, 1)
LAST, TOO_LATE = datetime.date(2100, 12, 31), datetime.date(2101, 1, 1)


def codes(error: ValidationError, field: str) -> list[str]:
    return [e.code for e in error.error_dict[field]]


def test_status_report_before_the_range_is_refused(case, project_leader):
    with pytest.raises(ValidationError) as refused:
        StatusReportFactory(case=case, actor=project_leader, reported_on=TOO_EARLY)
    assert codes(refused.value, "reported_on") == ["date_out_of_range"]
    assert (
        StatusReportFactory(case=case, actor=project_leader, reported_on=FIRST).reported_on == FIRST
    )


def test_board_meeting_outside_the_range_is_refused(org, coordinator):
    with pytest.raises(ValidationError) as refused:
        BoardMeetingFactory(organisation=org, actor=coordinator, held_on=TOO_LATE)
    assert codes(refused.value, "held_on") == ["date_out_of_range"]
    assert BoardMeetingFactory(organisation=org, actor=coordinator, held_on=LAST).held_on == LAST


def test_commission_outside_the_range_is_refused(org, coordinator):
    with pytest.raises(ValidationError) as refused:
        CommissionFactory(organisation=org, actor=coordinator, decided_on=TOO_EARLY)
    assert codes(refused.value, "decided_on") == ["date_out_of_range"]
    assert (
        CommissionFactory(organisation=org, actor=coordinator, decided_on=FIRST).decided_on == FIRST
    )


@pytest.mark.parametrize("year,refused", [(1899, True), (1900, False), (2100, False), (2101, True)])
def test_plan_goal_year_is_held_to_the_range(org, coordinator, year, refused):
    if refused:
        with pytest.raises(ValidationError) as error:
            PlanGoalFactory(organisation=org, actor=coordinator, year=year)
        assert codes(error.value, "year") == ["year_out_of_range"]
    else:
        assert PlanGoalFactory(organisation=org, actor=coordinator, year=year).year == year
