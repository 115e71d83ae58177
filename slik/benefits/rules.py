"""Benefits permissions. The plan, map, import and export permissions live in rules_io."""

import rules  # noqa: E402

from slik.organisations.rules import (  # noqa: E402
    can_contribute,
    is_coordinator,
    is_management,
    is_member,
    is_politician,
    is_project_leader,
    is_staff_member,
)

from . import rules_io  # noqa: F401 - registers its permissions with `rules`


def _case_of(obj):
    """The case behind a Case, a Benefit or an Indicator; None for an organisation."""
    if obj is None:
        return None
    if hasattr(obj, "is_published"):
        return obj
    if hasattr(obj, "case_id") and hasattr(obj, "case"):
        return obj.case
    benefit = getattr(obj, "benefit", None)
    return benefit.case if benefit is not None else None


def _benefit_of(obj):
    if obj is None:
        return None
    if hasattr(obj, "responsible_id"):
        return obj
    return getattr(obj, "benefit", None)


@rules.predicate
def is_on_published_case(user, obj=None):
    case = _case_of(obj)
    return bool(case is not None and case.is_published)


@rules.predicate
def is_case_owner_or_leader(user, obj=None):
    case = _case_of(obj)
    if case is None or not getattr(user, "is_authenticated", False):
        return False
    return user.pk in (case.owner_id, case.leader_id)


@rules.predicate
def is_benefit_responsible(user, obj=None):
    benefit = _benefit_of(obj)
    if benefit is None or not getattr(user, "is_authenticated", False):
        return False
    return benefit.responsible_id == user.pk


may_change_benefit = is_management | is_project_leader | (can_contribute & is_case_owner_or_leader)

# obj: a Case (list, create) or a Benefit; organisation-wide pages pass the Organisation.
rules.add_perm("benefits.view_benefit", is_staff_member | (is_politician & is_on_published_case))
rules.add_perm("benefits.change_benefit", may_change_benefit)
rules.add_perm(
    "benefits.record_measurement",
    may_change_benefit | (is_member & ~is_politician & is_benefit_responsible),
)
rules.add_perm("benefits.view_overview", is_staff_member)
rules.add_perm("benefits.manage_categories", is_coordinator)
