"""Add, change and delete the records of a case; one set of views for every kind."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from slik.core.concurrency import form_save, form_status

from .. import forms, services
from .access import access_case, access_child

# kind → (form class, related name on Case, URL id kwarg, whether the form needs the org)
KINDS = {
    "insight": (forms.InsightForm, "insights", "insight_id", False),
    "hypothesis": (forms.HypothesisForm, "hypotheses", "hypothesis_id", False),
    "decision": (forms.CaseDecisionForm, "decisions", "decision_id", False),
    "n3": (forms.N3CheckForm, "n3_checks", "n3_id", False),
    "responsibility": (forms.ResponsibilityForm, "responsibilities", "responsibility_id", True),
    "stakeholder": (forms.StakeholderForm, "stakeholders", "stakeholder_id", False),
}


def _form(request, kind, instance=None):
    form_class, _related, _id, needs_org = KINDS[kind]
    extra = {"organisation": request.organisation} if needs_org else {}
    return form_class(request.POST or None, instance=instance, **extra)


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
    form = _form(request, kind)
    if request.method == "POST" and form.is_valid():
        try:
            services.case_record_create(
                actor=request.user, case=case, kind=kind, values=_values(form)
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _done(request, case, _("Saved."))
    return render(request, "cases/record_form.html", {"case": case, "form": form, "kind": kind})


@require_http_methods(["GET", "POST"])
def record_edit(request, org_slug, case_id, kind, **kwargs):
    case = access_case(request, case_id, "cases.change_case")
    record = _record(case, kind, kwargs)
    form = _form(request, kind, instance=record)
    if request.method == "POST" and form.is_valid():
        saved = form_save(
            form,
            lambda: services.case_record_update(
                actor=request.user,
                record=record,
                values=_values(form),
                version=form.cleaned_data["version"],
            ),
        )
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
    if request.method == "POST":
        services.case_record_delete(actor=request.user, record=record)
        return _done(request, case, _("Deleted."))
    cancel_url = redirect("cases:detail", org_slug=org_slug, case_id=case.pk).url
    return render(
        request,
        "includes/confirm_delete.html",
        {"object": record, "cancel_url": cancel_url, "case": case},
    )
