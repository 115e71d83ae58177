"""Who may see, order and publish reports (see tests/test_rules.py for the matrix)."""

import rules

from slik.organisations.rules import (
    is_management,
    is_politician,
    is_project_leader,
    is_staff_member,
)

from .models import ReportRun


@rules.predicate
def is_published_run(user, obj=None):
    """A politician may open the reports page; of the runs, only published ones."""
    if isinstance(obj, ReportRun):
        return obj.is_published
    return obj is not None


rules.add_perm("reports.view_reports", is_staff_member | (is_politician & is_published_run))
rules.add_perm("reports.order_report", is_management | is_project_leader)
rules.add_perm("reports.publish_report", is_management)
