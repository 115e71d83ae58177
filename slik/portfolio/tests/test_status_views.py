"""Status report pages: create, edit a draft, publish, delete with confirmation, the case
panel, permissions and tenancy."""

import datetime

from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from slik.cases.tests.factories import CaseFactory
from slik.core.tests.edit_conflict import loaded

from ..models import StatusReport
from .factories import StatusReportFactory

FORM = {
    "reported_on": "2024-05-01",
    "overall": "on_plan",
    "overall_comment": "OK",
    "time": "delayed",
    "time_comment": "",
    "budget": "on_plan",
    "budget_comment": "",
    "quality": "on_plan",
    "quality_comment": "",
    "risk": "minor_delays",
    "risk_comment": "",
    "benefits": "not_started",
    "benefits_comment": "",
}


def _url(name, case, report=None):
    kwargs = {"org_slug": "hvaler", "case_id": case.pk}
    if report is not None:
        kwargs["report_id"] = report.pk
    return reverse(f"portfolio:{name}", kwargs=kwargs)


def test_project_leader_writes_and_leader_publishes(case, project_leader, leader, client_as):
    client = client_as(project_leader)
    assert client.get(_url("status_create", case)).status_code == 200
    response = client.post(_url("status_create", case), FORM)
    assert response.status_code == 302
    with scope(organisation=case.organisation_id):
        report = StatusReport.objects.get(case=case)
    assert report.time == "delayed" and report.published_at is None
    edit = _url("status_edit", case, report)
    response = client.post(edit, {**loaded(client, edit), **FORM, "time": "on_plan"})
    assert response.status_code == 302
    assert client.get(_url("status_publish", case, report)).status_code == 403
    leader_client = client_as(leader)
    assert leader_client.get(_url("status_publish", case, report)).status_code == 200
    assert leader_client.post(_url("status_publish", case, report)).status_code == 302
    report.refresh_from_db()
    assert report.time == "on_plan" and report.published_at is not None
    # Published: editing and deleting are refused and change nothing.
    response = leader_client.post(_url("status_edit", case, report), {**FORM, "time": "delayed"})
    assert response.status_code == 302
    assert leader_client.post(_url("status_delete", case, report)).status_code == 302
    report.refresh_from_db()
    assert report.time == "on_plan"


def test_bad_input_keeps_what_was_typed(case, leader, client_as):
    bad = {**FORM, "reported_on": "not a date", "overall": "great", "overall_comment": "Behold"}
    response = client_as(leader).post(_url("status_create", case), bad)
    assert response.status_code == 200
    assert {"reported_on", "overall"} <= set(response.context["form"].errors)
    assert "Behold" in response.content.decode()
    future = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    response = client_as(leader).post(_url("status_create", case), {**FORM, "reported_on": future})
    assert response.status_code == 200


def test_delete_draft_needs_confirmation(case, leader, client_as):
    report = StatusReportFactory(case=case, actor=leader)
    client = client_as(leader)
    assert client.get(_url("status_delete", case, report)).status_code == 200
    with scope(organisation=case.organisation_id):
        assert StatusReport.objects.filter(pk=report.pk).exists()
    assert client.post(_url("status_delete", case, report)).status_code == 302
    with scope(organisation=case.organisation_id):
        assert not StatusReport.objects.filter(pk=report.pk).exists()


def test_list_and_detail(case, leader, employee, client_as):
    report = StatusReportFactory(case=case, actor=leader)
    client = client_as(employee)
    response = client.get(_url("status_list", case))
    assert response.status_code == 200
    assert f'data-report="{report.pk}"' in response.content.decode()
    assert client.get(_url("status_detail", case, report)).status_code == 200
    assert client.get(_url("status_create", case)).status_code == 403
    assert client.get(_url("status_edit", case, report)).status_code == 403


def test_politician_sees_published_reports_of_published_cases_only(
    case,
    leader,
    politician,
    client_as,
):
    draft = StatusReportFactory(case=case, actor=leader)
    published = StatusReportFactory(case=case, actor=leader, publish=True)
    client = client_as(politician)
    assert client.get(_url("status_list", case)).status_code == 404  # unpublished case
    with scope(organisation=case.organisation_id):
        case.is_published = True
        case.save(update_fields=["is_published"])
    response = client.get(_url("status_list", case))
    assert response.status_code == 200
    assert f'data-report="{draft.pk}"' not in response.content.decode()
    assert client.get(_url("status_detail", case, published)).status_code == 200
    assert client.get(_url("status_detail", case, draft)).status_code == 404
    assert client.get(_url("status_create", case)).status_code == 403


def test_foreign_ids_are_404(org, other_org, case, leader, outsider, client_as):
    report = StatusReportFactory(case=case, actor=leader)
    other_case = CaseFactory(organisation=org, actor=leader, title="Annen sak")
    foreign_case = CaseFactory(organisation=other_org, actor=outsider, title="Råde-sak")
    foreign_report = StatusReportFactory(case=foreign_case, actor=outsider)
    client = client_as(leader)
    for name in ("status_detail", "status_edit", "status_publish", "status_delete"):
        assert client.get(_url(name, other_case, report)).status_code == 404
        assert client.get(_url(name, case, foreign_report)).status_code == 404
    assert client.get(_url("status_list", foreign_case)).status_code == 404
    assert client_as(outsider).get(_url("status_list", case)).status_code == 404


def test_case_page_panel_shows_latest_published_status(case, leader, client_as):
    url = reverse("cases:panels", kwargs={"org_slug": "hvaler", "case_id": case.pk})
    client = client_as(leader)
    assert 'id="case-status-none"' in client.get(url, {"panel": "status"}).content.decode()
    StatusReportFactory(case=case, actor=leader, publish=True, reported_on=timezone.localdate())
    content = client.get(url, {"panel": "status"}).content.decode()
    assert 'id="case-status-latest"' in content
    assert 'data-age="0"' in content
    assert 'id="case-status-stale"' not in content
