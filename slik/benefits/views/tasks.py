"""“My measurements”: the signed-in user's measurement tasks across their organisations."""

from django.shortcuts import render
from django.views.decorators.http import require_http_methods
from django_scopes import scope

from slik.core.pagination import paginate
from slik.organisations.access import require
from slik.organisations.tenancy import memberships_of

from ..filters import TaskFilterForm
from ..selectors import tasks_found


@require_http_methods(["GET"])
def task_list(request, org_slug):
    require(request.user, "benefits.view_my_tasks", request.organisation)
    memberships = memberships_of(request.user)
    organisation_ids = list(memberships)
    organisations = [m.organisation for m in memberships.values()]
    filter_form = TaskFilterForm(request.GET, organisations=organisations)
    with scope(organisation=organisation_ids):
        tasks = tasks_found(
            user=request.user, organisation_ids=organisation_ids, filters=filter_form.filters()
        )
        page = paginate(request, tasks)
        page.object_list = list(page.object_list)
    return render(
        request,
        "benefits/tasks.html",
        {"page": page, "tasks": page.object_list, "filter_form": filter_form},
    )
