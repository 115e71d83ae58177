"""The politician's dashboard: aggregate level over published cases only."""

import datetime
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from slik.cases.tests.factories import CaseFactory
from slik.challenges.models import Challenge

from .factories import StatusReportFactory


def _url(org, query=""):
    return reverse("portfolio:dashboard", kwargs={"org_slug": org.slug}) + query


def _setup(org, coordinator, project_leader, leader):
    with scope(organisation=org.pk):
        secret_floke = Challenge.objects.create(organisation=org, title="Hemmelig floke")
    published = CaseFactory(
        organisation=org,
        actor=coordinator,
        title="Publisert sak",
        owner=project_leader,
        challenges=[secret_floke],
        budget=Decimal(500),
        started_on=datetime.date(2020, 1, 1),
    )
    hidden = CaseFactory(
        organisation=org, actor=coordinator, title="Intern sak", owner=project_leader
    )
    with scope(organisation=org.pk):
        published.is_published = True
        published.save(update_fields=["is_published"])
    StatusReportFactory(
        case=published, actor=leader, reported_on=timezone.localdate(), overall="delayed"
    )
    StatusReportFactory(case=hidden, actor=leader, publish=True)
    return published, hidden


def test_politician_sees_only_published_cases(
    org, coordinator, project_leader, leader, politician, client_as
):
    published, hidden = _setup(org, coordinator, project_leader, leader)
    response = client_as(politician).get(_url(org))
    assert response.status_code == 200
    data = response.context["dashboard"]
    assert not data.details
    assert [case.title for case in data.cases] == ["Publisert sak"]
    assert sum(row["count"] for row in data.funnel) == 1
    assert data.wip is None
    content = response.content.decode()
    assert "Intern sak" not in content
    assert project_leader.full_name not in content  # no owner names
    assert "Hemmelig floke" not in content  # unpublished floke
    assert 'id="aggregate-note"' in content
    assert 'name="owner"' not in content


def _panel(client, org, name):
    url = reverse(f"portfolio:{name}_panel", kwargs={"org_slug": org.slug})
    response = client.get(url, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    # The partial's tables are written by tags, not by a template the test client records: the
    # panel opened as a page has the same context.
    response.context = client.get(url).context
    return response


def test_politician_panels_show_only_published_cases_at_aggregate_level(
    org, coordinator, project_leader, leader, politician, client_as
):
    _setup(org, coordinator, project_leader, leader)
    client = client_as(politician)
    stuck = _panel(client, org, "stuck")
    assert [case.title for case, _owner, _link in stuck.context["stuck_rows"]] == ["Publisert sak"]
    status = _panel(client, org, "status")
    # The draft report of the published case is never shown.
    (row,) = status.context["status_rows"]
    assert row["case"].title == "Publisert sak" and row["report_id"] is None
    benefits = _panel(client, org, "benefits")
    assert benefits.context["benefits"]["pitfalls"]["top"] == []
    balance = _panel(client, org, "balance")
    floker = [row["label"] for row in balance.context["balance"]["challenge"]]
    assert floker == ["Ingen floke"]  # the unpublished floke is not named
    for response in (stuck, status, benefits, balance):
        content = response.content.decode()
        assert "Intern sak" not in content
        assert "Hemmelig floke" not in content
        assert project_leader.full_name not in content  # no owner names


def test_politician_cannot_filter_by_owner(
    org, coordinator, project_leader, leader, politician, client_as
):
    _setup(org, coordinator, project_leader, leader)
    response = client_as(politician).get(_url(org, f"?owner={project_leader.pk}"))
    assert response.status_code == 200
    assert response.context["dashboard"].filters.owner is None


def test_staff_see_everything(org, coordinator, project_leader, leader, client_as):
    _setup(org, coordinator, project_leader, leader)
    response = client_as(leader).get(_url(org))
    data = response.context["dashboard"]
    assert data.details
    assert sorted(case.title for case in data.cases) == ["Intern sak", "Publisert sak"]
    assert project_leader.full_name in response.content.decode()


def test_politician_of_another_municipality_gets_404(other_org, make_user, org, client_as):
    from slik.organisations.models import Membership

    stranger = make_user("politiker@rade.test")
    Membership.objects.create(user=stranger, organisation=other_org, role="politician")
    assert client_as(stranger).get(_url(org)).status_code == 404
