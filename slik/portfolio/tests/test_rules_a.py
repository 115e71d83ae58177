"""Role × permission matrix of the dashboard, capacity settings and status reports."""

import pytest

from .factories_a import owned_case


@pytest.fixture
def case(org, coordinator, project_leader):
    return owned_case(org, coordinator, project_leader)


ROLES = ["coordinator", "leader", "project_leader", "employee", "politician", "observer"]

ORG_MATRIX = {
    "portfolio.view_dashboard": {
        "coordinator",
        "leader",
        "project_leader",
        "employee",
        "politician",
        "observer",
    },
    "portfolio.view_dashboard_details": {
        "coordinator",
        "leader",
        "project_leader",
        "employee",
        "observer",
    },
    "portfolio.manage_settings": {"coordinator"},
}

CASE_MATRIX = {
    "portfolio.view_status_report": {
        "coordinator",
        "leader",
        "project_leader",
        "employee",
        "observer",
    },
    "portfolio.change_status_report": {"coordinator", "leader", "project_leader"},
    "portfolio.publish_status_report": {"coordinator", "leader"},
}


@pytest.mark.parametrize("perm", ORG_MATRIX)
def test_organisation_permissions_by_role(perm, personas, outsider, org):
    for role in ROLES:
        assert personas[role].has_perm(perm, org) == (role in ORG_MATRIX[perm]), role
    assert not outsider.has_perm(perm, org)


@pytest.mark.parametrize("perm", CASE_MATRIX)
def test_status_report_permissions_by_role(perm, personas, outsider, case):
    for role in ROLES:
        assert personas[role].has_perm(perm, case) == (role in CASE_MATRIX[perm]), role
    assert not outsider.has_perm(perm, case)


def test_politician_sees_status_of_published_case_only(politician, case):
    assert not politician.has_perm("portfolio.view_status_report", case)
    case.is_published = True
    assert politician.has_perm("portfolio.view_status_report", case)
    assert not politician.has_perm("portfolio.change_status_report", case)


def test_case_owner_employee_may_write_status_reports(employee, case):
    assert not employee.has_perm("portfolio.change_status_report", case)
    case.owner = employee
    assert employee.has_perm("portfolio.change_status_report", case)
    assert not employee.has_perm("portfolio.publish_status_report", case)


def test_observer_owner_may_not_write_status_reports(observer, case):
    case.leader = observer
    assert not observer.has_perm("portfolio.change_status_report", case)
