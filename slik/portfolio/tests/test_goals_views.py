"""Plan goal and commission pages: access by role, bad input, foreign ids."""

import pytest
from django.urls import reverse
from django_scopes import scope

from slik.cases.tests.factories import CaseFactory

from ..models import Commission, PlanGoal
from .factories import CommissionFactory, PlanGoalFactory


def url(name, org, **kwargs):
    return reverse(f"portfolio:{name}", kwargs={"org_slug": org.slug, **kwargs})


@pytest.fixture
def goal(org, leader):
    return PlanGoalFactory(organisation=org, actor=leader)


@pytest.fixture
def commission(org, coordinator):
    return CommissionFactory(organisation=org, actor=coordinator)


def goal_urls(goal):
    org = goal.organisation
    return [url(n, org, goal_id=goal.pk) for n in ("goal_detail", "goal_edit", "goal_delete")]


def commission_urls(commission):
    org = commission.organisation
    names = (
        "commission_detail",
        "commission_edit",
        "commission_status",
        "commission_cases",
        "commission_delete",
    )
    return [url(n, org, commission_id=commission.pk) for n in names]


@pytest.mark.parametrize("role", ["politician", "employee", "observer", "leader"])
def test_members_read_goals_and_commissions(client_as, personas, role, goal, commission, org):
    client = client_as(personas[role])
    for address in (
        url("goal_list", org),
        goal_urls(goal)[0],
        url("commission_list", org),
        commission_urls(commission)[0],
    ):
        assert client.get(address).status_code == 200, address


def test_list_filters_with_bad_values_never_500(client_as, leader, goal, commission, org):
    client = client_as(leader)
    for params in ({"year": "abc", "source": "x"}, {"year": "2025", "side": "99"}, {"q": "Flere"}):
        assert client.get(url("goal_list", org), params).status_code == 200
    for params in ({"status": "nope"}, {"body": "Kommunestyret", "q": "25/123"}):
        assert client.get(url("commission_list", org), params).status_code == 200


def test_politician_cannot_change(client_as, politician, goal, commission, org):
    client = client_as(politician)
    assert client.get(url("goal_create", org)).status_code == 403
    assert client.get(url("commission_create", org)).status_code == 403
    for address in goal_urls(goal)[1:] + commission_urls(commission)[1:]:
        assert client.post(address, {}).status_code == 403, address


def test_foreign_ids_are_404(client_as, outsider, other_org, goal, commission):
    client = client_as(outsider)
    for address in goal_urls(goal) + commission_urls(commission):
        foreign = address.replace("/k/hvaler/", f"/k/{other_org.slug}/")
        assert client.get(foreign).status_code == 404, foreign
        assert client.post(foreign, {}).status_code == 404, foreign


def test_politician_does_not_see_unpublished_case_on_commission(
    client_as, politician, leader, coordinator, commission, org
):
    hidden = CaseFactory(organisation=org, actor=coordinator, title="Hemmelig sak")
    shown = CaseFactory(organisation=org, actor=coordinator, title="Åpen sak", is_published=True)
    client_as(leader).post(
        url("commission_cases", org, commission_id=commission.pk),
        {"cases": [hidden.pk, shown.pk], "loaded_cases": "ids:"},  # none linked when loaded
    )
    page = client_as(politician).get(url("commission_detail", org, commission_id=commission.pk))
    body = page.content.decode()
    assert "Åpen sak" in body and "Hemmelig sak" not in body
    assert 'id="commission-status-form"' not in body


def test_create_goal_with_links_and_bad_input(client_as, leader, coordinator, org):
    case = CaseFactory(organisation=org, actor=coordinator)
    client = client_as(leader)
    bad = client.post(url("goal_create", org), {"title": "Mål", "source": "x", "year": "abc"})
    assert bad.status_code == 200 and 'value="Mål"' in bad.content.decode()
    data = {"title": "Mål", "source": "budget", "year": "2025", "cases": [case.pk]}
    assert client.post(url("goal_create", org), data).status_code == 302
    with scope(organisation=org.pk):
        goal = PlanGoal.objects.get()
        assert list(goal.cases.all()) == [case]
    page = client.get(url("goal_detail", org, goal_id=goal.pk))
    assert case.title in page.content.decode()


def test_goal_form_refuses_foreign_case(client_as, leader, org, other_org, outsider):
    foreign = CaseFactory(organisation=other_org, actor=outsider, title="Råde-sak")
    data = {"title": "Mål", "source": "budget", "year": "2025", "cases": [foreign.pk]}
    response = client_as(leader).post(url("goal_create", org), data)
    assert response.status_code == 200
    with scope(organisation=org.pk):
        assert not PlanGoal.objects.exists()


def test_commission_register_status_and_delete(client_as, coordinator, org):
    client = client_as(coordinator)
    data = {
        "body": "Formannskapet",
        "decided_on": "2025-03-01",
        "case_number": "25/7",
        "title": "Digital hjemmetjeneste",
        "text": "Vedtak",
    }
    bad = client.post(url("commission_create", org), {**data, "decided_on": "i går"})
    assert bad.status_code == 200
    assert client.post(url("commission_create", org), data).status_code == 302
    with scope(organisation=org.pk):
        commission = Commission.objects.get()
    status = url("commission_status", org, commission_id=commission.pk)
    assert client.post(status, {"status": "invalid"}).status_code == 200
    data = {"status": "answered", "status_comment": "Ok", "expected_status": "received"}
    assert client.post(status, data).status_code == 302
    assert client.get(status).status_code == 405
    commission.refresh_from_db()
    assert commission.status == "answered"
    delete = url("commission_delete", org, commission_id=commission.pk)
    assert client.get(delete).status_code == 200
    assert client.post(delete).status_code == 302
    with scope(organisation=org.pk):
        assert not Commission.objects.exists()


def test_goal_page_shows_benefits_and_sums(client_as, org, coordinator, leader, politician):
    from .test_goals import make_benefit

    case = CaseFactory(
        organisation=org, actor=coordinator, title="Publisert sak", is_published=True
    )
    benefit = make_benefit(case, coordinator, "Lavere kostnader", "kr", "1000", "400", "700")
    goal = PlanGoalFactory(organisation=org, actor=leader, cases=[case], benefits=[benefit])
    for user in (leader, politician):
        page = client_as(user).get(url("goal_detail", org, goal_id=goal.pk))
        body = page.content.decode()
        assert page.status_code == 200
        assert 'id="goal-benefit-sums"' in body and "Lavere kostnader" in body


def test_list_counts_are_of_what_the_reader_may_see(
    client_as, org, coordinator, leader, politician
):
    """Staff count every link; a politician only the published cases and their benefits."""
    from .test_goals import make_benefit

    shown = CaseFactory(organisation=org, actor=coordinator, title="Publisert", is_published=True)
    hidden = CaseFactory(organisation=org, actor=coordinator, title="Intern")
    benefits = [
        make_benefit(case, coordinator, f"Gevinst {case.title}", "kr", "10", "5", "7")
        for case in (shown, hidden)
    ]
    PlanGoalFactory(organisation=org, actor=leader, cases=[shown, hidden], benefits=benefits)
    commission = CommissionFactory(organisation=org, actor=coordinator)
    with scope(organisation=org.pk):
        commission.cases.add(shown, hidden)
    for user, seen in ((leader, 2), (politician, 1)):
        client = client_as(user)
        [goal] = client.get(url("goal_list", org)).context["page"]
        [answered] = client.get(url("commission_list", org)).context["page"]
        assert (goal.case_count, goal.benefit_count, answered.case_count) == (seen,) * 3
