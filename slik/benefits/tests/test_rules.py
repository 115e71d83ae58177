"""Permission matrix: role × permission, on an unpublished and a published case."""

import pytest
from django_scopes import scope

from slik.cases.models import Case

pytestmark = pytest.mark.django_db

ROLES = ["coordinator", "leader", "project_leader", "employee", "politician", "observer"]
VIEW = {"coordinator", "leader", "project_leader", "employee", "observer"}
CHANGE = {"coordinator", "leader", "project_leader"}


@pytest.mark.parametrize("role", ROLES)
def test_matrix_on_unpublished_case(role, personas, benefit, case):
    user = personas[role]
    with scope(organisation=case.organisation_id):
        assert user.has_perm("benefits.view_benefit", benefit) == (role in VIEW)
        assert user.has_perm("benefits.view_benefit", case) == (role in VIEW)
        assert user.has_perm("benefits.change_benefit", benefit) == (role in CHANGE)
        # The employee is the benefit's responsible and may record measurements.
        assert user.has_perm("benefits.record_measurement", benefit) == (
            role in CHANGE | {"employee"}
        )
        assert user.has_perm("benefits.manage_categories", case.organisation) == (
            role == "coordinator"
        )
        assert user.has_perm("benefits.view_overview", case.organisation) == (role in VIEW)


def test_politician_sees_benefits_of_published_cases_only(politician, benefit, case):
    with scope(organisation=case.organisation_id):
        Case.objects.filter(pk=case.pk).update(is_published=True)
        benefit.case.refresh_from_db()
        assert politician.has_perm("benefits.view_benefit", benefit)
        assert not politician.has_perm("benefits.change_benefit", benefit)
        assert not politician.has_perm("benefits.record_measurement", benefit)


def test_employee_who_owns_or_leads_the_case_may_change(employee, make_benefit, case):
    with scope(organisation=case.organisation_id):
        Case.objects.filter(pk=case.pk).update(leader=employee)
        case.refresh_from_db()
    benefit = make_benefit(case)
    with scope(organisation=case.organisation_id):
        assert employee.has_perm("benefits.change_benefit", benefit)
        assert employee.has_perm("benefits.change_benefit", case)


def test_employee_not_responsible_may_not_record(employee, make_benefit, case):
    benefit = make_benefit(case)
    assert not employee.has_perm("benefits.record_measurement", benefit)


def test_outsider_has_no_permission(outsider, benefit, case):
    for perm in ("view_benefit", "change_benefit", "record_measurement"):
        assert not outsider.has_perm(f"benefits.{perm}", benefit)
    assert not outsider.has_perm("benefits.view_overview", case.organisation)
    assert not outsider.has_perm("benefits.manage_categories", case.organisation)
