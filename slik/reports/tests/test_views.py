"""Views: the reports page, direct downloads, publishing, tenancy and politician visibility."""

import io

import pytest
from django.urls import reverse
from django_scopes import scope

from slik.core.models import AuditEvent
from slik.reports import registry
from slik.reports.models import ReportRun

from .conftest import make_portfolio, pdf_objects, pdf_text, save_first_page_png


def make_run(org, user, **fields) -> ReportRun:
    values = {"report": "council_report", "file_format": "pdf", "requested_by": user, **fields}
    with scope(organisation=org.pk):
        return ReportRun.objects.create(organisation=org, **values)


def url(name, org, **kwargs):
    return reverse(f"reports:{name}", kwargs={"org_slug": org.slug, **kwargs})


@pytest.mark.django_db
def test_list_page_offers_reports_to_orderers_only(client_as, org, leader, employee):
    page = client_as(leader).get(url("list", org))
    assert page.status_code == 200
    assert b'id="offer-council_report"' in page.content
    assert b'id="offer-annual_report"' in page.content
    assert b'id="offer-portfolio_export"' in page.content
    assert b'id="offer-case_onepager"' not in page.content  # ordered from the case page
    page = client_as(employee).get(url("list", org))
    assert page.status_code == 200 and b'id="order-reports"' not in page.content


@pytest.mark.django_db
def test_list_filters_and_paginates(client_as, org, leader, settings):
    settings.PAGE_SIZE = 2
    for status in ("done", "failed", "done"):
        make_run(org, leader, status=status)
    make_run(org, leader, report="annual_report", status="done")
    client = client_as(leader)
    page = client.get(url("list", org), {"status": "failed"})
    assert page.context["page"].paginator.count == 1
    page = client.get(url("list", org), {"report": "annual_report"})
    assert page.context["page"].paginator.count == 1
    page = client.get(url("list", org), {"status": "bogus", "side": "2"})
    assert page.status_code == 200 and page.context["page"].number == 2
    assert len(page.context["runs"]) == 2


@pytest.mark.django_db
def test_list_rows_are_the_template_rows(client_as, org, leader):
    """The rows read as tuples (`selectors.RUN_LIST_COLUMNS`) show what the runs with their
    requesters showed: the requester's name, or nothing once the account is gone."""
    from django.template import engines

    from slik.accounts.models import User

    gone = User.objects.create_user(email="borte@hvaler.kommune.no", full_name="Borte Bruker")
    make_run(org, leader, status="done", is_published=True)
    make_run(org, gone, file_format="xlsx", status="failed")
    User.objects.filter(pk=gone.pk).delete()
    content = client_as(leader).get(url("list", org)).content.decode()
    with scope(organisation=org.pk):
        runs = list(ReportRun.objects.filter(organisation=org).select_related("requested_by"))
    cells = engines["django"].from_string(
        "{% load formats %}<td>{{ run.created_at|short_datetime }}"
        "{% if run.requested_by %} – {{ run.requested_by }}{% endif %}</td>"
    )
    assert [run.requested_by_id for run in runs] == [None, leader.pk]
    for run in runs:
        assert cells.render({"run": run}) in content
    assert content.count(f" – {leader}</td>") == 1


@pytest.mark.django_db
def test_list_rows_name_link_and_state_each_run(client_as, org, leader):
    run = make_run(org, leader, report="annual_report", status="done", parameters={"year": 2025})
    content = client_as(leader).get(url("list", org)).content.decode()
    detail = url("detail", org, run_id=run.pk)
    assert f'<a class="ds-link" href="{detail}">Årsrapport for innovasjon 2025</a>' in content
    assert '<span class="ds-tag" data-status="done">Klar</span>' in content


@pytest.mark.django_db
def test_list_offers_direct_downloads_of_every_format(client_as, org, leader):
    content = client_as(leader).get(url("list", org)).content.decode()
    for definition in registry.REGISTRY.values():
        if definition.listed and not definition.background and definition.permission_object is None:
            for file_format in definition.formats:
                download = url("render", org, key=definition.key, file_format=file_format)
                assert f'href="{download}" download>' in content


@pytest.mark.django_db
def test_employee_cannot_order(client_as, org, employee):
    response = client_as(employee).post(
        url("order", org), {"key": "council_report", "file_format": "pdf"}
    )
    assert response.status_code == 403


@pytest.mark.django_db
def test_politician_sees_only_published_runs(client_as, org, leader, politician):
    draft = make_run(org, leader, status="done")
    published = make_run(org, leader, status="done", is_published=True)
    client = client_as(politician)
    page = client.get(url("list", org))
    assert page.status_code == 200
    assert [run.pk for run in page.context["runs"]] == [published.pk]
    assert client.get(url("detail", org, run_id=draft.pk)).status_code == 404
    assert client.get(url("download", org, run_id=draft.pk)).status_code == 404
    assert client.get(url("status", org, run_id=draft.pk)).status_code == 404
    assert client.get(url("detail", org, run_id=published.pk)).status_code == 200
    assert (
        client.post(url("publish", org, run_id=published.pk), {"published": "0"}).status_code == 403
    )


