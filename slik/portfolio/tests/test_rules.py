"""Role × permission matrix of the portfolio: the dashboard and settings (on the organisation),
status reports (on their case), board meetings, plan goals and commissions (on the object and
on the organisation for lists and creating)."""

import pytest

from .factories import BoardMeetingFactory, CommissionFactory, PlanGoalFactory

ROLES = ("coordinator", "leader", "project_leader", "employee", "politician", "observer")

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


OBJECT_MATRIX = {
    "portfolio.view_board_meeting": {
        "coordinator",
        "leader",
        "project_leader",
        "employee",
        "observer",
    },
    "portfolio.change_board_meeting": {"coordinator", "leader"},
    "portfolio.view_plan_goal": set(ROLES),
    "portfolio.change_plan_goal": {"coordinator", "leader"},
    "portfolio.view_commission": set(ROLES),
    "portfolio.add_commission": {"coordinator", "leader"},
    "portfolio.change_commission": {"coordinator", "leader"},
}


@pytest.fixture
def objects(org, leader):
    return {
        "board_meeting": BoardMeetingFactory(organisation=org, actor=leader),
        "plan_goal": PlanGoalFactory(organisation=org, actor=leader),
        "commission": CommissionFactory(organisation=org, actor=leader),
    }


def _target(perm, objects):
    for key, obj in objects.items():
        if key in perm:
            return obj
    raise KeyError(perm)


@pytest.mark.parametrize("perm", sorted(OBJECT_MATRIX))
def test_board_goal_and_commission_permissions_by_role_on_objects(perm, personas, objects):
    obj = _target(perm, objects)
    allowed = {role for role, user in personas.items() if user.has_perm(perm, obj)}
    assert allowed == OBJECT_MATRIX[perm]


@pytest.mark.parametrize("perm", sorted(OBJECT_MATRIX))
def test_board_goal_and_commission_permissions_by_role_on_organisation(perm, personas, org):
    allowed = {role for role, user in personas.items() if user.has_perm(perm, org)}
    assert allowed == OBJECT_MATRIX[perm]


@pytest.mark.parametrize("perm", sorted(OBJECT_MATRIX))
def test_outsider_has_no_board_goal_or_commission_permission(perm, outsider, objects, org):
    assert not outsider.has_perm(perm, _target(perm, objects))
    assert not outsider.has_perm(perm, org)
