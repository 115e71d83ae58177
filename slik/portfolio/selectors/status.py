"""Status reports of a case as the actor may see them."""

from django.utils import timezone

from ..models import StatusReport

STALE_AFTER_DAYS = 60


def status_reports_for_case(*, actor, case):
    """Every report for staff; published ones only for politicians (never drafts)."""
    reports = StatusReport.objects.filter(case=case).select_related("created_by")
    if not actor.has_perm("portfolio.view_dashboard_details", case):
        reports = reports.filter(published_at__isnull=False)
    return reports


def status_report_rows(*, actor, case):
    """The reports of `status_reports_for_case` as rows of what the list shows. Bound to the
    case, which the caller fetched inside the tenant: without the tenant's join."""
    reports = StatusReport.objects.with_scopes_disabled().filter(case_id=case.pk)
    if not actor.has_perm("portfolio.view_dashboard_details", case):
        reports = reports.filter(published_at__isnull=False)
    return reports.order_by("-reported_on", "-id").values_list(
        "id", "reported_on", "overall", "published_at", named=True
    )


def latest_published_report(*, case) -> StatusReport | None:
    return (
        StatusReport.objects.filter(case=case, published_at__isnull=False)
        .order_by("-reported_on", "-published_at", "-id")
        .first()
    )


def report_age_days(reported_on, today=None) -> int | None:
    if reported_on is None:
        return None
    return ((today or timezone.localdate()) - reported_on).days
