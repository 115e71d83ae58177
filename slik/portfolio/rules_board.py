"""Permissions for board meetings, plan goals and political commissions (engineer B).

`obj` is the Organisation (lists, create) or the BoardMeeting / PlanGoal / Commission; an
agenda item is checked against its meeting.
"""

import rules

from slik.organisations.rules import is_management, is_member, is_staff_member

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
