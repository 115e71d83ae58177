"""Status reports of a case: list, create, edit and delete drafts, publish."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from slik.cases.views.access import access_case, access_child
from slik.core.audit import history_for
from slik.core.concurrency import form_save, form_status
from slik.core.pagination import paginate

from .. import services
from ..forms.status import StatusReportForm
from ..models import StatusLevel
from ..selectors.status import status_report_rows, status_reports_for_case
from .rows import status_table_rows


def _access_report(request, case_id, report_id, perm="portfolio.view_status_report"):
    """The case (visible to the actor) and one of its reports; a draft is 404 for politicians."""
    case = access_case(request, case_id, perm)
    report = access_child(status_reports_for_case(actor=request.user, case=case), report_id)
    return case, report


def _detail(request, case, report):
    return redirect(
        "portfolio:status_detail",
        org_slug=request.organisation.slug,
        case_id=case.pk,
        report_id=report.pk,
    )


def status_list(request, org_slug, case_id):
    case = access_case(request, case_id, "portfolio.view_status_report")
    page = paginate(request, status_report_rows(actor=request.user, case=case))
    context = {
        "case": case,
        "page": page,
        "rows": status_table_rows(page, org_slug, case.pk),
        "may_add": request.user.has_perm("portfolio.change_status_report", case),
    }
    return render(request, "portfolio/status_list.html", context)


def status_detail(request, org_slug, case_id, report_id):
    case, report = _access_report(request, case_id, report_id)
    user = request.user
    context = {
        "case": case,
        "report": report,
        "dimensions": _dimensions(report),
        "may_change": not services.status_report_change_refusal(report)
        and user.has_perm("portfolio.change_status_report", case),
        "may_publish": report.published_at is None
        and user.has_perm("portfolio.publish_status_report", case),
        "history": history_for(report) if user.has_perm("core.view_history", case) else None,
    }
    return render(request, "portfolio/status_detail.html", context)


def _dimensions(report) -> list[dict]:
    levels = dict(StatusLevel.choices)
    fields = report._meta
    return [
        {
            "name": name,
            "label": fields.get_field(name).verbose_name,
            "level": getattr(report, name),
            "level_label": levels.get(getattr(report, name), ""),
            "comment": getattr(report, f"{name}_comment"),
        }
        for name in report.DIMENSIONS
    ]


@require_http_methods(["GET", "POST"])
def status_create(request, org_slug, case_id):
    case = access_case(request, case_id, "portfolio.change_status_report")
    form = StatusReportForm(request.POST or None, initial={"reported_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            report = services.status_report_create(
                actor=request.user, case=case, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The status report was saved as a draft."))
            return _detail(request, case, report)
    return render(request, "portfolio/status_form.html", {"case": case, "form": form})


@require_http_methods(["GET", "POST"])
def status_edit(request, org_slug, case_id, report_id):
    case, report = _access_report(request, case_id, report_id, "portfolio.change_status_report")
    if refusal := services.status_report_change_refusal(report):
        messages.error(request, refusal)
        return _detail(request, case, report)
    form = StatusReportForm(request.POST or None, instance=report)
    saved = (
        request.method == "POST"
        and form.is_valid()
        and form_save(
            form,
            lambda: services.status_report_update(
                actor=request.user, report=report, **form.cleaned_data
            ),
        )
    )
    if saved:
        messages.success(request, _("The status report was saved."))
        return _detail(request, case, report)
    context = {"case": case, "form": form, "report": report}
    return render(request, "portfolio/status_form.html", context, status=form_status(form))


@require_http_methods(["GET", "POST"])
def status_publish(request, org_slug, case_id, report_id):
    case, report = _access_report(request, case_id, report_id, "portfolio.publish_status_report")
    if report.published_at is not None:
        messages.error(request, _("The status report is already published."))
        return _detail(request, case, report)
    if request.method == "POST":
        try:
            services.status_report_publish(actor=request.user, report=report)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The status report was published."))
        return _detail(request, case, report)
    return render(request, "portfolio/status_publish.html", {"case": case, "report": report})


@require_http_methods(["GET", "POST"])
def status_delete(request, org_slug, case_id, report_id):
    case, report = _access_report(request, case_id, report_id, "portfolio.change_status_report")
    if refusal := services.status_report_change_refusal(report):
        messages.error(request, refusal)
        return _detail(request, case, report)
    if request.method == "POST":
        try:
            services.status_report_delete(actor=request.user, report=report)
        except ValidationError as error:  # published a moment ago by someone else
            messages.error(request, " ".join(error.messages))
            return _detail(request, case, report)
        messages.success(request, _("The draft status report was deleted."))
        return redirect("portfolio:status_list", org_slug=org_slug, case_id=case.pk)
    cancel_url = reverse(
        "portfolio:status_detail",
        kwargs={"org_slug": org_slug, "case_id": case.pk, "report_id": report.pk},
    )
    context = {"object": report, "cancel_url": cancel_url}
    return render(request, "includes/confirm_delete.html", context)
