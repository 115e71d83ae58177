from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from slik.core.concurrency import form_save, form_status

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


def _decide(request, case, data):
    return services.case_gate_decide(
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
        expected_phase=data["expected_phase"],
        expected_status=data["expected_status"],
    )


@require_http_methods(["GET", "POST"])
def gate_create(request, org_slug, case_id):
    def current_case():
        case = access_case(request, case_id, "cases.decide_gate")
        return selectors.case_detail(
            actor=request.user, organisation=request.organisation, case_id=case.pk
        )

    case = current_case()
    if not services.case_accepts_decisions(case):
        # A stopped case is closed: the page says so and offers no form; a post is refused.
        status = 409 if request.method == "POST" else 200
        return render(request, "cases/gate_form.html", _context(case, None), status=status)
    initial = {"decided_on": timezone.localdate(), "decided_by": _("The leader group")}
    form = GateForm(request.POST or None, case=case, initial=initial)
    if request.method == "POST" and form.is_valid():
        gate = form_save(form, lambda: _decide(request, case, form.cleaned_data))
        if gate is not None:
            messages.success(request, _("The gate decision was recorded."))
            return redirect(
                "cases:gate_detail", org_slug=org_slug, case_id=case.pk, gate_id=gate.pk
            )
        if form.stale:
            # Decided by someone else between this form's check and the locked decision: show
            # the case as it is now, with what the user typed and the reason for the refusal.
            case = current_case()
            form = GateForm(request.POST, case=case, initial=initial)
            form.is_valid()
    return render(request, "cases/gate_form.html", _context(case, form), status=form_status(form))


def gate_detail(request, org_slug, case_id, gate_id):
    case = access_case(request, case_id)
    gate = access_child(case.gate_decisions.select_related("recorded_by"), gate_id)
    return render(request, "cases/gate_detail.html", {"case": case, "gate": gate})
