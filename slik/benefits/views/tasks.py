"""“My measurements”: the signed-in user's measurement tasks across their organisations."""

from django.db.models import Q
from django.shortcuts import render
from django.views.decorators.http import require_http_methods
from django_scopes import scope

from slik.core.pagination import paginate
from slik.organisations.access import require
from slik.organisations.tenancy import memberships_of

from ..services.reminders import my_tasks


@require_http_methods(["GET"])
def task_list(request, org_slug):
    require(request.user, "benefits.view_my_tasks", request.organisation)
    memberships = memberships_of(request.user)
    organisation_ids = list(memberships)
    show = request.GET.get("vis", "open")
    query = request.GET.get("q", "").strip()
    org_filter = request.GET.get("kommune", "")
    with scope(organisation=organisation_ids):
        tasks = my_tasks(
            user=request.user, organisation_ids=organisation_ids, include_done=show == "all"
        )
        if query:
            tasks = tasks.filter(
                Q(indicator__name__icontains=query)
                | Q(indicator__benefit__case__title__icontains=query)
            )
        if org_filter.isdigit() and int(org_filter) in memberships:
            tasks = tasks.filter(indicator__benefit__organisation_id=int(org_filter))
        page = paginate(request, tasks)
        page.object_list = list(page.object_list)
    return render(
        request,
        "benefits/tasks.html",
        {
            "page": page,
            "tasks": page.object_list,
            "show": show,
            "q": query,
            "org_filter": org_filter,
            "organisations": [m.organisation for m in memberships.values()],
        },
    )
