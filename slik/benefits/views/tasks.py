"""“My measurements”: the signed-in user's measurement tasks across their organisations."""

from django.db.models import Q
from django.shortcuts import render
from django.views.decorators.http import require_http_methods
from django_scopes import scope

from slik.core.pagination import paginate
from slik.organisations.access import require
from slik.organisations.tenancy import memberships_of

from ..filters import TaskFilterForm
from ..services.reminders import my_tasks


@require_http_methods(["GET"])
def task_list(request, org_slug):
    require(request.user, "benefits.view_my_tasks", request.organisation)
    memberships = memberships_of(request.user)
    organisation_ids = list(memberships)
    organisations = [m.organisation for m in memberships.values()]
    filter_form = TaskFilterForm(request.GET, organisations=organisations)
    filters = filter_form.filters()
    with scope(organisation=organisation_ids):
        include_done = filters["vis"] == "all"
        tasks = my_tasks(
            user=request.user, organisation_ids=organisation_ids, include_done=include_done
        )
        if query := filters["q"]:
            tasks = tasks.filter(
                Q(indicator__name__icontains=query)
                | Q(indicator__benefit__case__title__icontains=query)
            )
        if filters["kommune"]:
            tasks = tasks.filter(indicator__benefit__organisation_id=filters["kommune"])
        page = paginate(request, tasks)
        page.object_list = list(page.object_list)
    return render(
        request,
        "benefits/tasks.html",
        {"page": page, "tasks": page.object_list, "filter_form": filter_form},
    )
