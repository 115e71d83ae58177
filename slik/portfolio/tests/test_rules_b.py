"""Role × permission matrix of board meetings, plan goals and commissions."""

import pytest

from .factories_b import make_commission, make_goal, make_meeting

ROLES = ("coordinator", "leader", "project_leader", "employee", "politician", "observer")

EXPECTED = {
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
        "board_meeting": make_meeting(org, leader),
        "plan_goal": make_goal(org, leader),
        "commission": make_commission(org, leader),
    }


def _target(perm, objects):
    for key, obj in objects.items():
        if key in perm:
            return obj
    raise KeyError(perm)


@pytest.mark.parametrize("perm", sorted(EXPECTED))
def test_role_matrix_on_objects(perm, personas, objects):
    obj = _target(perm, objects)
    allowed = {role for role, user in personas.items() if user.has_perm(perm, obj)}
    assert allowed == EXPECTED[perm]


@pytest.mark.parametrize("perm", sorted(EXPECTED))
def test_role_matrix_on_organisation(perm, personas, org):
    allowed = {role for role, user in personas.items() if user.has_perm(perm, org)}
    assert allowed == EXPECTED[perm]


@pytest.mark.parametrize("perm", sorted(EXPECTED))
def test_outsider_has_no_permission(perm, outsider, objects, org):
    assert not outsider.has_perm(perm, _target(perm, objects))
    assert not outsider.has_perm(perm, org)
