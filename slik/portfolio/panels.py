"""The portfolio's section on the case page (registered in `slik.cases.panels`): the latest
published status report and its age."""

from django.template.loader import render_to_string
from django.utils import timezone

from .selectors.status import STALE_AFTER_DAYS, latest_published_report, report_age_days


def case_status_panel(request, case) -> str | None:
    user = request.user
    if not user.has_perm("portfolio.view_status_report", case):
        return None
    report = latest_published_report(case=case)
    age = report_age_days(report.reported_on, timezone.localdate()) if report else None
    context = {
        "case": case,
        "report": report,
        "age": age,
        "stale": age is None or age > STALE_AFTER_DAYS,
        "may_add": user.has_perm("portfolio.change_status_report", case),
    }
    return render_to_string("portfolio/includes/case_status.html", context, request=request)
