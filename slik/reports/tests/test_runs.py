"""Report runs: ordered → queued → done in the worker (ImmediateBackend), failed → retry."""

import io
import time

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from slik.cases.models import Case
from slik.core.models import AuditEvent
from slik.reports import registry
from slik.reports.document import ReportDocument
from slik.reports.models import ReportRun
from slik.reports.registry import ReportDefinition

from .conftest import YEAR, make_portfolio, pdf_objects, pdf_text, save_first_page_png


def order(client, org, key, file_format, capture, **parameters):
    with capture(execute=True):
        response = client.post(
            reverse("reports:order", kwargs={"org_slug": org.slug}),
            {"key": key, "file_format": file_format, **parameters},
        )
    return response


def latest_run(org) -> ReportRun:
    with scope(organisation=org.pk):
        return ReportRun.objects.filter(organisation=org).latest("id")


def download(client, org, run) -> bytes:
    url = reverse("reports:download", kwargs={"org_slug": org.slug, "run_id": run.pk})
    response = client.get(url)
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    return b"".join(response.streaming_content)


@pytest.mark.django_db
def test_council_report_runs_in_the_background_and_downloads(
    client_as, org, leader, project_leader, django_capture_on_commit_callbacks
):
    make_portfolio(org, leader, cases=50, owner=project_leader)
    with scope(organisation=org.pk):  # the council sees only what is published to politicians
        Case.objects.filter(organisation=org).update(is_published=True)
    client = client_as(leader)
    started = time.perf_counter()
    response = order(client, org, "council_report", "pdf", django_capture_on_commit_callbacks)
    run = latest_run(org)
    assert response.status_code == 302
    assert response.url == reverse(
        "reports:detail", kwargs={"org_slug": org.slug, "run_id": run.pk}
    )
    assert run.status == ReportRun.Status.DONE, run.error
    assert run.progress == 100 and run.worker_seconds is not None
    print(f"\ncouncil report, 50 cases: {run.worker_seconds:.2f} s worker time "
          f"({time.perf_counter() - started:.2f} s with the request)")  # fmt: skip
    assert run.worker_seconds < 5
    page = client.get(response.url)
    assert b'id="run-download"' in page.content and b"hx-trigger" not in page.content
    data = download(client, org, run)
    text = pdf_text(data)
    assert "Hvaler" in text and "Æøå-sak 1: Trygghetsalarm på Sørøya" in text
    assert "24/1234" in text  # the commission
    assert "76 544" in text  # realised kroner: 500 000 − 423 456
    assert b"/StructTreeRoot" in pdf_objects(data)
    save_first_page_png(data, "council_report")
    with scope(organisation=org.pk):
        assert AuditEvent.objects.filter(action="report.ordered", object_id=run.pk).exists()


@pytest.mark.django_db
def test_council_report_as_word(client_as, org, leader, django_capture_on_commit_callbacks):
    import docx

    make_portfolio(org, leader)
    client = client_as(leader)
    order(client, org, "council_report", "docx", django_capture_on_commit_callbacks)
    run = latest_run(org)
    assert run.status == ReportRun.Status.DONE, run.error
    doc = docx.Document(io.BytesIO(download(client, org, run)))
    assert any(p.style.name == "Heading 1" for p in doc.paragraphs)
    assert len(doc.tables) >= 3 and len(doc.inline_shapes) >= 1


@pytest.mark.django_db
def test_annual_report_for_a_year(client_as, org, leader, django_capture_on_commit_callbacks):
    make_portfolio(org, leader)
    client = client_as(leader)
    order(client, org, "annual_report", "pdf", django_capture_on_commit_callbacks, year=YEAR)
    run = latest_run(org)
    assert run.status == ReportRun.Status.DONE, run.error
    assert run.parameters["year"] == YEAR
    data = download(client, org, run)
    text = pdf_text(data)
    assert str(YEAR) in text and "Velg leverandør" in text and "Spart tid i hjemmetjenesten" in text
    save_first_page_png(data, "annual_report")


