"""Who may do what in the benefit register (role × action; see tests/test_rules.py).

A permission is asked of a Case (a case's benefits, map, plan and exports, a case-wide import)
or of a Benefit (one benefit, its indicators and measurements); the organisation-wide pages ask
of the Organisation. The case predicates are slik/cases/rules.py's, adapted with `about_case`;
the benefit predicates are defined here, once, on a Benefit, and adapted with `about_benefit`.
"""

from __future__ import annotations

import rules

from slik.cases.models import Case
from slik.cases.rules import about_case, is_case_owner_or_leader, may_read_case
from slik.organisations.rules import (
    can_contribute,
    is_coordinator,
    is_management,
    is_member,
    is_project_leader,
    is_staff_member,
)

from .models import Benefit


def case_of(obj) -> Case | None:
    """The case a permission is about: the case itself, or the benefit's case."""
    if isinstance(obj, Case):
        return obj
    if isinstance(obj, Benefit):
        return obj.case
    return None


def benefit_of(obj) -> Benefit | None:
    """The benefit a permission is about; None when it is asked of a whole case."""
    return obj if isinstance(obj, Benefit) else None


@rules.predicate
def is_benefit_responsible(user, benefit: Benefit | None = None) -> bool:
    """The line manager responsible for realising the benefit (gevinstansvarlig)."""
    if benefit is None or not getattr(user, "is_authenticated", False):
        return False
    return benefit.responsible_id == user.pk


@rules.predicate
def is_benefit_owner(user, benefit: Benefit | None = None) -> bool:
    """The leader who owns the benefit and answers for it (gevinsteier)."""
    if benefit is None or not getattr(user, "is_authenticated", False):
        return False
    return benefit.owner_id == user.pk


def about_benefit(predicate: rules.Predicate) -> rules.Predicate:
    """`predicate` (on a Benefit) asked of a case or a benefit: false for a whole case."""

    @rules.predicate(name=f"{predicate.name}_about_benefit")
    def adapted(user, obj=None) -> bool:
        return predicate.test(user, benefit_of(obj))

    return adapted


may_read_benefits = about_case(may_read_case, case_of)
owns_or_leads_the_case = about_case(is_case_owner_or_leader, case_of)
# Management and project leaders change every case's benefits; contributors those of the cases
# they own or lead.
may_change_benefits = is_management | is_project_leader | (can_contribute & owns_or_leads_the_case)
# METHOD.md §6: the benefit's responsible and owner are the line managers who report on it, so
# both record its measurements, by hand or by import – one rule for both (politicians never).
# A whole case's import is for those who change all its benefits.
may_record_measurements = may_change_benefits | (
    is_staff_member & about_benefit(is_benefit_responsible | is_benefit_owner)
)

rules.add_perm("benefits.view_benefit", may_read_benefits)
rules.add_perm("benefits.change_benefit", may_change_benefits)
rules.add_perm("benefits.record_measurement", may_record_measurements)
rules.add_perm("benefits.view_map", may_read_benefits)
rules.add_perm("benefits.change_map", may_change_benefits)
rules.add_perm("benefits.view_plan", may_read_benefits)
rules.add_perm("benefits.change_plan", may_change_benefits)
rules.add_perm("benefits.export_plan", may_read_benefits)
rules.add_perm("benefits.view_overview", is_staff_member)
rules.add_perm("benefits.manage_categories", is_coordinator)
rules.add_perm("benefits.view_my_tasks", is_member)
