"""The benefits pages keep a constant number of queries however much they show: the roll-up and
its overdue panel at 1× and 10× cases, the indicator page at 50 and 500 measurements (as the
benchmark counts it), the benefit map and its drawing at 1× and 10× elements, and the benefits
panel of the case page at 1× and 10× benefits."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scope

from slik.cases.tests.factories import CaseFactory

from ..models import Indicator, Measurement
from ..services import map as map_services
from .factories import BenefitFactory, IndicatorFactory, add_series

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}
# Session, user, membership; the case; the pitfall settings, the benefits and their indicators
# (the latest measurement is a column of each); the map's elements with their links, one query
# (the panel shows only whether the map has a "miracle"; its benefits are those above).
PANEL_QUERIES = 8


def count_queries(client, path, headers=None):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path, headers=headers or {})
    assert response.status_code == 200
    return len(ctx.captured_queries)


def add_cases(org, actor, n, start=0):
    """`n` cases, each with a benefit measured in kroner (overdue) and one in årsverk."""
    for i in range(start, start + n):
        case = CaseFactory(organisation=org, actor=actor, title=f"Sak {i}")
        for unit in ("kr", "årsverk"):
            benefit = BenefitFactory(case=case, actor=actor, title=f"{unit} {i}")
            indicator = IndicatorFactory(benefit=benefit, actor=actor, unit=unit, name=unit)
            add_series(indicator, [8, 7, 6], start=datetime.date(2024, 1, 1))


def org_url(name):
    return reverse(f"benefits:{name}", kwargs={"org_slug": "hvaler"})


# Session, user, membership; then the roll-up's counts and sums in one query (the gains are
# the benefits' own columns), or the overdue panel's settings and indicators.
@pytest.mark.parametrize(
    ("name", "headers", "queries"),
    [("rollup", None, 4), ("rollup_overdue", HTMX, 5), ("rollup_overdue", None, 5)],
)
def test_rollup_query_count_is_constant(client_as, org, coordinator, name, headers, queries):
    client = client_as(coordinator)
    add_cases(org, coordinator, 1)
    count_queries(client, org_url(name), headers)  # warm caches (content types, sessions)
    assert count_queries(client, org_url(name), headers) == queries
    add_cases(org, coordinator, 9, start=1)
    assert count_queries(client, org_url(name), headers) == queries


def test_overdue_panel_lists_every_overdue_measurement(client_as, org, coordinator):
    add_cases(org, coordinator, 2)
    html = client_as(coordinator).get(org_url("rollup_overdue"), headers=HTMX).content.decode()
    assert 'id="overdue-table"' in html and "<html" not in html
    assert html.count("<tr>") == 1 + 4  # the header and two indicators per case
    with scope(organisation=org.pk):
        indicator = Indicator.objects.filter(benefit__organisation=org).first()
    org_slug = "hvaler"
    for name, kwargs in (
        ("indicator", {"indicator_id": indicator.pk}),
        ("benefit", {"benefit_id": indicator.benefit_id}),
    ):
        assert reverse(f"benefits:{name}", kwargs={"org_slug": org_slug, **kwargs}) in html


def add_elements(case, actor, n):
    """`n` chains measure → effect → benefit."""
    with scope(organisation=case.organisation_id):
        for i in range(n):
            chain = [
                map_services.map_node_create(actor=actor, case=case, kind=kind, label=f"{kind} {i}")
                for kind in ("measure", "effect", "benefit")
            ]
            for source, target in zip(chain, chain[1:], strict=False):
                map_services.map_edge_create(actor=actor, case=case, source=source, target=target)


# Session, user, membership; the case; the map's elements, its links and the case's benefits
# (the edit forms take their choices from these). The drawing panel reads the elements and the
# links alone: the benefits not in the map are never drawn.
@pytest.mark.parametrize(
    ("name", "headers", "queries"), [("map", None, 7), ("map_drawing", HTMX, 6)]
)
def test_map_query_count_is_constant(client_as, org, coordinator, name, headers, queries):
    case = CaseFactory(organisation=org, actor=coordinator, title="Kart")
    client = client_as(coordinator)
    path = reverse(f"benefits:{name}", kwargs={"org_slug": "hvaler", "case_id": case.pk})
    add_elements(case, coordinator, 1)
    count_queries(client, path, headers)  # warm caches (content types, sessions)
    assert count_queries(client, path, headers) == queries
    add_elements(case, coordinator, 9)
    assert count_queries(client, path, headers) == queries


def add_benefits(case, actor, n, start=0):
    """`n` benefits, each with two measured indicators, and `n` chains in the map."""
    for i in range(start, start + n):
        benefit = BenefitFactory(case=case, actor=actor, title=f"Gevinst {i}")
        for name in ("Sykefravær", "Ventetid"):
            indicator = IndicatorFactory(benefit=benefit, actor=actor, name=name)
            add_series(indicator, [8, 7, 6], start=datetime.date(2024, 1, 1))
    add_elements(case, actor, n)


def test_case_benefits_panel_query_count_is_exact(client_as, org, coordinator):
    case = CaseFactory(organisation=org, actor=coordinator, title="Med gevinster")
    client = client_as(coordinator)
    path = reverse("cases:panels", kwargs={"org_slug": "hvaler", "case_id": case.pk})
    path += "?panel=benefits"
    add_benefits(case, coordinator, 1)
    count_queries(client, path, HTMX)  # warm caches (content types, sessions)
    assert count_queries(client, path, HTMX) == PANEL_QUERIES
    add_benefits(case, coordinator, 9, start=1)
    assert count_queries(client, path, HTMX) == PANEL_QUERIES
    html = client.get(path, headers=HTMX).content.decode()
    assert "<html" not in html and html.count('<article class="slik-card"') == 10


def test_indicator_page_query_count_is_constant(client_as, org, coordinator):
    case = CaseFactory(organisation=org, actor=coordinator, title="Målt")
    benefit = BenefitFactory(case=case, actor=coordinator)
    short, long = (IndicatorFactory(benefit=benefit, actor=coordinator) for _ in range(2))
    add_series(short, [8 + (i % 3) / 10 for i in range(50)], step_days=1)
    add_series(long, [8 + (i % 7) / 10 for i in range(500)], step_days=1)
    client = client_as(coordinator)
    path = lambda i: reverse(  # noqa: E731
        "benefits:indicator", kwargs={"org_slug": "hvaler", "indicator_id": i.pk}
    )
    count_queries(client, path(short))
    fifty = count_queries(client, path(short))
    assert count_queries(client, path(long)) == fifty
    assert count_queries(client, path(long) + "?side=10") == fifty


def test_indicator_table_links_delete_each_measurement(client_as, org, coordinator):
    indicator = IndicatorFactory(
        benefit=BenefitFactory(case=CaseFactory(organisation=org, actor=coordinator))
    )
    add_series(indicator, [8, 7, 6])
    html = client_as(coordinator).get(
        reverse("benefits:indicator", kwargs={"org_slug": "hvaler", "indicator_id": indicator.pk})
    )
    with scope(organisation=org.pk):
        ids = Measurement.objects.filter(indicator=indicator).values_list("pk", flat=True)
    for pk in ids:
        delete = reverse(
            "benefits:measurement_delete", kwargs={"org_slug": "hvaler", "measurement_id": pk}
        )
        assert f'href="{delete}"' in html.content.decode()
