"""Who may do what with innovation cases (role × action; see tests/test_rules.py).

The case predicates are defined here, once, on a `Case`. Apps whose objects belong to a case
(benefits, status reports) adapt them with `about_case(predicate, case_of)` instead of writing
their own: «who may read a case» and «the case's owner or leader» then mean the same everywhere.
"""

from __future__ import annotations

from collections.abc import Callable

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

from .models import Case


@rules.predicate
def is_published_case(user, case: Case | None = None) -> bool:
    return bool(case is not None and case.is_published)


@rules.predicate
def is_case_owner_or_leader(user, case: Case | None = None) -> bool:
    if case is None or not getattr(user, "is_authenticated", False):
        return False
    return user.pk in (case.owner_id, case.leader_id)


# Politicians read only what the administration has published; everyone inside reads all.
may_read_case = is_staff_member | (is_politician & is_published_case)
# Management changes every case; contributors change the cases they own or lead.
may_change_case = is_management | (can_contribute & is_case_owner_or_leader)


def about_case(predicate: rules.Predicate, case_of: Callable[[object], Case | None]):
    """`predicate` (on a Case) asked of an object that belongs to a case, such as a benefit.

    The organisation predicates combined into `predicate` see the case too, which carries the
    same organisation as the object.
    """

    @rules.predicate(name=f"{predicate.name}_about_case")
    def adapted(user, obj=None) -> bool:
        return predicate.test(user, case_of(obj) if obj is not None else None)

    return adapted


rules.add_perm("cases.view_case", may_read_case)
rules.add_perm("cases.add_case", is_coordinator | is_leader | is_project_leader)
rules.add_perm("cases.change_case", may_change_case)
rules.add_perm("cases.decide_gate", is_management)
rules.add_perm("cases.publish_case", is_management)
rules.add_perm("cases.view_roadmap", is_staff_member)
rules.add_perm("cases.change_roadmap", is_coordinator)
