"""Add, change and delete the records of a case; one set of views for every kind."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from slik.core.concurrency import form_save, form_status

from .. import forms, services
from .access import access_case, access_child

# kind → (form class, related name on Case, URL id kwarg, what the form needs: org or case)
KINDS = {
    "insight": (forms.InsightForm, "insights", "insight_id", None),
    "hypothesis": (forms.HypothesisForm, "hypotheses", "hypothesis_id", None),
    "decision": (forms.CaseDecisionForm, "decisions", "decision_id", "case"),
    "n3": (forms.N3CheckForm, "n3_checks", "n3_id", None),
    "responsibility": (
        forms.ResponsibilityForm,
        "responsibilities",
        "responsibility_id",
        "organisation",
    ),
    "stakeholder": (forms.StakeholderForm, "stakeholders", "stakeholder_id", None),
}


def _form(request, kind, case, instance=None, initial=None):
    form_class, _related, _id, needs = KINDS[kind]
    extra = {}
    if needs == "organisation":
        extra["organisation"] = request.organisation
    elif needs == "case":
        extra["case"] = case
    return form_class(request.POST or None, instance=instance, initial=initial, **extra)


def _locked(request, case, record, refusal):
    """The answer to changing an entry of approved minutes: why not, and how to correct it."""
    context = {"case": case, "record": record, "refusal": refusal}
    return render(request, "cases/record_locked.html", context, status=409)


def _corrected(case, kind, request):
    """The entry a new decision corrects (`?corrects=<id>`), or None."""
    if kind != "decision":
        return None
    pk = request.POST.get("corrects") or request.GET.get("corrects")
    return access_child(case.decisions.all(), pk) if pk else None


def _record(case, kind, kwargs):
    _form_class, related, id_kwarg, _needs_org = KINDS[kind]
    return access_child(getattr(case, related).all(), kwargs[id_kwarg])


def _done(request, case, message):
    messages.success(request, message)
    return redirect("cases:detail", org_slug=request.organisation.slug, case_id=case.pk)


def _values(form):
    return {name: form.cleaned_data[name] for name in form.Meta.fields}


@require_http_methods(["GET", "POST"])
def record_add(request, org_slug, case_id, kind):
    case = access_case(request, case_id, "cases.change_case")
    corrected = _corrected(case, kind, request)
    initial = {"corrects": corrected.pk} if corrected else None
    if corrected and request.method == "GET":
        initial.update(decided_by=corrected.decided_by)
    form = _form(request, kind, case, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.case_record_create(
                actor=request.user, case=case, kind=kind, values=_values(form)
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _done(request, case, _("Saved."))
    context = {"case": case, "form": form, "kind": kind, "corrected": corrected}
    if corrected:
        context["correction_note"] = services.correction_note(corrected)
    return render(request, "cases/record_form.html", context)


@require_http_methods(["GET", "POST"])
def record_edit(request, org_slug, case_id, kind, **kwargs):
    case = access_case(request, case_id, "cases.change_case")
    record = _record(case, kind, kwargs)
    if refusal := services.record_locked_refusal(record):
        return _locked(request, case, record, refusal)
    form = _form(request, kind, case, instance=record)
    if request.method == "POST" and form.is_valid():
        try:
            saved = form_save(
                form,
                lambda: services.case_record_update(
                    actor=request.user,
                    record=record,
                    values=_values(form),
                    version=form.cleaned_data["version"],
                ),
            )
        except services.RecordLocked as locked:  # the minutes were approved a moment ago
            return _locked(request, case, record, locked.message)
        if saved:
            return _done(request, case, _("Saved."))
    return render(
        request,
        "cases/record_form.html",
        {"case": case, "form": form, "kind": kind, "record": record},
        status=form_status(form),
    )


@require_http_methods(["GET", "POST"])
def record_delete(request, org_slug, case_id, kind, **kwargs):
    case = access_case(request, case_id, "cases.change_case")
    record = _record(case, kind, kwargs)
    if refusal := services.record_locked_refusal(record):
        return _locked(request, case, record, refusal)
    if request.method == "POST":
        try:
            services.case_record_delete(actor=request.user, record=record)
        except services.RecordLocked as locked:  # the minutes were approved a moment ago
            return _locked(request, case, record, locked.message)
        return _done(request, case, _("Deleted."))
    cancel_url = redirect("cases:detail", org_slug=org_slug, case_id=case.pk).url
    return render(
        request,
        "includes/confirm_delete.html",
        {"object": record, "cancel_url": cancel_url, "case": case},
    )
