"""Role × permission matrix for reports, and the outsider from another municipality."""

import pytest
from django_scopes import scope

from slik.reports.models import ReportRun

MATRIX = {
    #                 view   order  publish  view-draft-run view-published-run
    "coordinator": (True, True, True, True, True),
    "leader": (True, True, True, True, True),
    "project_leader": (True, True, False, True, True),
    "employee": (True, False, False, True, True),
    "observer": (True, False, False, True, True),
    "politician": (True, False, False, False, True),
}


@pytest.mark.django_db
@pytest.mark.parametrize("role", MATRIX)
def test_report_permissions_by_role(role, personas, org):
    user = personas[role]
    draft = ReportRun(organisation=org, report="council_report", file_format="pdf")
    published = ReportRun(
        organisation=org, report="council_report", file_format="pdf", is_published=True
    )
    with scope(organisation=org.pk):
        got = (
            user.has_perm("reports.view_reports", org),
            user.has_perm("reports.order_report", org),
            user.has_perm("reports.publish_report", org),
            user.has_perm("reports.view_reports", draft),
            user.has_perm("reports.view_reports", published),
        )
    assert got == MATRIX[role]


@pytest.mark.django_db
def test_outsider_has_no_report_permission(outsider, org):
    run = ReportRun(organisation=org, report="council_report", file_format="pdf", is_published=True)
    for perm in ("reports.view_reports", "reports.order_report", "reports.publish_report"):
        assert not outsider.has_perm(perm, org)
        assert not outsider.has_perm(perm, run)
