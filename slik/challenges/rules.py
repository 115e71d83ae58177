"""Permissions for floker, key figures, the decision matrix and stakeholder analyses.

`obj` is a Challenge (or a tenant object of this app) or, for app-wide actions such as
creating a floke, the Organisation itself.
"""

import rules

from slik.organisations.models import Organisation
from slik.organisations.rules import (
    can_contribute,
    has_role,
    is_leader,
    is_management,
    is_member,
    is_politician,
    is_staff_member,
)

from .models import KeyFigure


@rules.predicate
def is_published(user, obj=None):
    """Organisation-wide lists are open to politicians; their rows are filtered by selectors."""
    if isinstance(obj, Organisation):
        return True
    return bool(getattr(obj, "is_published", False))


@rules.predicate
def is_owner(user, obj=None):
    owner_id = getattr(obj, "owner_id", None)
    return owner_id is not None and owner_id == getattr(user, "pk", None)


# Politicians read only what the administration has published; everyone inside reads all.
may_read_challenge = is_staff_member | (is_politician & is_published)


@rules.predicate
def may_read_figure_challenge(user, obj=None):
    """A figure of a floke is read by those who read the floke; the municipality's by all."""
    if not isinstance(obj, KeyFigure) or obj.challenge_id is None:
        return True
    return may_read_challenge.test(user, obj.challenge)


can_handle_stakeholders = has_role("coordinator", "leader", "project_leader")

rules.add_perm("challenges.view_challenge", may_read_challenge)
rules.add_perm("challenges.add_challenge", can_contribute)
rules.add_perm("challenges.change_challenge", is_management | (can_contribute & is_owner))
rules.add_perm("challenges.prioritise_challenge", is_management)
rules.add_perm("challenges.publish_challenge", is_management)
rules.add_perm("challenges.delete_challenge", is_management)
rules.add_perm("challenges.score_challenge", is_leader)
rules.add_perm("challenges.view_matrix", is_staff_member)
rules.add_perm("challenges.manage_criteria", is_management)
rules.add_perm("challenges.change_stakeholder", can_handle_stakeholders)
# Thought-provoking figures are public statistics: every member reads them (a floke's figures
# with the floke), contributors edit.
rules.add_perm("challenges.view_keyfigure", is_member & may_read_figure_challenge)
rules.add_perm("challenges.change_keyfigure", can_contribute)