@pytest.mark.django_db
def test_publish_and_withdraw(
    client_as, org, leader, project_leader, django_capture_on_commit_callbacks
):
    make_portfolio(org, leader, cases=1)
    client = client_as(leader)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("order", org), {"key": "council_report", "file_format": "docx"})
    with scope(organisation=org.pk):
        run = ReportRun.objects.get(organisation=org)
    assert client_as(project_leader).post(url("publish", org, run_id=run.pk)).status_code == 403
    client = client_as(leader)
    assert client.post(url("publish", org, run_id=run.pk), {"published": "1"}).status_code == 302
    run.refresh_from_db()
    assert run.is_published
    with scope(organisation=org.pk):
        assert AuditEvent.objects.filter(action="report.published", object_id=run.pk).exists()
    client.post(url("publish", org, run_id=run.pk), {"published": "0"})
    run.refresh_from_db()
    assert not run.is_published


@pytest.mark.django_db
def test_unfinished_run_cannot_be_published(client_as, org, leader):
    run = make_run(org, leader)
    client_as(leader).post(url("publish", org, run_id=run.pk), {"published": "1"})
    run.refresh_from_db()
    assert not run.is_published


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["detail", "status", "download", "retry", "publish"])
def test_another_municipalitys_run_is_404(client_as, org, other_org, leader, outsider, name):
    run = make_run(org, leader, status="done", is_published=True)
    client = client_as(outsider)
    method = client.post if name in ("retry", "publish") else client.get
    assert method(url(name, other_org, run_id=run.pk)).status_code == 404
    assert method(url(name, org, run_id=run.pk)).status_code == 404


@pytest.mark.django_db
def test_case_onepager_pdf_and_word(client_as, org, leader, project_leader):
    import docx

    case = make_portfolio(org, leader, cases=1, owner=project_leader)[0]
    client = client_as(project_leader)
    response = client.get(
        url("render", org, key="case_onepager", file_format="pdf"), {"case_id": case.pk}
    )
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for expected in (case.title, "Eldre ønsker digital tilsyn", "Åse Øvrebø", "Spart tid"):
        assert expected in text
    assert b"/StructTreeRoot" in pdf_objects(response.content)
    save_first_page_png(response.content, "case_onepager")
    response = client.get(
        url("render", org, key="case_onepager", file_format="docx"), {"case_id": case.pk}
    )
    doc = docx.Document(io.BytesIO(response.content))
    assert any(case.title in p.text for p in doc.paragraphs)


@pytest.mark.django_db
def test_case_onepager_respects_tenancy_and_publication(
    client_as, org, other_org, leader, politician, outsider
):
    case = make_portfolio(org, leader, cases=1)[0]
    render_url = url("render", org, key="case_onepager", file_format="pdf")
    assert client_as(politician).get(render_url, {"case_id": case.pk}).status_code == 403
    foreign = url("render", other_org, key="case_onepager", file_format="pdf")
    assert client_as(outsider).get(foreign, {"case_id": case.pk}).status_code == 404
    assert client_as(leader).get(render_url, {"case_id": "x"}).status_code == 400
    assert client_as(leader).get(render_url, {"case_id": 999999}).status_code == 404
    wrong = url("render", org, key="council_report", file_format="pdf")
    assert client_as(leader).get(wrong).status_code == 404  # background reports are ordered


@pytest.mark.django_db
def test_portfolio_export_xlsx_and_csv(client_as, org, leader):
    import openpyxl

    make_portfolio(org, leader, cases=2)
    client = client_as(leader)
    response = client.get(url("render", org, key="portfolio_export", file_format="xlsx"))
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert len(book.sheetnames) == 8
    cases = book.worksheets[0]
    assert cases.freeze_panes == "A2"
    assert cases["A2"].data_type == "n" and cases["K2"].data_type == "n"  # id, budget
    assert cases["N2"].is_date  # created
    commissions, goals = book.worksheets[6], book.worksheets[7]
    assert commissions["E2"].value.startswith("'=HYPERLINK")
    assert goals["E2"].value == "'@SUM(A1) Gode liv" and goals["C2"].data_type == "n"
    response = client.get(url("render", org, key="portfolio_export", file_format="csv"))
    lines = response.content.decode("utf-8-sig").splitlines()
    assert len(lines) == 3 and lines[1].count(";") == lines[0].count(";")
    assert (
        client_as(leader)
        .get(url("render", org, key="portfolio_export", file_format="pdf"))
        .status_code
        == 404
    )


@pytest.mark.django_db
def test_employee_cannot_export_the_portfolio(client_as, org, employee):
    response = client_as(employee).get(
        url("render", org, key="portfolio_export", file_format="xlsx")
    )
    assert response.status_code == 403


@pytest.mark.django_db
def test_case_page_offers_the_onepager(client_as, org, leader):
    case = make_portfolio(org, leader, cases=1)[0]
    page = client_as(leader).get(
        reverse("cases:panels", kwargs={"org_slug": org.slug, "case_id": case.pk}),
        {"panel": "reports"},
    )
    assert page.status_code == 200
    assert b'id="case-onepager-pdf"' in page.content


@pytest.mark.django_db
def test_an_export_cannot_be_published(client_as, org, leader):
    run = make_run(org, leader, report="portfolio_export", file_format="xlsx", status="done")
    client_as(leader).post(url("publish", org, run_id=run.pk), {"published": "1"})
    run.refresh_from_db()
    assert not run.is_published
