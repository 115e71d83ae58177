"""Portfolio permissions: the dashboard, capacity settings and status reports (role × action;
see tests/test_rules_a.py). Board meetings and plan goals add theirs in rules_board/rules_goals.

Status report permissions are checked against the report's case (it carries the organisation).
"""

import importlib

import rules

from slik.organisations.rules import (
    can_contribute,
    is_coordinator,
    is_management,
    is_member,
    is_politician,
    is_project_leader,
    is_staff_member,
)


@rules.predicate
def is_published_case(user, obj=None):
    return bool(getattr(obj, "is_published", False))


@rules.predicate
def is_case_owner_or_leader(user, obj=None):
    if obj is None or not getattr(user, "is_authenticated", False):
        return False
    return user.pk in (getattr(obj, "owner_id", None), getattr(obj, "leader_id", None))


# Politicians see the dashboard at aggregate level over published cases only.
rules.add_perm("portfolio.view_dashboard", is_member)
rules.add_perm("portfolio.view_dashboard_details", is_staff_member)
rules.add_perm("portfolio.manage_settings", is_coordinator)
rules.add_perm(
    "portfolio.view_status_report", is_staff_member | (is_politician & is_published_case)
)
rules.add_perm(
    "portfolio.change_status_report",
    is_management | is_project_leader | (can_contribute & is_case_owner_or_leader),
)
rules.add_perm("portfolio.publish_status_report", is_management)


def _load_optional(name: str) -> None:
    try:
        importlib.import_module(f"slik.portfolio.{name}")
    except ModuleNotFoundError as exc:
        if exc.name != f"slik.portfolio.{name}":
            raise


for _module in ("rules_board", "rules_goals"):
    _load_optional(_module)
