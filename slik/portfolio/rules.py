"""Portfolio permissions (role × action; see tests/test_rules.py).

`obj` is the Organisation for the dashboard, lists and creating; the BoardMeeting, PlanGoal or
Commission for one of those; the Case for its status reports (an agenda item is checked
against its meeting). Who may read or change a case is the cases app's rule, used as it is.
"""

import rules

from slik.cases.rules import may_change_case, may_read_case
from slik.organisations.rules import (
    is_coordinator,
    is_management,
    is_member,
    is_project_leader,
    is_staff_member,
)

# Politicians see the dashboard at aggregate level over published cases only.
rules.add_perm("portfolio.view_dashboard", is_member)
rules.add_perm("portfolio.view_dashboard_details", is_staff_member)
rules.add_perm("portfolio.manage_settings", is_coordinator)

# Status reports: whoever reads the case reads its reports; project leaders report on any case.
rules.add_perm("portfolio.view_status_report", may_read_case)
rules.add_perm("portfolio.change_status_report", may_change_case | is_project_leader)
rules.add_perm("portfolio.publish_status_report", is_management)

# The portfolio board's papers are internal to the administration.
rules.add_perm("portfolio.view_board_meeting", is_staff_member)
rules.add_perm("portfolio.change_board_meeting", is_management)
# Plan goals and commissions are political material: every member, politicians included.
rules.add_perm("portfolio.view_plan_goal", is_member)
rules.add_perm("portfolio.change_plan_goal", is_management)
rules.add_perm("portfolio.view_commission", is_member)
# The coordinator registers council decisions; the leader group follows them up.
rules.add_perm("portfolio.add_commission", is_management)
rules.add_perm("portfolio.change_commission", is_management)
