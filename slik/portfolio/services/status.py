"""Status reports of a case (METHOD.md §6): drafts are edited; a published report is immutable
and a newer one supersedes it."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from slik.core.audit import audit_log, snapshot
from slik.core.concurrency import lock_version, save_versioned
from slik.core.dates import validate_dates

from ..models import StatusReport

REPORT_FIELDS = ("reported_on",) + tuple(
    name for dimension in StatusReport.DIMENSIONS for name in (dimension, f"{dimension}_comment")
)


def _check_fields(fields: dict) -> None:
    unknown = set(fields) - set(REPORT_FIELDS)
    if unknown:
        raise TypeError(f"unexpected status report fields {sorted(unknown)!r}")
    reported_on = fields.get("reported_on")
    validate_dates(reported_on=reported_on)
    if isinstance(reported_on, datetime.date) and reported_on > timezone.localdate():
        raise ValidationError({"reported_on": _("The report date cannot be in the future.")})


def status_report_change_refusal(report: StatusReport) -> str:
    """Why the report can no longer be edited or deleted ("" for a draft): a published report
    is immutable and a newer one supersedes it. The pages ask this before showing a change."""
    if report.published_at is not None:
        return _("A published status report cannot be changed; write a new report instead.")
    return ""


def _check_draft(report: StatusReport) -> None:
    if refusal := status_report_change_refusal(report):
        raise ValidationError(refusal)


def _log(actor, action, report, *, data=None, **changes):
    audit_log(
        actor=actor,
        action=action,
        obj=report,
        organisation=report.case.organisation,
        data={"case": report.case_id, "case_title": report.case.title, **(data or {})},
        **changes,
    )


@transaction.atomic
def status_report_create(*, actor, case, **fields) -> StatusReport:
    _check_fields(fields)
    report = StatusReport(
        case=case,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
        **fields,
    )
    report.full_clean(exclude=["case", "created_by"])
    report.save()
    _log(actor, "portfolio.status_report.created", report, after=snapshot(report, REPORT_FIELDS))
    return report


@transaction.atomic
def status_report_update(
    *, actor, report: StatusReport, version: int | None = None, **fields
) -> StatusReport:
    """Change a draft; `version` is the one the edit form was loaded from. The given instance
    is refreshed from the locked row (on a conflict it is the report as saved now)."""
    lock_version(report, version)
    _check_draft(report)
    _check_fields(fields)
    before = snapshot(report, REPORT_FIELDS)
    for name, value in fields.items():
        setattr(report, name, value)
    report.full_clean(exclude=["case", "created_by"])
    save_versioned(report, fields)
    _log(
        actor,
        "portfolio.status_report.changed",
        report,
        before=before,
        after=snapshot(report, REPORT_FIELDS),
    )
    return report


@transaction.atomic
def status_report_publish(*, actor, report: StatusReport) -> StatusReport:
    """Publish a draft. Publishing it again (a second click) changes and logs nothing."""
    report = StatusReport.objects.select_for_update().select_related("case").get(pk=report.pk)
    if report.published_at is not None:
        return report
    report.published_at = timezone.now()
    report.save(update_fields=["published_at"])
    _log(
        actor,
        "portfolio.status_report.published",
        report,
        before={"published": False},
        after={"published": True},
    )
    return report


@transaction.atomic
def status_report_delete(*, actor, report: StatusReport) -> None:
    report = (
        StatusReport.objects.select_for_update().select_related("case").filter(pk=report.pk)
    ).first()
    if report is None:  # deleted a moment ago (a second click)
        return
    _check_draft(report)
    _log(
        actor,
        "portfolio.status_report.deleted",
        report,
        before=snapshot(report, REPORT_FIELDS),
        data={"reported_on": report.reported_on},
    )
    report.delete()
