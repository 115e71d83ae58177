"""The portfolio dashboard: aggregates, filters, htmx partial, bad input, query counts."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scope

from slik.benefits.models import Benefit, Indicator, Measurement
from slik.challenges.models import Challenge
from slik.organisations.models import Sector

from .factories_a import create_case, create_report, set_phase

LONG_AGO = datetime.date.today() - datetime.timedelta(days=400)


def _url(org, **params):
    url = reverse("portfolio:dashboard", kwargs={"org_slug": org.slug})
    if params:
        url += "?" + "&".join(f"{k}={v}" for k, v in params.items())
    return url


@pytest.fixture
def portfolio(org, coordinator, project_leader, leader):
    """Three cases over two floker and two sectors, one stuck, one with a benefit."""
    with scope(organisation=org.pk):
        health, school = Sector.objects.filter(organisation=org).order_by("order")[:2]
        elderly = Challenge.objects.create(organisation=org, title="Eldrebølgen")
        elderly.sectors.set([health])
        youth = Challenge.objects.create(organisation=org, title="Frafall", is_published=True)
        youth.sectors.set([school, health])
    first = create_case(
        org,
        coordinator,
        "Velferdsteknologi",
        owner=project_leader,
        challenges=[elderly],
        budget=Decimal(100000),
        hours=200,
        oecd_facet="enhancement",
    )
    second = create_case(
        org,
        coordinator,
        "Skolelos",
        challenges=[youth],
        budget=Decimal(50000),
        hours=10,
        innovation_type="radical",
        oecd_facet="mission",
    )
    third = create_case(org, coordinator, "Uten floke")
    set_phase(first, 2, since=LONG_AGO)
    set_phase(second, 4)
    with scope(organisation=org.pk):
        second.is_published = True
        second.save(update_fields=["is_published"])
        benefit = Benefit.objects.create(organisation=org, case=first, title="Spart tid")
        indicator = Indicator.objects.create(
            benefit=benefit,
            name="Kostnad",
            unit="kr",
            baseline_value=Decimal(1000),
            baseline_on=datetime.date(2024, 1, 1),
            target_value=Decimal(3000),
            target_on=datetime.date(2026, 1, 1),
        )
        Measurement.objects.create(
            indicator=indicator, measured_on=datetime.date(2024, 6, 1), value=Decimal(1500)
        )
    create_report(
        second, leader, publish=True, reported_on=datetime.date.today() - datetime.timedelta(10)
    )
    create_report(first, leader, publish=True, reported_on=datetime.date(2024, 1, 5))
    create_report(first, leader, reported_on=datetime.date.today(), overall="delayed")
    return {
        "first": first,
        "second": second,
        "third": third,
        "elderly": elderly,
        "youth": youth,
        "health": health,
        "school": school,
    }


def _dashboard(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.context["dashboard"]


def _titles(dashboard):
    return sorted(case.title for case in dashboard.cases)


def test_dashboard_aggregates(org, coordinator, portfolio, client_as):
    response = client_as(coordinator).get(_url(org))
    data = response.context["dashboard"]
    funnel = {row["key"]: row["count"] for row in data.funnel}
    assert funnel == {1: 1, 2: 1, 3: 0, 4: 1, 5: 0, 6: 0}
    sectors = {row["label"]: row["count"] for row in data.breakdowns["sector"]}
    assert sectors[portfolio["health"].name] == 2
    assert sectors[portfolio["school"].name] == 1
    floker = {row["label"]: row["count"] for row in data.breakdowns["challenge"]}
    assert floker["Eldrebølgen"] == 1 and floker["Frafall"] == 1
    facets = {row["key"]: row["count"] for row in data.breakdowns["oecd_facet"]}
    assert facets["enhancement"] == 1 and facets[""] == 1
    resources = {row["key"]: (row["budget"], row["hours"]) for row in data.resources}
    assert resources[2] == (Decimal(100000), 200)
    assert [case.title for case in data.stuck] == ["Velferdsteknologi"]
    assert data.benefits["total"].planned_kr == Decimal(2000)
    assert data.benefits["total"].realised_kr == Decimal(500)
    assert data.pitfalls["count"] >= 1
    status = {row["case"].title: row for row in data.status_rows}
    assert status["Velferdsteknologi"]["overall"] == "on_plan"  # the draft is not shown
    assert status["Velferdsteknologi"]["stale"]
    assert not status["Skolelos"]["stale"] and status["Skolelos"]["age"] == 10
    assert status["Uten floke"]["report_id"] is None
    content = response.content.decode()
    for key in (
        "funnel",
        "challenge",
        "sector",
        "innovation_type",
        "oecd_facet",
        "resources",
        "benefits",
        "status",
        "stuck",
    ):
        assert f'id="table-{key}"' in content
    for key in ("funnel", "challenge", "sector", "budget", "hours", "benefits"):
        assert f'id="chart-{key}"' in content
    case_url = reverse(
        "cases:detail", kwargs={"org_slug": org.slug, "case_id": portfolio["first"].pk}
    )
    assert case_url in content


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"phase": 2}, ["Velferdsteknologi"]),
        ({"status": "active"}, ["Skolelos", "Uten floke", "Velferdsteknologi"]),
        ({"innovation_type": "x", "phase": 4}, ["Skolelos"]),
    ],
)
def test_filters(org, coordinator, portfolio, client_as, params, expected):
    assert _titles(_dashboard(client_as(coordinator), _url(org, **params))) == expected


def test_filter_by_sector_floke_and_owner(org, coordinator, project_leader, portfolio, client_as):
    client = client_as(coordinator)
    school, elderly = portfolio["school"].pk, portfolio["elderly"].pk
    assert _titles(_dashboard(client, _url(org, sector=school))) == ["Skolelos"]
    health = portfolio["health"].pk
    assert _titles(_dashboard(client, _url(org, sector=health))) == [
        "Skolelos",
        "Velferdsteknologi",
    ]
    assert _titles(_dashboard(client, _url(org, challenge=elderly))) == ["Velferdsteknologi"]
    owner = project_leader.pk
    assert _titles(_dashboard(client, _url(org, owner=owner))) == ["Velferdsteknologi"]


def test_filters_change_every_chart(org, coordinator, portfolio, client_as):
    data = _dashboard(client_as(coordinator), _url(org, phase=4))
    assert sum(row["count"] for row in data.funnel) == 1
    assert sum(row["count"] for row in data.breakdowns["innovation_type"]) == 1
    assert data.benefits["total"].benefits == 0
    assert data.pitfalls["count"] == 0
    assert [row["case"].title for row in data.status_rows] == ["Skolelos"]


def test_htmx_gets_the_partial(org, coordinator, portfolio, client_as):
    response = client_as(coordinator).get(_url(org, phase=2), HTTP_HX_REQUEST="true")
    content = response.content.decode()
    assert response.status_code == 200
    assert content.lstrip().startswith('<div id="dashboard-results"')
    assert "<html" not in content
    assert 'id="table-funnel"' in content


@pytest.mark.parametrize(
    "query",
    [
        "phase=abc",
        "phase=99",
        "sector=999999",
        "challenge=-1",
        "owner=x%00",
        "status=%3Cscript%3E",
        "side=zzz",
        "phase=2&side=99999",
        "sector=1e9999",
    ],
)
def test_bad_filter_values_never_fail(org, coordinator, politician, portfolio, client_as, query):
    for user in (coordinator, politician):
        response = client_as(user).get(_url(org) + "?" + query)
        assert response.status_code == 200


def test_foreign_filter_ids_show_nothing(org, other_org, coordinator, outsider, client_as):
    with scope(organisation=other_org.pk):
        foreign_sector = Sector.objects.filter(organisation=other_org).first()
    create_case(org, coordinator, "Vår sak")
    data = _dashboard(client_as(coordinator), _url(org, sector=foreign_sector.pk))
    assert data.filters.sector is None  # not a choice here: ignored
    assert _titles(data) == ["Vår sak"]


def test_outsider_gets_404(org, outsider, client_as):
    assert client_as(outsider).get(_url(org)).status_code == 404


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_query_count_is_constant_in_the_number_of_cases(
    org, coordinator, leader, project_leader, client_as, page_cache_off, django_assert_num_queries
):
    with scope(organisation=org.pk):
        challenge = Challenge.objects.create(organisation=org, title="Floke")
        challenge.sectors.set(Sector.objects.filter(organisation=org)[:2])
        sector_id = challenge.sectors.first().pk

    def add_cases(n, start):
        for i in range(start, start + n):
            case = create_case(
                org,
                coordinator,
                f"Sak {i}",
                owner=project_leader,
                challenges=[challenge],
                budget=Decimal(1000),
                hours=5,
            )
            create_report(case, leader, publish=True)
            with scope(organisation=org.pk):
                benefit = Benefit.objects.create(organisation=org, case=case, title=f"G {i}")
                Indicator.objects.create(benefit=benefit, name="K", unit="kr")

    client = client_as(coordinator)
    add_cases(3, 0)
    few = _count_queries(client, _url(org))
    add_cases(27, 3)
    with django_assert_num_queries(few):
        client.get(_url(org))
    filtered = _url(org, phase=1, sector=sector_id, challenge=challenge.pk, status="active")
    assert _count_queries(client, filtered) == few
