"""The permission table: role × action, plus the outsider from another municipality."""

import pytest
from django_scopes import scope

from .factories import CaseFactory

ROLES = ["coordinator", "leader", "project_leader", "employee", "politician", "observer"]

# action → roles allowed (on a case owned by nobody in particular, not published)
MATRIX = {
    "cases.view_case": {"coordinator", "leader", "project_leader", "employee", "observer"},
    "cases.add_case": {"coordinator", "leader", "project_leader"},
    "cases.change_case": {"coordinator", "leader"},
    "cases.decide_gate": {"coordinator", "leader"},
    "cases.publish_case": {"coordinator", "leader"},
    "cases.view_roadmap": {"coordinator", "leader", "project_leader", "employee", "observer"},
    "cases.change_roadmap": {"coordinator"},
}


@pytest.fixture
def plain_case(org):
    return CaseFactory(organisation=org, title="Matrise")


@pytest.mark.parametrize("perm", sorted(MATRIX))
@pytest.mark.parametrize("role", [*ROLES, "outsider"])
def test_permission_matrix(request, personas, outsider, plain_case, org, perm, role):
    user = outsider if role == "outsider" else personas[role]
    obj = (
        org
        if perm in ("cases.add_case", "cases.view_roadmap", "cases.change_roadmap")
        else (plain_case)
    )
    with scope(organisation=org.pk):
        assert user.has_perm(perm, obj) is (role in MATRIX[perm])


def test_politician_sees_only_published(politician, plain_case):
    assert not politician.has_perm("cases.view_case", plain_case)
    plain_case.is_published = True
    assert politician.has_perm("cases.view_case", plain_case)
    assert not politician.has_perm("cases.change_case", plain_case)


@pytest.mark.parametrize("field", ["owner", "leader"])
def test_case_owner_or_leader_may_change_but_not_decide(org, employee, field):
    case = CaseFactory(organisation=org, title="Eget case", **{field: employee})
    assert employee.has_perm("cases.change_case", case)
    assert not employee.has_perm("cases.decide_gate", case)
    assert not employee.has_perm("cases.publish_case", case)


def test_observer_owner_may_not_change(org, observer):
    case = CaseFactory(organisation=org, title="Observert", owner=observer)
    assert not observer.has_perm("cases.change_case", case)
