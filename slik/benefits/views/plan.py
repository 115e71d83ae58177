"""The benefits realisation plan (gevinstrealiseringsplan) of a case and its exports."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from slik.core.concurrency import form_save, form_status

from ..exports.excel import plan_workbook
from ..exports.pdf import plan_pdf
from ..forms import BenefitsPlanForm
from ..selectors import plan_data
from ..services.plan import PLAN_FIELDS, benefits_plan_update
from .access import access_case

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filename(case, ext):
    name = slugify(case.title)[:60] or "case"
    return f"gevinstrealiseringsplan-{name}-{timezone.localdate():%Y-%m-%d}.{ext}"


@require_http_methods(["GET"])
def plan_view(request, org_slug, case_id):
    case = access_case(request, case_id, "benefits.view_plan")
    data = plan_data(organisation=request.organisation, case=case)
    return render(
        request,
        "benefits/plan.html",
        {
            "case": case,
            "data": data,
            "plan": data.plan,
            "may_change": request.user.has_perm("benefits.change_plan", case),
            "may_import": request.user.has_perm("benefits.record_measurement", case),
        },
    )


@require_http_methods(["GET", "POST"])
def plan_edit(request, org_slug, case_id):
    case = access_case(request, case_id, "benefits.change_plan")
    plan = plan_data(organisation=request.organisation, case=case).plan
    # A plan not saved yet is version 1: two people writing the first plan at once conflict.
    form = BenefitsPlanForm(request.POST or None, instance=plan, version=plan.version)
    saved = (
        request.method == "POST"
        and form.is_valid()
        and form_save(
            form,
            lambda: benefits_plan_update(
                actor=request.user,
                case=case,
                values={name: form.cleaned_data[name] for name in PLAN_FIELDS},
                version=form.cleaned_data["version"],
            ),
        )
    )
    if saved:
        messages.success(request, _("The plan is saved."))
        return redirect("benefits:plan", org_slug=org_slug, case_id=case.pk)
    context = {"case": case, "form": form}
    return render(request, "benefits/plan_form.html", context, status=form_status(form))


@require_http_methods(["GET"])
def plan_xlsx(request, org_slug, case_id):
    case = access_case(request, case_id, "benefits.export_plan")
    data = plan_data(organisation=request.organisation, case=case, with_measurements=True)
    response = HttpResponse(plan_workbook(data), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{_filename(case, "xlsx")}"'
    return response


@require_http_methods(["GET"])
def plan_pdf_view(request, org_slug, case_id):
    case = access_case(request, case_id, "benefits.export_plan")
    data = plan_data(organisation=request.organisation, case=case)
    response = HttpResponse(plan_pdf(data), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(case, "pdf")}"'
    return response
