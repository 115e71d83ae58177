"""A report ordered again or published twice from one page (a double click): one task, one
event in the log."""

import pytest
from django_scopes import scope

from slik.core.models import AuditEvent
from slik.reports import services
from slik.reports.models import ReportRun


@pytest.fixture
def failed_run(org, leader):
    with scope(organisation=org.pk):
        return ReportRun.objects.create(
            organisation=org,
            report="council_report",
            file_format="pdf",
            requested_by=leader,
            status=ReportRun.Status.FAILED,
            error="Tidsavbrudd",
        )


@pytest.mark.django_db
def test_ordering_a_failed_run_again_twice_queues_it_once(
    failed_run, leader, org, django_capture_on_commit_callbacks
):
    with scope(organisation=org.pk), django_capture_on_commit_callbacks() as queued:
        for _click in range(2):
            services.report_retry(actor=leader, run=failed_run)
            failed_run.status = ReportRun.Status.FAILED  # what the page both came from showed
    assert len(queued) == 1
    with scope(organisation=org.pk):
        assert AuditEvent.objects.filter(action="report.retried").count() == 1


@pytest.mark.django_db
def test_publishing_twice_from_one_page_logs_once(failed_run, leader, org):
    with scope(organisation=org.pk):
        ReportRun.objects.filter(pk=failed_run.pk).update(status=ReportRun.Status.DONE)
        page_copy = ReportRun.objects.get(pk=failed_run.pk)
        for _click in range(2):
            services.report_publish(actor=leader, run=page_copy, published=True)
            page_copy.is_published = False  # what the page both clicks came from showed
        assert AuditEvent.objects.filter(action="report.published").count() == 1
