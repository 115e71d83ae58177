import pytest
from django.urls import reverse
from django_scopes import scope

from slik.benefits.models import BenefitsPlan
from slik.core.models import AuditEvent
from slik.core.tests.edit_conflict import loaded

pytestmark = pytest.mark.django_db


def url(name, case):
    return reverse(f"benefits:{name}", kwargs={"org_slug": "hvaler", "case_id": case.pk})


def test_plan_page_lists_benefits_and_indicators(client_as, coordinator, case, indicator):
    response = client_as(coordinator).get(url("plan", case))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="plan-benefit-{indicator.benefit_id}"' in html
    assert "Sykefravær" in html


def test_plan_page_takes_constant_queries(
    client_as, coordinator, case, make_benefit, make_indicator, django_assert_max_num_queries
):
    client = client_as(coordinator)
    make_indicator(make_benefit(case, title="En"))
    client.get(url("plan", case))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(url("plan", case))
    for i in range(4):
        make_indicator(make_benefit(case, title=f"Gevinst {i}"), name=f"Indikator {i}")
    with CaptureQueriesContext(connection) as large:
        client.get(url("plan", case))
    assert len(large) == len(small)


def test_edit_plan_header_is_audited(client_as, coordinator, case):
    client = client_as(coordinator)
    assert client.get(url("plan_edit", case)).status_code == 200
    response = client.post(
        url("plan_edit", case),
        {
            **loaded(client, url("plan_edit", case)),
            "rationale": "Fordi",
            "goals": "Færre fall",
            "main_deliverables": "Sensorer",
            "risks": "Økt arbeid",
        },
    )
    assert response.status_code == 302
    with scope(organisation=case.organisation_id):
        plan = BenefitsPlan.objects.get(case=case)
        assert plan.goals == "Færre fall"
        event = AuditEvent.objects.get(action="benefits_plan.changed", object_id=case.pk)
        assert event.changes["risks"] == ["", "Økt arbeid"]


@pytest.mark.parametrize(
    "role,view,change",
    [
        ("coordinator", 200, 200),
        ("leader", 200, 200),
        ("project_leader", 200, 200),
        ("employee", 200, 403),
        ("observer", 200, 403),
        ("politician", 404, 404),
    ],
)
def test_permission_matrix(client_as, personas, case, role, view, change):
    client = client_as(personas[role])
    assert client.get(url("plan", case)).status_code == view
    assert client.get(url("plan_edit", case)).status_code == change
    assert client.get(url("plan_xlsx", case)).status_code == view


def test_politician_reads_published_plan(client_as, politician, case):
    with scope(organisation=case.organisation_id):
        case.is_published = True
        case.save(update_fields=["is_published"])
    client = client_as(politician)
    assert client.get(url("plan", case)).status_code == 200
    assert client.post(url("plan_edit", case), {"goals": "x"}).status_code == 403


def test_outsider_and_foreign_case_are_404(client_as, outsider, coordinator, case, other_case):
    assert client_as(outsider).get(url("plan", case)).status_code == 404
    assert client_as(outsider).get(url("plan_pdf", case)).status_code == 404
    client = client_as(coordinator)
    for name in ("plan", "plan_edit", "plan_xlsx", "plan_pdf"):
        assert client.get(url(name, other_case)).status_code == 404
