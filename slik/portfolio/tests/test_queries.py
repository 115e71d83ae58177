"""The portfolio pages a leader opens daily keep an exact, constant number of queries however
much they show (1× and 10× the data)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from slik.benefits.models import Benefit, Indicator, Measurement
from slik.benefits.services.summaries import indicator_summaries_update
from slik.cases.tests.factories import CaseFactory

from ..models import AgendaItem
from .factories import (
    AgendaItemFactory,
    BoardMeetingFactory,
    CommissionFactory,
    PlanGoalFactory,
    StatusReportFactory,
)

TODAY = timezone.localdate()


def count_queries(client, path) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def counts_at_1x_and_10x(client, path, add) -> tuple[int, int]:
    """The page's queries with `add(n)` data added at 1× and then 10× (after one warm-up
    request for the session and content types)."""
    add(1)
    count_queries(client, path)
    few = count_queries(client, path)
    add(9)
    return few, count_queries(client, path)


def url(name, org, **kwargs):
    return reverse(f"portfolio:{name}", kwargs={"org_slug": org.slug, **kwargs})


def cases(org, actor, n, **fields):
    return [
        CaseFactory(organisation=org, actor=actor, title=f"Sak {actor.pk}-{i}", **fields)
        for i in range(n)
    ]


def decide(item):
    """Recorded directly: the page reads the decision, not how it was made."""
    with scope(organisation=item.meeting.organisation_id):
        AgendaItem.objects.filter(pk=item.pk).update(decision="continue", comment="Videre")


# Each page: (page, exact queries). The session, the user and the membership are three of them.
EXPECTED = {
    "board_list": 5,
    "board_detail": 7,
    # The years with goals are counted per year, and unfiltered their sum is the list's count.
    "goal_list": 5,
    "goal_detail": 9,
    "commission_list": 5,
    "commission_detail": 10,
    "status_list": 6,
}


def test_board_list(client_as, org, leader, coordinator):
    def add(n):
        for _ in range(n):
            meeting = BoardMeetingFactory(organisation=org, actor=leader)
            for case in cases(org, coordinator, 2):
                decide(AgendaItemFactory(meeting=meeting, case=case, actor=leader))

    counts = counts_at_1x_and_10x(client_as(leader), url("board_list", org), add)
    assert counts == (EXPECTED["board_list"],) * 2


def test_board_meeting_page(client_as, org, leader, coordinator):
    meeting = BoardMeetingFactory(organisation=org, actor=leader)

    def add(n):
        for case in cases(org, coordinator, 2 * n):
            item = AgendaItemFactory(meeting=meeting, case=case, actor=leader)
            if item.pk % 2:
                decide(item)
        cases(org, coordinator, 2 * n)  # candidates for the agenda

    path = url("board_detail", org, meeting_id=meeting.pk)
    counts = counts_at_1x_and_10x(client_as(leader), path, add)
    assert counts == (EXPECTED["board_detail"],) * 2


def _benefit(case, actor):
    with scope(organisation=case.organisation_id):
        benefit = Benefit.objects.create(organisation=case.organisation, case=case, title="Tid")
        indicator = Indicator.objects.create(benefit=benefit, name="Kostnad", unit="kr")
        Measurement.objects.create(indicator=indicator, measured_on=TODAY, value=100)
        indicator_summaries_update([indicator.pk])
    return benefit


def test_plan_goal_list(client_as, org, leader, coordinator):
    def add(n):
        for _ in range(n):
            linked = cases(org, coordinator, 2, is_published=True)
            PlanGoalFactory(
                organisation=org,
                actor=leader,
                cases=linked,
                benefits=[_benefit(case, leader) for case in linked],
            )

    counts = counts_at_1x_and_10x(client_as(leader), url("goal_list", org), add)
    assert counts == (EXPECTED["goal_list"],) * 2


def test_plan_goal_page(client_as, org, leader, coordinator):
    goal = PlanGoalFactory(organisation=org, actor=leader)

    def add(n):
        linked = cases(org, coordinator, 2 * n)
        with scope(organisation=org.pk):
            goal.cases.add(*linked)
            goal.benefits.add(*(_benefit(case, leader) for case in linked))
        CommissionFactory(organisation=org, actor=leader, plan_goals=[goal])

    path = url("goal_detail", org, goal_id=goal.pk)
    counts = counts_at_1x_and_10x(client_as(leader), path, add)
    assert counts == (EXPECTED["goal_detail"],) * 2


def test_commission_list(client_as, org, leader, coordinator):
    def add(n):
        for _ in range(n):
            commission = CommissionFactory(organisation=org, actor=leader)
            with scope(organisation=org.pk):
                commission.cases.add(*cases(org, coordinator, 2))

    counts = counts_at_1x_and_10x(client_as(leader), url("commission_list", org), add)
    assert counts == (EXPECTED["commission_list"],) * 2


def test_commission_page(client_as, org, leader, coordinator):
    commission = CommissionFactory(organisation=org, actor=leader)

    def add(n):
        linked = cases(org, coordinator, 2 * n)
        with scope(organisation=org.pk):
            commission.cases.add(*linked)
            commission.plan_goals.add(PlanGoalFactory(organisation=org, actor=leader))

    path = url("commission_detail", org, commission_id=commission.pk)
    counts = counts_at_1x_and_10x(client_as(leader), path, add)
    assert counts == (EXPECTED["commission_detail"],) * 2


@pytest.mark.parametrize("published", [True, False])
def test_status_report_list(client_as, org, leader, case, published):
    def add(n):
        for i in range(n):
            StatusReportFactory(
                case=case,
                actor=leader,
                publish=published,
                reported_on=TODAY - datetime.timedelta(i),
            )

    path = url("status_list", org, case_id=case.pk)
    counts = counts_at_1x_and_10x(client_as(leader), path, add)
    assert counts == (EXPECTED["status_list"],) * 2
