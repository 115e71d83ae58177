"""Status report services: drafts, publishing, immutability, audit."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_scopes import scope

from slik.core.models import AuditEvent

from .. import services
from ..models import StatusReport
from ..selectors import latest_published_report, status_reports_for_case
from .factories import StatusReportFactory


def _actions(org):
    with scope(organisation=org.pk):
        return list(
            AuditEvent.objects.filter(organisation=org, action__startswith="portfolio.status")
            .order_by("id")
            .values_list("action", flat=True)
        )


def test_create_edit_publish_is_audited(org, case, project_leader, leader):
    report = StatusReportFactory(case=case, actor=project_leader)
    assert report.published_at is None
    with scope(organisation=org.pk):
        report = services.status_report_update(
            actor=project_leader, report=report, overall="delayed", overall_comment="Sent"
        )
        report = services.status_report_publish(actor=leader, report=report)
    assert report.published_at is not None
    assert report.overall == "delayed"
    assert _actions(org) == [
        "portfolio.status_report.created",
        "portfolio.status_report.changed",
        "portfolio.status_report.published",
    ]


def test_published_report_is_immutable(org, case, leader):
    report = StatusReportFactory(case=case, actor=leader, publish=True)
    with scope(organisation=org.pk):
        with pytest.raises(ValidationError):
            services.status_report_update(actor=leader, report=report, overall="delayed")
        # Publishing again (a second click) is answered as done and changes nothing.
        published_at = StatusReport.objects.get(pk=report.pk).published_at
        services.status_report_publish(actor=leader, report=report)
        assert StatusReport.objects.get(pk=report.pk).published_at == published_at
        with pytest.raises(ValidationError):
            services.status_report_delete(actor=leader, report=report)
        assert StatusReport.objects.get(pk=report.pk).overall == "on_plan"


def test_delete_draft(org, case, leader):
    report = StatusReportFactory(case=case, actor=leader)
    with scope(organisation=org.pk):
        services.status_report_delete(actor=leader, report=report)
        assert not StatusReport.objects.filter(pk=report.pk).exists()
    assert _actions(org)[-1] == "portfolio.status_report.deleted"


def test_future_date_and_bad_level_are_refused(org, case, leader):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError):
        StatusReportFactory(case=case, actor=leader, reported_on=tomorrow)
    with pytest.raises(ValidationError):
        StatusReportFactory(case=case, actor=leader, overall="splendid")


def test_newer_published_report_supersedes(org, case, leader):
    StatusReportFactory(
        case=case, actor=leader, publish=True, reported_on=datetime.date(2024, 1, 1)
    )
    newer = StatusReportFactory(
        case=case, actor=leader, publish=True, reported_on=datetime.date(2024, 3, 1)
    )
    StatusReportFactory(case=case, actor=leader, reported_on=datetime.date(2024, 6, 1))  # a draft
    with scope(organisation=org.pk):
        assert latest_published_report(case=case) == newer


def test_politician_never_gets_drafts(org, case, leader, politician):
    StatusReportFactory(case=case, actor=leader)
    published = StatusReportFactory(case=case, actor=leader, publish=True)
    with scope(organisation=org.pk):
        assert list(status_reports_for_case(actor=politician, case=case)) == [published]
        assert status_reports_for_case(actor=leader, case=case).count() == 2
