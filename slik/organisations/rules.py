"""Who may do what, by role in the owning organisation.

Every predicate receives `(user, obj)` where `obj` is an Organisation or any tenant object with
`organisation_id`. A user with no membership in that organisation fails every predicate.
Apps add their own permissions in their `rules.py` using these predicates.
"""

import rules

from .models import Membership
from .tenancy import membership_for

Role = Membership.Role


def has_role(*roles):
    name = "has_role:" + ",".join(roles)

    @rules.predicate(name=name)
    def predicate(user, obj=None):
        membership = membership_for(user, obj)
        return membership is not None and membership.role in roles

    return predicate


is_member = has_role(*Role.values)
is_coordinator = has_role(Role.COORDINATOR)
is_leader = has_role(Role.LEADER)
is_project_leader = has_role(Role.PROJECT_LEADER)
is_employee = has_role(Role.EMPLOYEE)
is_politician = has_role(Role.POLITICIAN)
is_observer = has_role(Role.OBSERVER)
# Everyone who works inside the administration (politicians read only published material).
is_staff_member = has_role(
    Role.COORDINATOR, Role.LEADER, Role.PROJECT_LEADER, Role.EMPLOYEE, Role.OBSERVER
)
is_management = is_coordinator | is_leader
can_contribute = has_role(Role.COORDINATOR, Role.LEADER, Role.PROJECT_LEADER, Role.EMPLOYEE)

rules.add_perm("organisations.view_organisation", is_member)
rules.add_perm("organisations.manage_organisation", is_coordinator)
rules.add_perm("organisations.view_members", is_staff_member)
rules.add_perm("core.view_history", is_staff_member)
