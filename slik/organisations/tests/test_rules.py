"""Role predicates and the organisations permission matrix (role × permission × tenant)."""

import pytest

from slik.organisations import rules as r

ROLES = ["coordinator", "leader", "project_leader", "employee", "politician", "observer"]

PREDICATES = {
    "is_member": set(ROLES),
    "is_coordinator": {"coordinator"},
    "is_leader": {"leader"},
    "is_project_leader": {"project_leader"},
    "is_employee": {"employee"},
    "is_politician": {"politician"},
    "is_observer": {"observer"},
    "is_staff_member": {"coordinator", "leader", "project_leader", "employee", "observer"},
    "is_management": {"coordinator", "leader"},
    "can_contribute": {"coordinator", "leader", "project_leader", "employee"},
}

PERMISSIONS = {
    "organisations.view_organisation": set(ROLES),
    "organisations.manage_organisation": {"coordinator"},
    "organisations.view_members": {
        "coordinator",
        "leader",
        "project_leader",
        "employee",
        "observer",
    },
    "core.view_history": {"coordinator", "leader", "project_leader", "employee", "observer"},
}


@pytest.mark.parametrize("predicate", sorted(PREDICATES))
def test_predicates_per_role(personas, org, predicate):
    check = getattr(r, predicate)
    for role, user in personas.items():
        assert check(user, org) is (role in PREDICATES[predicate]), (predicate, role)


@pytest.mark.parametrize("perm", sorted(PERMISSIONS))
def test_permission_matrix_in_own_organisation(personas, org, perm):
    for role, user in personas.items():
        assert user.has_perm(perm, org) is (role in PERMISSIONS[perm]), (perm, role)


@pytest.mark.parametrize("perm", sorted(PERMISSIONS))
def test_no_permission_in_another_organisation(personas, other_org, outsider, org, perm):
    for user in personas.values():
        assert not user.has_perm(perm, other_org)
    assert not outsider.has_perm(perm, org)
    assert outsider.has_perm(perm, other_org)  # a coordinator at home


def test_predicates_on_tenant_objects_use_their_organisation(coordinator, org, other_org):
    from django_scopes import scope

    from slik.organisations.models import Sector

    with scope(organisation=org.pk):
        own = Sector.objects.filter(organisation=org).first()
    with scope(organisation=other_org.pk):
        foreign = Sector.objects.filter(organisation=other_org).first()
    assert r.is_coordinator(coordinator, own)
    assert not r.is_member(coordinator, foreign)


def test_anonymous_and_no_object_fail(org, coordinator):
    from django.contrib.auth.models import AnonymousUser

    assert not r.is_member(AnonymousUser(), org)
    assert not r.is_member(coordinator, None)
