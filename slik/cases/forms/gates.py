"""The gate decision form: it shows what `case_gate_decide` would refuse, from the same check."""

from django import forms
from django.utils.translation import gettext_lazy as _

from slik.core.concurrency import LoadedCharField, LoadedIntegerField, refuse_stale
from slik.core.formats import format_date
from slik.core.forms import DateInput, DsForm

from ..models import Case, GateDecision, Phase
from ..services import case_gate_check, case_gate_decide_check, case_gate_stale
from ..services.gates import latest_gate_on
from .refusals import show_refusals


def _decisions_not_offered(case) -> list[str]:
    """A postponed case is taken up again with «Resume» (not «Adjust»); only it can be."""
    Decision = GateDecision.Decision
    if case.status == Case.Status.POSTPONED:
        return [Decision.ADJUST, Decision.POSTPONE]
    return [Decision.RESUME]


class GateForm(DsForm):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=GateDecision.Decision.choices, widget=forms.RadioSelect
    )
    to_phase = forms.TypedChoiceField(
        label=_("Phase to go back to"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("Only when going back to an earlier phase."),
    )
    decided_by = forms.CharField(
        label=_("Decided by"), max_length=200, help_text=_("For example the leader group.")
    )
    decided_on = forms.DateField(label=_("Date of decision"), widget=DateInput)
    basis = forms.CharField(
        label=_("Basis for the decision"),
        required=False,
        widget=forms.Textarea,
        help_text=_("Documents and facts the decision is based on."),
    )
    conditions = forms.CharField(label=_("Conditions"), required=False, widget=forms.Textarea)
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea,
        help_text=_("Required when stopping the case or going back to an earlier phase."),
    )
    override = forms.BooleanField(
        label=_("Go on without recorded insight"),
        required=False,
        help_text=_("Only needed when the pre-check warns about missing insight."),
    )
    override_reason = forms.CharField(
        label=_("Reason for going on without insight"), required=False, widget=forms.Textarea
    )
    # The state the form was made for: a decision is refused once the case has left it.
    expected_phase = LoadedIntegerField()
    expected_status = LoadedCharField()

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        self.gate_check = None
        self.stale = False
        self.initial.update(expected_phase=case.phase, expected_status=case.status)
        hidden = set(_decisions_not_offered(case))
        if case.phase > Phase.FORANKRING:
            self.fields["to_phase"].choices = [("", "—")] + [
                (value, label) for value, label in Phase.choices if value < case.phase
            ]
        else:
            # Nothing to go back to from the first phase.
            del self.fields["to_phase"]
            hidden.add(GateDecision.Decision.BACK)
        self.fields["decision"].choices = [
            c for c in GateDecision.Decision.choices if c[0] not in hidden
        ]
        if latest := latest_gate_on(case):
            self.fields["decided_on"].help_text = _(
                "No earlier than %(date)s, the date of the case's latest gate decision."
            ) % {"date": format_date(latest)}
        go_check = case_gate_check(case=case, decision=GateDecision.Decision.GO)
        if not go_check.requires_override:
            del self.fields["override"]
            del self.fields["override_reason"]

    def _refuse_if_stale(self, data) -> bool:
        stale = case_gate_stale(
            case=self.case,
            expected_phase=data["expected_phase"],
            expected_status=data["expected_status"],
        )
        if stale:
            refuse_stale(
                self, stale, expected_phase=self.case.phase, expected_status=self.case.status
            )
        return bool(stale)

    def clean(self):
        data = super().clean()
        decision = data.get("decision")
        if self._refuse_if_stale(data) or not decision:
            return data
        self.gate_check = case_gate_check(
            case=self.case, decision=decision, to_phase=data.get("to_phase")
        )
        if self.gate_check.requires_override and not data.get("override"):
            self.add_error("override", _("Tick this box to go on without recorded insight."))
        errors = case_gate_decide_check(
            self.gate_check,
            decision=decision,
            to_phase=data.get("to_phase"),
            decided_on=data.get("decided_on"),
            reason=data.get("reason", ""),
            override_reason=data.get("override_reason", ""),
        )
        show_refusals(self, errors)
        return data
