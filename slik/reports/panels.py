"""The case page's "Reports" section: the one-pager as PDF and Word (added via CASE_PAGE_PANELS)."""

from __future__ import annotations

from django.template.loader import render_to_string

from .definitions.case_onepager import DEFINITION


def case_reports_panel(request, case) -> str | None:
    if not request.user.has_perm(DEFINITION.permission, case):
        return None
    return render_to_string(
        "reports/includes/case_reports.html",
        {"case": case, "formats": DEFINITION.formats, "key": DEFINITION.key},
        request=request,
    )
