"""The personal calendar feed: a page to show/renew the secret address, and the feed itself."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from slik.organisations.access import require

from ..calendar import calendar_feed
from ..selectors import feed_tasks, user_for_token
from ..services.calendar import calendar_token_ensure, calendar_token_regenerate


@require_http_methods(["GET"])
def calendar_page(request, org_slug):
    require(request.user, "benefits.view_my_tasks", request.organisation)
    token = calendar_token_ensure(user=request.user)
    # The configured address, not the request's Host: the feed is read by a calendar app.
    feed_url = settings.SITE_URL + reverse("calendar:feed", kwargs={"token": token.token})
    return render(request, "benefits/tasks_calendar.html", {"feed_url": feed_url, "token": token})


@require_http_methods(["POST"])
def calendar_regenerate(request, org_slug):
    require(request.user, "benefits.view_my_tasks", request.organisation)
    calendar_token_regenerate(actor=request.user)
    messages.success(request, _("You have a new calendar address. The old one no longer works."))
    return redirect("benefits:calendar", org_slug=org_slug)


@never_cache
@require_http_methods(["GET", "HEAD"])
def calendar_feed_view(request, token):
    """No session needed: the secret token is the credential. Unknown token → 404."""
    user = user_for_token(token)
    if user is None:
        raise Http404
    response = HttpResponse(
        calendar_feed(feed_tasks(user=user)), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="slik-malinger.ics"'
    response["X-Robots-Tag"] = "noindex"
    return response
