"""The benefits of a case: list, create, edit, status, delete, and one benefit's page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from slik.core.audit import history_for
from slik.core.concurrency import form_save, form_status, is_stale, reload_hidden
from slik.core.pagination import paginate
from slik.organisations.access import post_only

from .. import selectors, services
from ..filters import CaseBenefitFilterForm
from ..forms import BenefitForm, BenefitStatusForm
from ..models import Benefit
from ..panels import benefit_cards
from .access import access_benefit, access_case


def case_benefits_url(org_slug, case_id):
    return reverse("benefits:case_benefits", kwargs={"org_slug": org_slug, "case_id": case_id})


def benefit_url(org_slug, benefit_id):
    return reverse("benefits:benefit", kwargs={"org_slug": org_slug, "benefit_id": benefit_id})


def case_benefit_list(request, org_slug, case_id):
    case = access_case(request, case_id)
    benefits = selectors.benefits_for_case(organisation=request.organisation, case=case)
    filter_form = CaseBenefitFilterForm(request.GET)
    filters = filter_form.filters()
    query, status = filters["q"].lower(), filters["status"]
    if query or status:
        benefits = [
            b
            for b in benefits
            if (not query or query in b.title.lower()) and (not status or b.status == status)
        ]
    page = paginate(request, benefits)
    context = {
        "case": case,
        "filter_form": filter_form,
        "page": page,
        "benefit_cards": benefit_cards(page.object_list, org_slug=org_slug),
        "may_change": request.user.has_perm("benefits.change_benefit", case),
    }
    return render(request, "benefits/case_benefits.html", context)


def _save_warnings(request, benefit):
    for warning in services.benefit_warnings(benefit):
        messages.warning(request, warning)


def benefit_create(request, org_slug, case_id):
    case = access_case(request, case_id, "benefits.change_benefit")
    form = BenefitForm(request.POST or None, organisation=request.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            benefit = services.benefit_create(actor=request.user, case=case, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The benefit was added."))
            _save_warnings(request, benefit)
            return redirect(benefit_url(org_slug, benefit.pk))
    context = {"form": form, "case": case, "cancel_url": case_benefits_url(org_slug, case.pk)}
    return render(request, "benefits/benefit_form.html", context)


def benefit_edit(request, org_slug, benefit_id):
    benefit = access_benefit(request, benefit_id, "benefits.change_benefit")
    form = BenefitForm(request.POST or None, instance=benefit, organisation=request.organisation)
    saved = (
        request.method == "POST"
        and form.is_valid()
        and form_save(
            form,
            lambda: services.benefit_update(
                actor=request.user, benefit=benefit, **form.cleaned_data
            ),
        )
    )
    if saved:
        messages.success(request, _("The benefit was saved."))
        _save_warnings(request, benefit)
        return redirect(benefit_url(org_slug, benefit.pk))
    context = {
        "form": form,
        "case": benefit.case,
        "benefit": benefit,
        "cancel_url": benefit_url(org_slug, benefit.pk),
    }
    return render(request, "benefits/benefit_form.html", context, status=form_status(form))


def benefit_detail(request, org_slug, benefit_id, status_form=None):
    benefit = access_benefit(request, benefit_id)
    benefit = selectors.benefit_detail(organisation=request.organisation, benefit_id=benefit.pk)
    may_change = request.user.has_perm("benefits.change_benefit", benefit)
    context = {
        "benefit": benefit,
        "case": benefit.case,
        "pitfalls": benefit.pitfalls,
        "may_change": may_change,
        "may_record": request.user.has_perm("benefits.record_measurement", benefit),
        "status_form": status_form or (BenefitStatusForm(instance=benefit) if may_change else None),
        "history": history_for(benefit),
    }
    status = (form_status(status_form) if is_stale(status_form) else 400) if status_form else 200
    return render(request, "benefits/benefit_detail.html", context, status=status)


def benefit_status(request, org_slug, benefit_id):
    benefit = access_benefit(request, benefit_id, "benefits.change_benefit")
    if not_allowed := post_only(request):
        return not_allowed
    form = BenefitStatusForm(request.POST, instance=Benefit(pk=benefit.pk))
    if form.is_valid() and form_save(
        form,
        lambda: services.benefit_set_status(
            actor=request.user, benefit=benefit, **form.cleaned_data
        ),
    ):
        messages.success(request, _("The status was saved."))
        return redirect(benefit_url(org_slug, benefit.pk))
    if is_stale(form):  # shown again with the pair as it is now
        reload_hidden(form, expected_status=benefit.status, expected_progress=benefit.progress)
    return benefit_detail(request, org_slug, benefit_id, status_form=form)


def benefit_delete(request, org_slug, benefit_id):
    benefit = access_benefit(request, benefit_id, "benefits.change_benefit")
    back = case_benefits_url(org_slug, benefit.case_id)
    if request.method == "POST":
        services.benefit_delete(actor=request.user, benefit=benefit)
        messages.success(request, _("The benefit was deleted."))
        return redirect(back)
    return render(
        request,
        "includes/confirm_delete.html",
        {"object": benefit, "cancel_url": benefit_url(org_slug, benefit.pk)},
    )
