"""Fetching board meetings, plan goals and commissions of the current tenant.

The lookup filters by tenant in the query; a foreign or missing id is a 404, and so is an
object the actor may not see at all. Lacking the change permission is a 403.
"""

from django.http import Http404, HttpResponseNotAllowed
from django.urls import NoReverseMatch, reverse

from slik.organisations.access import get_in_tenant, require

from ..models import BoardMeeting, Commission, PlanGoal


def _access(request, queryset, view_perm, perm, **lookup):
    obj = get_in_tenant(queryset, request.organisation, **lookup)
    if not request.user.has_perm(view_perm, obj):
        raise Http404
    if perm and perm != view_perm:
        require(request.user, perm, obj)
    return obj


def access_meeting(request, meeting_id, perm: str = "") -> BoardMeeting:
    return _access(
        request,
        BoardMeeting.objects.select_related("organisation"),
        "portfolio.view_board_meeting",
        perm,
        pk=meeting_id,
    )


def access_goal(request, goal_id, perm: str = "") -> PlanGoal:
    return _access(
        request,
        PlanGoal.objects.select_related("organisation"),
        "portfolio.view_plan_goal",
        perm,
        pk=goal_id,
    )


def access_commission(request, commission_id, perm: str = "") -> Commission:
    return _access(
        request,
        Commission.objects.select_related("organisation"),
        "portfolio.view_commission",
        perm,
        pk=commission_id,
    )


def post_only(request):
    """405 for anything but POST – checked after the lookup, so a foreign id is still a 404."""
    return None if request.method == "POST" else HttpResponseNotAllowed(["POST"])


def report_url(org_slug: str, key: str, fmt: str, **parameters) -> str | None:
    """The download link of a registered report, or None while the reports app lacks it.

    The reports app owns the view `reports:render`; its kwargs are tried in the likely shapes
    and the parameters go into the query string.
    """
    query = "&".join(f"{name}={value}" for name, value in parameters.items())
    shapes = (
        {"key": key, "file_format": fmt},
        {"report_key": key, "fmt": fmt},
        {"key": key, "fmt": fmt},
        {"report_key": key, "format": fmt},
        {"key": key, "format": fmt},
        {"report_key": key},
        {"key": key},
    )
    for shape in shapes:
        try:
            url = reverse("reports:render", kwargs={"org_slug": org_slug, **shape})
        except NoReverseMatch:
            continue
        extra = "" if len(shape) > 1 else f"format={fmt}&"
        return f"{url}?{extra}{query}"
    return None
