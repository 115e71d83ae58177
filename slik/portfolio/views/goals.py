"""Plan goals and commissions from politicians: lists, pages and their forms."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from slik.core.audit import history_for
from slik.core.concurrency import LoadedIdsField, form_save, form_status, is_stale, reload_hidden
from slik.core.pagination import paginate
from slik.organisations.access import post_only, require

from ..forms.goals import (
    CommissionCasesForm,
    CommissionFilterForm,
    CommissionForm,
    CommissionStatusForm,
    GoalFilterForm,
    PlanGoalForm,
)
from ..models import Commission
from ..selectors import goals as selectors
from ..services import goals as services
from .access import access_commission, access_goal
from .rows import commission_table_rows, goal_table_rows

VIEW_GOAL, CHANGE_GOAL = "portfolio.view_plan_goal", "portfolio.change_plan_goal"
VIEW_COMMISSION = "portfolio.view_commission"
ADD_COMMISSION, CHANGE_COMMISSION = "portfolio.add_commission", "portfolio.change_commission"
HISTORY = "core.view_history"


def goal_url(org_slug, goal_id):
    return reverse("portfolio:goal_detail", kwargs={"org_slug": org_slug, "goal_id": goal_id})


def commission_url(org_slug, commission_id):
    return reverse(
        "portfolio:commission_detail",
        kwargs={"org_slug": org_slug, "commission_id": commission_id},
    )


def _links(data: dict, names) -> dict:
    return {name: data.pop(name) for name in names}


# Plan goals ------------------------------------------------------------------------------


def goal_list(request, org_slug):
    require(request.user, VIEW_GOAL, request.organisation)
    filter_form = GoalFilterForm(request.GET or None)
    filters = filter_form.cleaned_data if filter_form.is_valid() else {}
    goals = selectors.goal_list(
        actor=request.user,
        organisation=request.organisation,
        query=filters.get("q", ""),
        source=filters.get("source", ""),
        year=filters.get("year"),
    )
    years = selectors.goal_years(organisation=request.organisation)
    paginator = Paginator(goals, settings.PAGE_SIZE)  # as slik.core.pagination.paginate
    if not any(filters.values()):
        paginator.count = sum(years.values())  # every goal: counted with the years
    page = paginator.get_page(request.GET.get("side"))
    context = {
        "filter_form": filter_form,
        "page": page,
        "rows": goal_table_rows(page, org_slug),
        "years": list(years),
        "may_change": request.user.has_perm(CHANGE_GOAL, request.organisation),
    }
    return render(request, "portfolio/goal_list.html", context)


def _save_goal(request, form, goal=None):
    data = dict(form.cleaned_data)
    links = _links(data, ("cases", "benefits"))
    if goal is None:
        return form_save(
            form,
            lambda: services.plan_goal_create(
                actor=request.user, organisation=request.organisation, **links, **data
            ),
        )
    return form_save(
        form, lambda: services.plan_goal_update(actor=request.user, goal=goal, **links, **data)
    )


@require_http_methods(["GET", "POST"])
def goal_create(request, org_slug):
    require(request.user, CHANGE_GOAL, request.organisation)
    form = PlanGoalForm(request.POST or None, organisation=request.organisation)
    if request.method == "POST" and form.is_valid() and (goal := _save_goal(request, form)):
        messages.success(request, _("The plan goal was registered."))
        return redirect(goal_url(org_slug, goal.pk))
    cancel_url = reverse("portfolio:goal_list", kwargs={"org_slug": org_slug})
    return render(request, "portfolio/goal_form.html", {"form": form, "cancel_url": cancel_url})


@require_http_methods(["GET", "POST"])
def goal_edit(request, org_slug, goal_id):
    goal = access_goal(request, goal_id, CHANGE_GOAL)
    form = PlanGoalForm(request.POST or None, instance=goal, organisation=request.organisation)
    if request.method == "POST" and form.is_valid() and _save_goal(request, form, goal):
        messages.success(request, _("The plan goal was saved."))
        return redirect(goal_url(org_slug, goal.pk))
    context = {"form": form, "goal": goal, "cancel_url": goal_url(org_slug, goal.pk)}
    return render(request, "portfolio/goal_form.html", context, status=form_status(form))


def goal_detail(request, org_slug, goal_id):
    goal = access_goal(request, goal_id)
    context = {
        "goal": goal,
        "contribution": selectors.goal_contribution(goal=goal, actor=request.user),
        "commissions": goal.commissions.order_by("-decided_on"),
        "may_change": request.user.has_perm(CHANGE_GOAL, goal),
        "history": history_for(goal) if request.user.has_perm(HISTORY, goal) else None,
    }
    return render(request, "portfolio/goal_detail.html", context)


@require_http_methods(["GET", "POST"])
def goal_delete(request, org_slug, goal_id):
    goal = access_goal(request, goal_id, CHANGE_GOAL)
    if request.method == "POST":
        services.plan_goal_delete(actor=request.user, goal=goal)
        messages.success(request, _("The plan goal was deleted."))
        return redirect("portfolio:goal_list", org_slug=org_slug)
    context = {"object": goal, "cancel_url": goal_url(org_slug, goal.pk)}
    return render(request, "includes/confirm_delete.html", context)


# Commissions -----------------------------------------------------------------------------


def commission_list(request, org_slug):
    require(request.user, VIEW_COMMISSION, request.organisation)
    filter_form = CommissionFilterForm(request.GET or None)
    filters = filter_form.cleaned_data if filter_form.is_valid() else {}
    items = selectors.commissions(
        actor=request.user,
        organisation=request.organisation,
        query=filters.get("q", ""),
        status=filters.get("status", ""),
        body=filters.get("body", ""),
    )
    page = paginate(request, items)
    context = {
        "filter_form": filter_form,
        "page": page,
        "rows": commission_table_rows(page, org_slug),
        "may_add": request.user.has_perm(ADD_COMMISSION, request.organisation),
    }
    return render(request, "portfolio/commission_list.html", context)


def _save_commission(request, form, commission=None):
    data = dict(form.cleaned_data)
    links = _links(data, ("challenges", "plan_goals"))
    if commission is None:
        return form_save(
            form,
            lambda: services.commission_create(
                actor=request.user, organisation=request.organisation, **links, **data
            ),
        )
    return form_save(
        form,
        lambda: services.commission_update(
            actor=request.user, commission=commission, **links, **data
        ),
    )


@require_http_methods(["GET", "POST"])
def commission_create(request, org_slug):
    require(request.user, ADD_COMMISSION, request.organisation)
    form = CommissionForm(request.POST or None, organisation=request.organisation)
    saved = request.method == "POST" and form.is_valid() and _save_commission(request, form)
    if saved:
        messages.success(request, _("The commission was registered."))
        return redirect(commission_url(org_slug, saved.pk))
    cancel_url = reverse("portfolio:commission_list", kwargs={"org_slug": org_slug})
    context = {"form": form, "cancel_url": cancel_url}
    return render(request, "portfolio/commission_form.html", context)


@require_http_methods(["GET", "POST"])
def commission_edit(request, org_slug, commission_id):
    commission = access_commission(request, commission_id, CHANGE_COMMISSION)
    form = CommissionForm(
        request.POST or None, instance=commission, organisation=request.organisation
    )
    saved = (
        request.method == "POST" and form.is_valid() and _save_commission(request, form, commission)
    )
    if saved:
        messages.success(request, _("The commission was saved."))
        return redirect(commission_url(org_slug, commission.pk))
    context = {
        "form": form,
        "commission": commission,
        "cancel_url": commission_url(org_slug, commission.pk),
    }
    return render(request, "portfolio/commission_form.html", context, status=form_status(form))


def commission_detail(request, org_slug, commission_id, status_form=None, cases_form=None):
    commission = access_commission(request, commission_id)
    may_change = request.user.has_perm(CHANGE_COMMISSION, commission)
    if may_change:
        status_form = status_form or CommissionStatusForm(instance=commission)
        cases_form = cases_form or CommissionCasesForm(
            organisation=request.organisation,
            linked=commission.cases.values_list("pk", flat=True),
        )
    context = {
        "commission": commission,
        **selectors.commission_links(commission=commission, actor=request.user),
        "may_change": may_change,
        "status_form": status_form,
        "cases_form": cases_form,
        "history": history_for(commission) if request.user.has_perm(HISTORY, commission) else None,
    }
    return render(request, "portfolio/commission_detail.html", context)


def commission_status(request, org_slug, commission_id):
    commission = access_commission(request, commission_id, CHANGE_COMMISSION)
    if refused := post_only(request):
        return refused
    form = CommissionStatusForm(request.POST, instance=Commission.objects.get(pk=commission.pk))
    if form.is_valid() and form_save(
        form,
        lambda: services.commission_set_status(
            actor=request.user, commission=commission, **form.cleaned_data
        ),
    ):
        messages.success(request, _("The status was saved."))
        return redirect(commission_url(org_slug, commission.pk))
    if is_stale(form):  # shown again with the status as it is now
        reload_hidden(form, expected_status=commission.status)
    response = commission_detail(request, org_slug, commission.pk, status_form=form)
    response.status_code = form_status(form)
    return response


def commission_cases(request, org_slug, commission_id):
    commission = access_commission(request, commission_id, CHANGE_COMMISSION)
    if refused := post_only(request):
        return refused
    form = CommissionCasesForm(request.POST, organisation=request.organisation)
    if form.is_valid() and form_save(
        form,
        lambda: services.commission_link_cases(
            actor=request.user,
            commission=commission,
            cases=form.cleaned_data["cases"],
            loaded=form.cleaned_data["loaded_cases"],
        ),
    ):
        messages.success(request, _("The cases answering the commission were saved."))
        return redirect(commission_url(org_slug, commission.pk))
    if is_stale(form):  # shown again with the answer as it is now
        linked = commission.cases.values_list("pk", flat=True)
        reload_hidden(form, loaded_cases=LoadedIdsField.shown(linked))
    response = commission_detail(request, org_slug, commission.pk, cases_form=form)
    response.status_code = form_status(form)
    return response


@require_http_methods(["GET", "POST"])
def commission_delete(request, org_slug, commission_id):
    commission = access_commission(request, commission_id, CHANGE_COMMISSION)
    if request.method == "POST":
        services.commission_delete(actor=request.user, commission=commission)
        messages.success(request, _("The commission was deleted."))
        return redirect("portfolio:commission_list", org_slug=org_slug)
    context = {"object": commission, "cancel_url": commission_url(org_slug, commission.pk)}
    return render(request, "includes/confirm_delete.html", context)