@pytest.mark.django_db
def test_order_with_bad_input_keeps_the_page(client_as, org, leader):
    client = client_as(leader)
    url = reverse("reports:order", kwargs={"org_slug": org.slug})
    response = client.post(url, {"key": "annual_report", "file_format": "pdf", "year": "abc"})
    assert response.status_code == 400
    assert b'id="order-error"' in response.content and b'value="abc"' in response.content
    assert client.post(url, {"key": "nope", "file_format": "pdf"}).status_code == 400
    assert client.post(url, {"key": "council_report", "file_format": "xlsx"}).status_code == 400
    with scope(organisation=org.pk):
        assert not ReportRun.objects.filter(organisation=org).exists()


def _broken(organisation, parameters, actor):
    raise RuntimeError("database exploded")


def _fine(organisation, parameters, actor):
    return ReportDocument(
        title="Test",
        organisation_name=organisation.name,
        date=timezone.localdate(),
    )


@pytest.fixture
def flaky_report():
    definition = ReportDefinition(
        key="flaky", title="Flaky", formats=("pdf", "csv"), permission="reports.order_report",
        build=_broken, background=True,
    )  # fmt: skip
    registry.register(definition)
    yield definition
    registry.REGISTRY.unregister("flaky")


@pytest.mark.django_db
def test_failed_run_says_why_and_can_be_retried(
    client_as, org, leader, flaky_report, django_capture_on_commit_callbacks
):
    client = client_as(leader)
    order(client, org, "flaky", "csv", django_capture_on_commit_callbacks)
    run = latest_run(org)
    assert run.status == ReportRun.Status.FAILED
    assert run.error and "exploded" not in run.error  # readable, no internals
    detail = reverse("reports:detail", kwargs={"org_slug": org.slug, "run_id": run.pk})
    page = client.get(detail)
    assert b'id="run-error"' in page.content and b'id="run-retry"' in page.content
    download_url = reverse("reports:download", kwargs={"org_slug": org.slug, "run_id": run.pk})
    assert client.get(download_url).status_code == 404
    with scope(organisation=org.pk):
        assert AuditEvent.objects.filter(action="report.failed", object_id=run.pk).exists()

    registry.REGISTRY.unregister(flaky_report.key)  # the report is mended: same key, new build
    registry.register(ReportDefinition(**{**flaky_report.__dict__, "build": _fine}))
    retry = reverse("reports:retry", kwargs={"org_slug": org.slug, "run_id": run.pk})
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(retry).status_code == 302
    run.refresh_from_db()
    assert run.status == ReportRun.Status.DONE and run.error == ""
    assert download(client, org, run).startswith(b"\xef\xbb\xbf")


@pytest.mark.django_db
def test_retry_of_a_finished_run_is_refused(
    client_as, org, leader, django_capture_on_commit_callbacks
):
    make_portfolio(org, leader, cases=1)
    client = client_as(leader)
    order(client, org, "council_report", "docx", django_capture_on_commit_callbacks)
    run = latest_run(org)
    retry = reverse("reports:retry", kwargs={"org_slug": org.slug, "run_id": run.pk})
    assert client.post(retry).status_code == 302
    run.refresh_from_db()
    assert run.status == ReportRun.Status.DONE


@pytest.mark.django_db
def test_status_fragment_polls_while_queued(client_as, org, leader):
    with scope(organisation=org.pk):
        run = ReportRun.objects.create(
            organisation=org, report="council_report", file_format="pdf", requested_by=leader
        )
    client = client_as(leader)
    url = reverse("reports:status", kwargs={"org_slug": org.slug, "run_id": run.pk})
    response = client.get(url, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert b'hx-trigger="every 2s"' in response.content
    page = client.get(reverse("reports:detail", kwargs={"org_slug": org.slug, "run_id": run.pk}))
    assert b'aria-live="polite"' in page.content and b'id="run-progress"' in page.content
