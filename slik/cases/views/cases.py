from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from slik.challenges.charts import stakeholder_grid_spec
from slik.core.audit import history_for
from slik.core.concurrency import form_save, form_status
from slik.core.links import link_maker
from slik.core.pagination import paginate
from slik.organisations.access import post_only, require

from .. import selectors, services
from ..filters import CaseFilterForm
from ..forms import CaseForm
from ..models import GateDecision
from ..panels import create_warnings, panel_keys
from .access import access_case


def case_list(request, org_slug):
    organisation = request.organisation
    require(request.user, "organisations.view_organisation", organisation)
    filter_form = CaseFilterForm(request.GET, actor=request.user, organisation=organisation)
    cases = selectors.case_list(
        actor=request.user, organisation=organisation, filters=filter_form.filters()
    )
    page = paginate(request, cases)
    # The rows' links from one `reverse`, not one `{% url %}` per row.
    detail = link_maker("cases:detail", id_name="case_id", org_slug=org_slug)
    for case in page.object_list:
        case.detail_url = detail(case.pk)
    context = {
        "page": page,
        "cases": selectors.with_days_in_phase(page.object_list),
        "filter_form": filter_form,
        "may_add": request.user.has_perm("cases.add_case", organisation),
    }
    return render(request, "cases/case_list.html", context)


def _save_case(request, form, *, case=None):
    data = dict(form.cleaned_data)
    challenges = data.pop("challenges")
    if case is None:
        return form_save(
            form,
            lambda: services.case_create(
                actor=request.user,
                organisation=request.organisation,
                challenges=challenges,
                **data,
            ),
        )
    return form_save(
        form,
        lambda: services.case_update(actor=request.user, case=case, challenges=challenges, **data),
    )


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
    saved = request.method == "POST" and form.is_valid() and _save_case(request, form, case=case)
    if saved:
        messages.success(request, _("The case was saved."))
        return redirect("cases:detail", org_slug=org_slug, case_id=case.pk)
    context = {"form": form, "case": case}
    return render(request, "cases/case_form.html", context, status=form_status(form))


def _stakeholder_chart(stakeholders):
    return stakeholder_grid_spec(stakeholders) if stakeholders else None


def case_detail(request, org_slug, case_id):
    case = selectors.case_detail(
        actor=request.user, organisation=request.organisation, case_id=case_id
    )
    require(request.user, "cases.view_case", case)
    n3_checks = list(case.n3_checks.all())
    stakeholders = list(case.stakeholders.all())
    may_history = request.user.has_perm("core.view_history", case)
    context = {
        "case": case,
        "track": selectors.phase_track(case),
        "checklist": selectors.checklist_for(case),
        "n3_latest": n3_checks[0] if n3_checks else None,
        "n3_checks": n3_checks,
        "stakeholders": stakeholders,
        "stakeholder_spec": _stakeholder_chart(stakeholders),
        "history": history_for(case) if may_history else None,
        "may_change": request.user.has_perm("cases.change_case", case),
        "may_decide": request.user.has_perm("cases.decide_gate", case)
        and services.case_accepts_decisions(case),
        "may_publish": request.user.has_perm("cases.publish_case", case),
        "may_history": may_history,
        "decision_back": GateDecision.Decision.BACK,
        "panel_keys": panel_keys(),
    }
    return render(request, "cases/case_detail.html", context)


def _ids(request, name) -> list[int]:
    return [int(pk) for pk in request.POST.getlist(name) if pk.isascii() and pk.isdigit()]


def _checklist_status(case, step_ids, done_ids) -> str:
    """What the live region under the checklist says after one box was ticked or unticked."""
    steps = {row["step"].pk: row["step"] for row in selectors.checklist_for(case)}
    named = [steps[pk] for pk in step_ids if pk in steps]
    if not named:
        return _(
            "The case has moved to %(phase)s since you opened the page; reload it to see the "
            "checklist of that phase."
        ) % {"phase": case.get_phase_display()}
    texts = [
        (
            _("“%(step)s” is marked as done.")
            if step.pk in done_ids
            else _("“%(step)s” is marked as not done.")
        )
        % {"step": step.text}
        for step in named
    ]
    return " ".join(texts)


def case_checklist(request, org_slug, case_id):
    case = access_case(request, case_id, "cases.change_case")
    if not_allowed := post_only(request):
        return not_allowed
    # `shown`: the steps this post is about (one box with htmx, the page's boxes without). A
    # post naming none changes none: setting the whole phase from an old or hand-made page
    # would untick what others ticked meanwhile.
    step_ids = _ids(request, "shown")
    done_ids = _ids(request, "done")
    services.case_checklist_set(
        actor=request.user, case=case, phase=case.phase, done_step_ids=done_ids, step_ids=step_ids
    )
    if request.htmx:
        status = _checklist_status(case, step_ids, set(done_ids))
        return render(request, "cases/case_detail.html#checklist_status", {"status": status})
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
