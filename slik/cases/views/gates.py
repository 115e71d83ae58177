from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .. import selectors, services
from ..forms import GateForm
from ..models import GateDecision
from .access import access_case, access_child


def _context(case, form):
    return {
        "case": case,
        "form": form,
        "track": selectors.phase_track(case),
        "checklist": selectors.checklist_for(case),
        "go_check": services.case_gate_check(case=case, decision=GateDecision.Decision.GO),
    }


@require_http_methods(["GET", "POST"])
def gate_create(request, org_slug, case_id):
    case = access_case(request, case_id, "cases.decide_gate")
    case = selectors.case_detail(
        actor=request.user, organisation=request.organisation, case_id=case.pk
    )
    initial = {"decided_on": timezone.localdate(), "decided_by": _("The leader group")}
    form = GateForm(request.POST or None, case=case, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            gate = services.case_gate_decide(
                actor=request.user,
                case=case,
                decision=data["decision"],
                decided_by=data["decided_by"],
                decided_on=data["decided_on"],
                basis=data["basis"],
                conditions=data["conditions"],
                reason=data["reason"],
                override_reason=data.get("override_reason", "") if data.get("override") else "",
                to_phase=data.get("to_phase"),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The gate decision was recorded."))
            return redirect(
                "cases:gate_detail", org_slug=org_slug, case_id=case.pk, gate_id=gate.pk
            )
    return render(request, "cases/gate_form.html", _context(case, form))


def gate_detail(request, org_slug, case_id, gate_id):
    case = access_case(request, case_id)
    gate = access_child(case.gate_decisions.select_related("recorded_by"), gate_id)
    return render(request, "cases/gate_detail.html", {"case": case, "gate": gate})
