from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from slik.challenges.charts import stakeholder_grid_spec
from slik.core.audit import history_for
from slik.core.page_cache import cached_tenant_page
from slik.core.pagination import paginate
from slik.organisations.access import require

from .. import selectors, services
from ..forms import CaseForm
from ..models import Case, GateDecision, InnovationType, Phase
from ..panels import create_warnings, render_panels
from .access import access_case

FILTER_NAMES = ("q", "phase", "status", "innovation_type", "owner", "challenge")


def _filters(request) -> dict:
    filters = {name: request.GET.get(name, "").strip() for name in FILTER_NAMES}
    for name in ("phase", "owner", "challenge"):
        if not filters[name].isdigit():
            filters[name] = ""
    if filters["status"] not in Case.Status.values:
        filters["status"] = ""
    if filters["innovation_type"] not in InnovationType.values:
        filters["innovation_type"] = ""
    return filters


@cached_tenant_page
def case_list(request, org_slug):
    organisation = request.organisation
    require(request.user, "organisations.view_organisation", organisation)
    filters = _filters(request)
    cases = selectors.case_list(actor=request.user, organisation=organisation, filters=filters)
    page = paginate(request, cases)
    context = {
        "page": page,
        "cases": selectors.with_days_in_phase(page.object_list),
        "filters": filters,
        "phases": Phase.choices,
        "statuses": Case.Status.choices,
        "innovation_types": InnovationType.choices,
        "owners": selectors.member_users(organisation),
        "challenges": selectors.organisation_challenges(organisation),
        "may_add": request.user.has_perm("cases.add_case", organisation),
    }
    return render(request, "cases/case_list.html", context)


def _save_case(request, form, *, case=None):
    data = dict(form.cleaned_data)
    challenges = data.pop("challenges")
    try:
        if case is None:
            return services.case_create(
                actor=request.user,
                organisation=request.organisation,
                challenges=challenges,
                **data,
            )
        return services.case_update(actor=request.user, case=case, challenges=challenges, **data)
    except ValidationError as error:
        form.add_error(None, error)
        return None


@require_http_methods(["GET", "POST"])
def case_create(request, org_slug):
    require(request.user, "cases.add_case", request.organisation)
    form = CaseForm(request.POST or None, organisation=request.organisation)
    if request.method == "POST" and form.is_valid():
        case = _save_case(request, form)
        if case is not None:
            messages.success(request, _("The case was created."))
            return redirect("cases:detail", org_slug=org_slug, case_id=case.pk)
    context = {"form": form, "case": None, "warnings": create_warnings(request.organisation)}
    return render(request, "cases/case_form.html", context)


@require_http_methods(["GET", "POST"])
def case_edit(request, org_slug, case_id):
    case = access_case(request, case_id, "cases.change_case")
    form = CaseForm(request.POST or None, instance=case, organisation=request.organisation)
    if request.method == "POST" and form.is_valid():
        case.refresh_from_db()
        if _save_case(request, form, case=case) is not None:
            messages.success(request, _("The case was saved."))
            return redirect("cases:detail", org_slug=org_slug, case_id=case.pk)
    return render(request, "cases/case_form.html", {"form": form, "case": case})


def _stakeholder_chart(stakeholders):
    return stakeholder_grid_spec(stakeholders) if stakeholders else None


@cached_tenant_page
def case_detail(request, org_slug, case_id):
    case = selectors.case_detail(
        actor=request.user, organisation=request.organisation, case_id=case_id
    )
    require(request.user, "cases.view_case", case)
    n3_checks = list(case.n3_checks.all())
    stakeholders = list(case.stakeholders.all())
    context = {
        "case": case,
        "track": selectors.phase_track(case),
        "checklist": selectors.checklist_for(case),
        "n3_latest": n3_checks[0] if n3_checks else None,
        "n3_checks": n3_checks,
        "stakeholders": stakeholders,
        "stakeholder_spec": _stakeholder_chart(stakeholders),
        "history": history_for(case),
        "may_change": request.user.has_perm("cases.change_case", case),
        "may_decide": request.user.has_perm("cases.decide_gate", case)
        and case.status != Case.Status.STOPPED,
        "may_publish": request.user.has_perm("cases.publish_case", case),
        "may_history": request.user.has_perm("core.view_history", case),
        "decision_back": GateDecision.Decision.BACK,
        "panels": render_panels(request, case),
    }
    return render(request, "cases/case_detail.html", context)


@require_POST
def case_checklist(request, org_slug, case_id):
    case = access_case(request, case_id, "cases.change_case")
    services.case_checklist_set(
        actor=request.user,
        case=case,
        phase=case.phase,
        done_step_ids=[pk for pk in request.POST.getlist("done") if pk.isdigit()],
    )
    if request.htmx:
        case = selectors.case_detail(
            actor=request.user, organisation=request.organisation, case_id=case.pk
        )
        context = {"case": case, "checklist": selectors.checklist_for(case), "may_change": True}
        return render(request, "cases/case_detail.html#checklist", context)
    messages.success(request, _("The checklist was saved."))
    return redirect("cases:detail", org_slug=org_slug, case_id=case.pk)


@require_http_methods(["GET", "POST"])
def case_publish(request, org_slug, case_id):
    case = access_case(request, case_id, "cases.publish_case")
    if request.method == "POST":
        publish = request.POST.get("publish") == "1"
        services.case_publish(actor=request.user, case=case, is_published=publish)
        messages.success(
            request,
            _("The case is published to politicians.")
            if publish
            else _("The case is no longer published to politicians."),
        )
        return redirect("cases:detail", org_slug=org_slug, case_id=case.pk)
    return render(request, "cases/case_publish.html", {"case": case})
