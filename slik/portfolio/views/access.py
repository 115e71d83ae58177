"""Fetching board meetings, plan goals and commissions of the current tenant.

All through the one access helper: the tenant in the query, a foreign, missing or unviewable
id is a 404, lacking the change permission a 403.
"""

from slik.organisations.access import access_in_tenant

from ..models import BoardMeeting, Commission, PlanGoal


def access_meeting(request, meeting_id, perm: str | None = None) -> BoardMeeting:
    return access_in_tenant(
        request,
        BoardMeeting.objects.all(),
        view="portfolio.view_board_meeting",
        perm=perm,
        pk=meeting_id,
    )


def access_goal(request, goal_id, perm: str | None = None) -> PlanGoal:
    return access_in_tenant(
        request,
        PlanGoal.objects.all(),
        view="portfolio.view_plan_goal",
        perm=perm,
        pk=goal_id,
    )


def access_commission(request, commission_id, perm: str | None = None) -> Commission:
    return access_in_tenant(
        request,
        Commission.objects.all(),
        view="portfolio.view_commission",
        perm=perm,
        pk=commission_id,
    )
