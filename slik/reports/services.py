"""Report runs: order, render in the worker, retry, publish. Every change is audit-logged.

The worker's task is defined here with the service it runs (as pretix keeps its tasks with
their services): it takes ids, re-enters the tenant scope and is queued on commit.
"""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_scopes import scope
from django_tasks import task

from slik.core.audit import audit_log
from slik.core.concurrency import lock

from . import registry
from .models import ReportRun
from .renderers import filename_for, render

logger = logging.getLogger(__name__)


def permission_object(definition: registry.ReportDefinition, organisation, parameters: dict):
    """The object the definition's rule is checked against (the organisation by default)."""
    if definition.permission_object is None:
        return organisation
    return definition.permission_object(organisation, parameters)


def may_make(user, definition: registry.ReportDefinition, organisation, parameters) -> bool:
    """Whether `user` may have this report made; Http404 when its object is not in the tenant."""
    return user.has_perm(
        definition.permission, permission_object(definition, organisation, parameters)
    )


def _enqueue(run: ReportRun) -> None:
    run_id, organisation_id = run.pk, run.organisation_id
    transaction.on_commit(lambda: render_report_run.enqueue(run_id, organisation_id))


@transaction.atomic
def report_order(
    *, actor, organisation, key: str, file_format: str, parameters: dict, language: str = ""
) -> ReportRun:
    definition = registry.get(key)
    if definition is None or file_format not in definition.formats:
        raise ValidationError(_("Choose a report and one of its formats."))
    if not (
        actor.has_perm("reports.order_report", organisation)
        and may_make(actor, definition, organisation, parameters)
    ):
        raise PermissionDenied
    run = ReportRun.objects.create(
        organisation=organisation,
        report=key,
        file_format=file_format,
        parameters={**parameters, "language": language or settings.LANGUAGE_CODE},
        requested_by=actor,
    )
    audit_log(
        actor=actor,
        action="report.ordered",
        obj=run,
        data={"report": key, "format": file_format, **parameters},
    )
    _enqueue(run)
    return run


@transaction.atomic
def report_retry(*, actor, run: ReportRun) -> ReportRun:
    """Order a failed report again. A run already ordered again (a second click, or someone
    else's) is left as it is: one run never has two tasks."""
    lock(run)
    if run.status in (ReportRun.Status.QUEUED, ReportRun.Status.RUNNING):
        return run
    if run.status != ReportRun.Status.FAILED:
        raise ValidationError(_("Only a failed report can be ordered again."))
    run.status, run.progress, run.error = ReportRun.Status.QUEUED, 0, ""
    run.finished_at = run.worker_seconds = None
    run.requested_by = actor
    run.save(
        update_fields=[
            "status",
            "progress",
            "error",
            "finished_at",
            "worker_seconds",
            "requested_by",
        ]
    )
    audit_log(actor=actor, action="report.retried", obj=run)
    _enqueue(run)
    return run


@transaction.atomic
def report_publish(*, actor, run: ReportRun, published: bool = True) -> ReportRun:
    lock(run)
    if published and run.status != ReportRun.Status.DONE:
        raise ValidationError(_("Only a finished report can be published."))
    definition = registry.get(run.report)
    if published and not (definition and definition.for_politicians):
        # Exports and one-pagers hold working details that are not meant for politicians.
        raise ValidationError(_("This kind of report is not made for politicians."))
    if run.is_published == published:
        return run
    run.is_published = published
    run.save(update_fields=["is_published"])
    action = "report.published" if published else "report.unpublished"
    audit_log(actor=actor, action=action, obj=run, after={"is_published": published})
    return run


def _progress(run: ReportRun, percent: int, **fields) -> None:
    for name, value in {"progress": percent, **fields}.items():
        setattr(run, name, value)
    ReportRun.objects.filter(pk=run.pk).update(progress=percent, **fields)


def _error_text(exc: Exception) -> str:
    if isinstance(exc, Http404 | ObjectDoesNotExist):
        return _("What the report is about no longer exists or is no longer available.")
    if isinstance(exc, PermissionDenied):
        return _("The person who ordered the report no longer has permission to make it.")
    return _(
        "The report could not be made because of an error on our side. Try again; if it "
        "fails again, contact the innovation coordinator."
    )


def make_file(run: ReportRun) -> tuple[str, bytes]:
    """Build and render the run's report as its requester (permission checked again)."""
    definition = registry.get(run.report)
    if definition is None:
        raise ValidationError(f"Unknown report {run.report}")
    actor, organisation = run.requested_by, run.organisation
    parameters = {k: v for k, v in run.parameters.items() if k != "language"}
    if actor is None or not may_make(actor, definition, organisation, parameters):
        raise PermissionDenied
    document = definition.build(organisation, parameters, actor)
    _progress(run, 60)
    data = render(document, run.file_format, table=definition.csv_table)
    return filename_for(document, run.file_format), data


def report_run_execute(*, run_id: int) -> ReportRun | None:
    """Run in the worker inside the tenant scope: queued → running → done (or failed)."""
    run = ReportRun.objects.select_related("organisation", "requested_by").filter(pk=run_id).first()
    if run is None or run.status != ReportRun.Status.QUEUED:
        return run
    started = time.perf_counter()
    _progress(run, 10, status=ReportRun.Status.RUNNING)
    language = run.parameters.get("language") or settings.LANGUAGE_CODE
    try:
        with translation.override(language):
            filename, data = make_file(run)
    except Exception as exc:  # noqa: BLE001 – every failure becomes a readable status
        logger.exception("Report run %s failed", run.pk)
        return _fail(run, exc, time.perf_counter() - started)
    run.file.save(filename, ContentFile(data), save=False)
    run.filename = filename
    run.status, run.progress = ReportRun.Status.DONE, 100
    run.finished_at = timezone.now()
    run.worker_seconds = round(time.perf_counter() - started, 3)
    run.save(
        update_fields=["file", "filename", "status", "progress", "finished_at", "worker_seconds"]
    )
    return run


def _fail(run: ReportRun, exc: Exception, seconds: float) -> ReportRun:
    with translation.override(run.parameters.get("language") or settings.LANGUAGE_CODE):
        run.error = _error_text(exc)
    run.status, run.finished_at = ReportRun.Status.FAILED, timezone.now()
    run.worker_seconds = round(seconds, 3)
    run.save(update_fields=["error", "status", "finished_at", "worker_seconds"])
    audit_log(actor=None, action="report.failed", obj=run, data={"error": type(exc).__name__})
    return run


@task()
def render_report_run(run_id: int, organisation_id: int) -> str:
    """The worker's task: ids only, and the tenant scope entered again, so no stale object
    and no tenant leaks into it."""
    with scope(organisation=organisation_id):
        run = report_run_execute(run_id=run_id)
    return run.status if run is not None else "missing"
