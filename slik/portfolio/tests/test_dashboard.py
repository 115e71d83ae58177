"""The portfolio dashboard and its panels: aggregates, filters, htmx partial, bad input (query
counts in test_dashboard_queries.py)."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from slik.benefits.models import Benefit, Indicator, Measurement
from slik.benefits.services.summaries import indicator_summaries_update
from slik.cases.tests.factories import CaseFactory, set_phase
from slik.challenges.models import Challenge
from slik.organisations.models import Sector
from slik.portfolio import breakdowns
from slik.portfolio.selectors.dashboard import DashboardFilters, stuck_cases
from slik.portfolio.selectors.dashboard_sql import case_facts
from slik.portfolio.services.capacity import active_case_count

from .factories import StatusReportFactory

LONG_AGO = timezone.localdate() - datetime.timedelta(days=400)
NBSP = "\u00a0"


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
    first = CaseFactory(
        organisation=org,
        actor=coordinator,
        title="Velferdsteknologi",
        owner=project_leader,
        challenges=[elderly],
        budget=Decimal(100000),
        hours=200,
        oecd_facet="enhancement",
    )
    second = CaseFactory(
        organisation=org,
        actor=coordinator,
        title="Skolelos",
        challenges=[youth],
        budget=Decimal(50000),
        hours=10,
        innovation_type="radical",
        oecd_facet="mission",
    )
    third = CaseFactory(organisation=org, actor=coordinator, title="Uten floke")
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
        indicator_summaries_update([indicator.pk])
    StatusReportFactory(
        case=second,
        actor=leader,
        publish=True,
        reported_on=timezone.localdate() - datetime.timedelta(10),
    )
    StatusReportFactory(
        case=first, actor=leader, publish=True, reported_on=datetime.date(2024, 1, 5)
    )
    StatusReportFactory(
        case=first, actor=leader, reported_on=timezone.localdate(), overall="delayed"
    )
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


def _panel(client, org, name, **params):
    """A panel of the dashboard as the page loads it (htmx)."""
    url = reverse(f"portfolio:{name}_panel", kwargs={"org_slug": org.slug})
    if params:
        url += "?" + "&".join(f"{k}={v}" for k, v in params.items())
    response = client.get(url, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    # The partial's tables are written by tags, not by a template the test client records: the
    # panel opened as a page has the same context.
    response.context = client.get(url).context
    return response


def test_dashboard_aggregates(org, coordinator, portfolio, client_as):
    response = client_as(coordinator).get(_url(org))
    data = response.context["dashboard"]
    funnel = {row["key"]: row["count"] for row in data.funnel}
    assert funnel == {1: 1, 2: 1, 3: 0, 4: 1, 5: 0, 6: 0}
    days = {row["key"]: (row["average_days"], row["max_days"]) for row in data.funnel}
    assert days[2] == ((timezone.localdate() - LONG_AGO).days,) * 2
    resources = {row["key"]: (row["budget"], row["hours"]) for row in data.resources}
    assert resources[2] == (Decimal(100000), 200)
    content = response.content.decode()
    for key in ("funnel", "resources"):
        assert f'id="table-{key}"' in content
    for key in ("funnel", "budget", "hours"):
        assert f'id="chart-{key}"' in content
    case_url = reverse(
        "cases:detail", kwargs={"org_slug": org.slug, "case_id": portfolio["first"].pk}
    )
    assert f'<a class="ds-link" href="{case_url}">Velferdsteknologi</a>' in content
    assert f'<td class="slik-number" data-value="100000">100{NBSP}000</td>' in content


def test_capacity_counts_the_active_cases_of_the_organisation_with_or_without_filters(
    org, coordinator, portfolio, client_as
):
    client = client_as(coordinator)
    done = CaseFactory(organisation=org, actor=coordinator, title="I drift")
    set_phase(done, 6)
    CaseFactory(organisation=org, actor=coordinator, title="Stoppet", status="stopped")
    with scope(organisation=org.pk):
        active = active_case_count(org)
    assert active == 3  # phases 1, 2 and 4; not the one in phase 6 nor the stopped one
    for params in ({}, {"phase": 2}, {"status": "stopped"}):
        assert _dashboard(client, _url(org, **params)).wip.count == active


def test_balance_panel(org, coordinator, portfolio, client_as):
    response = _panel(client_as(coordinator), org, "balance")
    balance = response.context["balance"]
    sectors = {row["label"]: row["count"] for row in balance["sector"]}
    assert sectors[portfolio["health"].name] == 2
    assert sectors[portfolio["school"].name] == 1
    floker = {row["label"]: row["count"] for row in balance["challenge"]}
    assert floker == {"Eldrebølgen": 1, "Frafall": 1, "Ingen floke": 1}
    facets = {row["key"]: row["count"] for row in balance["oecd_facet"]}
    assert facets["enhancement"] == 1 and facets[""] == 1
    types = {row["key"]: row["count"] for row in balance["innovation_type"]}
    assert types["radical"] == 1
    content = response.content.decode()
    assert content.lstrip().startswith('<section class="slik-section" aria-labelledby="balance')
    for key in ("challenge", "sector", "innovation_type", "oecd_facet"):
        assert f'id="table-{key}"' in content and f'id="chart-{key}"' in content
    case_url = reverse(
        "cases:detail", kwargs={"org_slug": org.slug, "case_id": portfolio["first"].pk}
    )
    row = (
        '<tr>\n        <th scope="row">Eldrebølgen</th>\n'
        '        <td class="slik-number">1</td>\n'
        f'        <td><a class="ds-link" href="{case_url}">Velferdsteknologi</a></td>\n      </tr>'
    )
    assert row in content


def test_balance_lists_the_first_cases_of_a_row_and_counts_the_rest(org, coordinator, client_as):
    with scope(organisation=org.pk):
        floke = Challenge.objects.create(organisation=org, title="Mange <saker>")
    for n in range(12):
        CaseFactory(organisation=org, actor=coordinator, title=f"Sak {n:02d}", challenges=[floke])
    balance = _panel(client_as(coordinator), org, "balance")
    content = balance.content.decode()
    assert "Mange &lt;saker&gt;" in content
    rows = {row["label"]: row for row in balance.context["balance"]["challenge"]}
    assert [case.title for case in rows["Mange <saker>"]["cases"]] == [
        f"Sak {n:02d}" for n in range(10)
    ]
    assert 'Sak 09</a> <span class="slik-muted">og 2 til</span>' in content


def test_stuck_cases_are_found_by_the_database(org, coordinator, portfolio):
    with scope(organisation=org.pk):
        stuck, limit = stuck_cases(organisation=org, filters=DashboardFilters(), details=True)
        facts = case_facts(
            organisation=org,
            filters=DashboardFilters(),
            details=True,
            today=timezone.localdate(),
        )
    assert limit == 180
    expected = breakdowns.stuck(facts, limit)
    assert [(c.pk, c.phase, c.days_in_phase) for c in stuck] == [
        (c.pk, c.phase, c.days_in_phase) for c in expected
    ]
    assert [case.title for case in stuck] == ["Velferdsteknologi"]


def test_panels_load_when_they_are_revealed(org, coordinator, portfolio, client_as):
    content = client_as(coordinator).get(_url(org, phase=2)).content.decode()
    for name, key in (
        ("stuck", "stuck"),
        ("balance", "balance"),
        ("benefits", "benefits"),
        ("status", "status"),
    ):
        url = reverse(f"portfolio:{name}_panel", kwargs={"org_slug": org.slug})
        assert f'id="{key}-panel" aria-live="off" hx-get="{url}?phase=2"' in content
        assert f'hx-get="{url}?phase=2" hx-trigger="revealed"' in content
        assert f'href="{url}?phase=2"' in content  # without JavaScript, a link to the panel


def test_stuck_panel(org, coordinator, project_leader, portfolio, client_as):
    response = _panel(client_as(coordinator), org, "stuck")
    rows = response.context["stuck_rows"]
    assert [(case.title, owner) for case, owner, _link in rows] == [
        ("Velferdsteknologi", str(project_leader))
    ]
    content = response.content.decode()
    assert content.lstrip().startswith('<section class="slik-section"')
    assert 'id="table-stuck"' in content and "2. " in content


def test_benefits_panel(org, coordinator, portfolio, client_as):
    response = _panel(client_as(coordinator), org, "benefits")
    benefits = response.context["benefits"]
    assert benefits["total"].planned_kr == Decimal(2000)
    assert benefits["total"].realised_kr == Decimal(500)
    assert benefits["pitfalls"]["count"] >= 1
    assert benefits["pitfalls"]["top"]
    content = response.content.decode()
    assert 'id="table-benefits"' in content and 'id="chart-benefits"' in content


def test_status_panel(org, coordinator, portfolio, client_as):
    response = _panel(client_as(coordinator), org, "status")
    status = {row["case"].title: row for row in response.context["status_rows"]}
    assert status["Velferdsteknologi"]["overall"] == "on_plan"  # the draft is not shown
    assert status["Velferdsteknologi"]["stale"]
    assert not status["Skolelos"]["stale"] and status["Skolelos"]["age"] == 10
    assert status["Uten floke"]["report_id"] is None
    assert 'id="table-status"' in response.content.decode()


def test_a_panel_pages_in_place_and_keeps_the_filters(
    org, coordinator, portfolio, client_as, settings
):
    settings.PAGE_SIZE = 1
    url = reverse("portfolio:status_panel", kwargs={"org_slug": org.slug})
    content = _panel(client_as(coordinator), org, "status", status="active").content.decode()
    following = f"{url}?status=active&amp;side=2"
    assert f'href="{following}" hx-get="{following}" hx-target="closest section"' in content


def test_a_panel_opened_without_javascript_is_a_page(org, coordinator, portfolio, client_as):
    for name in ("stuck", "balance", "benefits", "status"):
        url = reverse(f"portfolio:{name}_panel", kwargs={"org_slug": org.slug})
        response = client_as(coordinator).get(url)
        assert response.status_code == 200
        assert "<html" in response.content.decode()
        assert "HX-Request" in response["Vary"]


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


def test_filters_change_every_chart_and_panel(org, coordinator, portfolio, client_as):
    client = client_as(coordinator)
    data = _dashboard(client, _url(org, phase=4))
    assert sum(row["count"] for row in data.funnel) == 1
    balance = _panel(client, org, "balance", phase=4).context["balance"]
    assert sum(row["count"] for row in balance["innovation_type"]) == 1
    benefits = _panel(client, org, "benefits", phase=4).context["benefits"]
    assert benefits["total"].benefits == 0
    assert benefits["pitfalls"]["count"] == 0
    rows = _panel(client, org, "status", phase=4).context["status_rows"]
    assert [row["case"].title for row in rows] == ["Skolelos"]
    assert 'id="no-stuck"' in _panel(client, org, "stuck", phase=4).content.decode()


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
        client = client_as(user)
        assert client.get(_url(org) + "?" + query).status_code == 200
        for name in ("stuck", "balance", "benefits", "status"):
            url = reverse(f"portfolio:{name}_panel", kwargs={"org_slug": org.slug})
            assert client.get(f"{url}?{query}", HTTP_HX_REQUEST="true").status_code == 200


def test_foreign_filter_ids_show_nothing(org, other_org, coordinator, outsider, client_as):
    with scope(organisation=other_org.pk):
        foreign_sector = Sector.objects.filter(organisation=other_org).first()
    CaseFactory(organisation=org, actor=coordinator, title="Vår sak")
    client = client_as(coordinator)
    data = _dashboard(client, _url(org, sector=foreign_sector.pk))
    assert data.filters.sector is None  # not a choice here: ignored
    assert _titles(data) == ["Vår sak"]
    rows = _panel(client, org, "status", sector=foreign_sector.pk).context["status_rows"]
    assert [row["case"].title for row in rows] == ["Vår sak"]  # the panel ignores it too


def test_outsider_gets_404_for_every_panel(org, outsider, client_as):
    for name in ("stuck", "balance", "benefits", "status"):
        url = reverse(f"portfolio:{name}_panel", kwargs={"org_slug": org.slug})
        assert client_as(outsider).get(url).status_code == 404


def test_outsider_gets_404(org, outsider, client_as):
    assert client_as(outsider).get(_url(org)).status_code == 404
