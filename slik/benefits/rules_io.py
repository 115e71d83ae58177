"""Permissions for the plan, map, imports, exports and reminders.

The object is the case (or, for imports, a benefit of the case). Politicians read only
published cases; management, project leaders and the case's owner/leader change the map and plan.
"""

import rules

from slik.cases.rules import is_case_owner_or_leader, is_published
from slik.organisations.rules import (
    can_contribute,
    is_management,
    is_member,
    is_politician,
    is_project_leader,
    is_staff_member,
)


def _case_of(obj):
    return getattr(obj, "case", obj)


@rules.predicate
def is_owner_or_leader_of_case(user, obj=None):
    return obj is not None and is_case_owner_or_leader.test(user, _case_of(obj))


@rules.predicate
def is_benefit_responsible(user, obj=None):
    if obj is None or not getattr(user, "is_authenticated", False):
        return False
    return user.pk in (getattr(obj, "responsible_id", None), getattr(obj, "owner_id", None))


@rules.predicate
def is_published_case(user, obj=None):
    return obj is not None and is_published.test(user, _case_of(obj))


can_read_case = is_staff_member | (is_politician & is_published_case)
can_edit_case_benefits = (
    is_management | is_project_leader | (can_contribute & is_owner_or_leader_of_case)
)

rules.add_perm("benefits.view_map", can_read_case)
rules.add_perm("benefits.change_map", can_edit_case_benefits)
rules.add_perm("benefits.view_plan", can_read_case)
rules.add_perm("benefits.change_plan", can_edit_case_benefits)
rules.add_perm("benefits.export_plan", can_read_case)
rules.add_perm(
    "benefits.import_measurements",
    can_edit_case_benefits | (is_member & ~is_politician & is_benefit_responsible),
)
rules.add_perm("benefits.view_my_tasks", is_member)
