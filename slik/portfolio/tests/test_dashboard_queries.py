"""The dashboard and each of its panels run an exact number of queries, the same with 3 cases as
with 30 (each with a floke, a published status report, a benefit with a measured indicator, and
stuck in its phase), for staff and for politicians, with and without filters."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from slik.benefits.models import Benefit, Indicator, Measurement
from slik.benefits.services.summaries import indicator_summaries_update
from slik.cases.tests.factories import CaseFactory, set_phase
from slik.challenges.models import Challenge
from slik.organisations.models import Sector

from .factories import StatusReportFactory

LONG_AGO = timezone.localdate() - datetime.timedelta(days=400)
# The session, the user and the membership are three of each count.
EXPECTED = {
    # cases, settings (the active cases are counted among the cases read); the filter
    # choices: sectors, floker, case owners (a politician has no capacity figures and no owner
    # filter)
    ("dashboard", "staff"): 8,
    ("dashboard", "politician"): 6,
    # the cases, their links to floker, the floker with their sectors, the sectors' names
    # (four short queries: one joining them all repeated each case per floke and sector)
    ("balance_panel", "staff"): 7,
    ("balance_panel", "politician"): 7,
    # settings, cases with their owners' names (read with the cases: one query fewer)
    ("stuck_panel", "staff"): 5,
    ("stuck_panel", "politician"): 5,
    # cases with their latest published status report
    ("status_panel", "staff"): 4,
    ("status_panel", "politician"): 4,
    # benefits counted and summed in one query (the gains are the benefits' own columns);
    # pitfall settings, benefits, the indicators of the benefits whose summary hints at one,
    # and for staff the titles of the first few (politicians see none of them)
    ("benefits_panel", "staff"): 8,
    ("benefits_panel", "politician"): 7,
}
# A panel checks only the filters it is given: the sector list for `sector`, the floke list for
# `challenge`.
FILTERED_EXTRA = 2


@pytest.fixture
def floke(org):
    with scope(organisation=org.pk):
        challenge = Challenge.objects.create(organisation=org, title="Floke", is_published=True)
        challenge.sectors.set(Sector.objects.filter(organisation=org)[:2])
    return challenge


@pytest.fixture
def add_cases(org, coordinator, leader, project_leader, floke):
    def add(n):
        for _ in range(n):
            case = CaseFactory(
                organisation=org,
                actor=coordinator,
                owner=project_leader,
                challenges=[floke],
                budget=Decimal(1000),
                hours=5,
                is_published=True,
            )
            set_phase(case, 2, since=LONG_AGO)
            StatusReportFactory(case=case, actor=leader, publish=True)
            with scope(organisation=org.pk):
                benefit = Benefit.objects.create(organisation=org, case=case, title="Tid")
                indicator = Indicator.objects.create(
                    benefit=benefit, name="K", unit="kr", baseline_value=1, target_value=2
                )
                Measurement.objects.create(
                    indicator=indicator, measured_on=LONG_AGO, value=Decimal(1)
                )
                indicator_summaries_update([indicator.pk])

    return add


def _count(client, path) -> int:
    """Queries of the page as a browser opens it, or of a panel as the page loads it."""
    htmx = {} if path.split("?")[0].endswith("/portefolje/") else {"HTTP_HX_REQUEST": "true"}
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path, **htmx)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def _counts_at_1x_and_10x(client, path, add) -> tuple[int, int]:
    add(3)
    _count(client, path)  # warm-up: session stamps, content types
    few = _count(client, path)
    add(27)
    return few, _count(client, path)


@pytest.mark.parametrize("name", ["dashboard", "stuck_panel", "balance_panel", "status_panel"])
@pytest.mark.parametrize("who", ["staff", "politician"])
def test_exact_queries_at_1x_and_10x(
    name, who, org, coordinator, politician, floke, add_cases, client_as
):
    client = client_as(coordinator if who == "staff" else politician)
    path = reverse(f"portfolio:{name}", kwargs={"org_slug": org.slug})
    assert _counts_at_1x_and_10x(client, path, add_cases) == (EXPECTED[name, who],) * 2


@pytest.mark.parametrize("who", ["staff", "politician"])
def test_benefits_panel_exact_queries_at_1x_and_10x(
    who, org, coordinator, politician, add_cases, client_as
):
    client = client_as(coordinator if who == "staff" else politician)
    path = reverse("portfolio:benefits_panel", kwargs={"org_slug": org.slug})
    counts = _counts_at_1x_and_10x(client, path, add_cases)
    assert counts == (EXPECTED["benefits_panel", who],) * 2


@pytest.mark.parametrize(
    "name", ["dashboard", "stuck_panel", "balance_panel", "status_panel", "benefits_panel"]
)
def test_filters_cost_the_same_at_any_size(name, org, coordinator, floke, add_cases, client_as):
    with scope(organisation=org.pk):
        sector = floke.sectors.first()
    query = f"?phase=2&status=active&sector={sector.pk}&challenge={floke.pk}"
    path = reverse(f"portfolio:{name}", kwargs={"org_slug": org.slug}) + query
    # The page reads every choice list anyway, and counts the active cases of the whole
    # organisation with a query; a panel reads the two choice lists its filters need.
    extra = 1 if name == "dashboard" else FILTERED_EXTRA
    counts = _counts_at_1x_and_10x(client_as(coordinator), path, add_cases)
    assert counts == (EXPECTED[name, "staff"] + extra,) * 2
