"""Who may do what with innovation cases (role × action; see tests/test_rules.py)."""

import rules

from slik.organisations.rules import (
    can_contribute,
    is_coordinator,
    is_leader,
    is_management,
    is_politician,
    is_project_leader,
    is_staff_member,
)


@rules.predicate
def is_published(user, obj=None):
    return bool(getattr(obj, "is_published", False))


@rules.predicate
def is_case_owner_or_leader(user, obj=None):
    if obj is None or not getattr(user, "is_authenticated", False):
        return False
    return user.pk in (getattr(obj, "owner_id", None), getattr(obj, "leader_id", None))


rules.add_perm("cases.view_case", is_staff_member | (is_politician & is_published))
rules.add_perm("cases.add_case", is_coordinator | is_leader | is_project_leader)
rules.add_perm("cases.change_case", is_management | (can_contribute & is_case_owner_or_leader))
rules.add_perm("cases.decide_gate", is_management)
rules.add_perm("cases.publish_case", is_management)
rules.add_perm("cases.view_roadmap", is_staff_member)
rules.add_perm("cases.change_roadmap", is_coordinator)
