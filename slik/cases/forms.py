"""Forms for cases, gate decisions, case records and the roadmap template."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from slik.challenges.models import Challenge, Stakeholder
from slik.core.concurrency import (
    LoadedCharField,
    LoadedIntegerField,
    VersionedFormMixin,
    refuse_stale,
)
from slik.core.forms import DateInput, DsForm, DsModelForm

from .models import (
    Case,
    CaseDecision,
    GateDecision,
    Hypothesis,
    Insight,
    N3Check,
    Phase,
    Responsibility,
    SharingLevel,
)
from .selectors import member_users, organisation_challenges, steps_by_phase
from .services import case_gate_check, case_gate_stale


class SharingSelect(forms.Select):
    """Only private sharing works so far; the other levels are shown, disabled and explained."""

    def create_option(self, *args, **kwargs):
        option = super().create_option(*args, **kwargs)
        if option["value"] != SharingLevel.PRIVATE:
            option["attrs"]["disabled"] = True
        return option


class CaseForm(VersionedFormMixin, DsModelForm):
    # Declared here: a scoped queryset cannot be evaluated when the class is defined.
    challenges = forms.ModelMultipleChoiceField(
        label=_("Floker"),
        queryset=Challenge.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Case
        fields = [
            "title",
            "summary",
            "challenges",
            "owner",
            "leader",
            "units",
            "partners",
            "innovation_type",
            "oecd_facet",
            "sharing_level",
            "budget",
            "hours",
        ]
        widgets = {
            "innovation_type": forms.RadioSelect,
            "sharing_level": SharingSelect,
        }
        help_texts = {
            "summary": _("Markdown is allowed: **bold**, lists, links."),
            "sharing_level": _(
                "Sharing with a programme or the public is not available yet; cases are private "
                "to the municipality."
            ),
            "oecd_facet": _("OECD's innovation facets show the balance of the portfolio."),
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        members = member_users(organisation)
        self.fields["owner"].queryset = members
        self.fields["leader"].queryset = members
        self.fields["challenges"].queryset = organisation_challenges(organisation)
        self.fields["innovation_type"].choices = [
            c for c in self.fields["innovation_type"].choices if c[0]
        ]

    def clean_sharing_level(self):
        value = self.cleaned_data["sharing_level"]
        if value != SharingLevel.PRIVATE:
            raise ValidationError(_("Sharing outside the municipality is not available yet."))
        return value


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
        help_text=_("Required when going back to an earlier phase."),
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
        if case.phase > Phase.FORANKRING:
            self.fields["to_phase"].choices = [("", "—")] + [
                (value, label) for value, label in Phase.choices if value < case.phase
            ]
        else:
            # Nothing to go back to from the first phase.
            del self.fields["to_phase"]
            self.fields["decision"].choices = [
                c for c in GateDecision.Decision.choices if c[0] != GateDecision.Decision.BACK
            ]
        go_check = case_gate_check(case=case, decision=GateDecision.Decision.GO)
        if not go_check.requires_override:
            del self.fields["override"]
            del self.fields["override_reason"]

    def clean_decided_on(self):
        value = self.cleaned_data["decided_on"]
        if value > timezone.localdate():
            raise ValidationError(_("The decision date cannot be in the future."))
        return value

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
        if decision == GateDecision.Decision.BACK:
            if not data.get("to_phase"):
                self.add_error("to_phase", _("Choose the phase to go back to."))
            if not (data.get("reason") or "").strip():
                self.add_error("reason", _("Give a reason for going back to an earlier phase."))
        self.gate_check = case_gate_check(
            case=self.case, decision=decision, to_phase=data.get("to_phase")
        )
        for blocker in self.gate_check.blockers:
            self.add_error(None, blocker)
        if self.gate_check.requires_override:
            if not data.get("override"):
                self.add_error("override", _("Tick this box to go on without recorded insight."))
            if not (data.get("override_reason") or "").strip():
                self.add_error(
                    "override_reason", _("Give a reason for going on without recorded insight.")
                )
        return data


class InsightForm(VersionedFormMixin, DsModelForm):
    class Meta:
        model = Insight
        fields = ["kind", "title", "description", "recorded_on"]
        widgets = {"recorded_on": DateInput}


class HypothesisForm(VersionedFormMixin, DsModelForm):
    class Meta:
        model = Hypothesis
        fields = ["statement", "test_method", "result", "learning"]
        widgets = {"result": forms.RadioSelect}


class CaseDecisionForm(VersionedFormMixin, DsModelForm):
    class Meta:
        model = CaseDecision
        fields = ["title", "description", "decided_by", "decided_on"]
        widgets = {"decided_on": DateInput}

    def clean_decided_on(self):
        value = self.cleaned_data["decided_on"]
        if value > timezone.localdate():
            raise ValidationError(_("The decision date cannot be in the future."))
        return value


class N3CheckForm(VersionedFormMixin, DsModelForm):
    class Meta:
        model = N3Check
        fields = [*N3Check.FUNDAMENTS, "comment"]
        widgets = {name: forms.RadioSelect for name in N3Check.FUNDAMENTS}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in N3Check.FUNDAMENTS:
            self.fields[name].choices = N3Check.Rating.choices


class ResponsibilityForm(VersionedFormMixin, DsModelForm):
    class Meta:
        model = Responsibility
        fields = ["user", "name", "area", "raci"]
        help_texts = {"name": _("Use the name field for people who are not members of SLIK.")}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = member_users(organisation, staff_only=False)

    def clean(self):
        data = super().clean()
        if not data.get("user") and not (data.get("name") or "").strip():
            self.add_error("name", _("Choose a member or write a name."))
        return data


class StakeholderForm(VersionedFormMixin, DsModelForm):
    class Meta:
        model = Stakeholder
        fields = [
            "name",
            "group",
            "interest",
            "influence",
            "attitude",
            "strategy",
            "planned_involvement",
        ]
        help_texts = {"strategy": _("Leave empty to use the strategy the grid suggests.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["strategy"].required = False


class RoadmapForm(VersionedFormMixin, DsForm):
    """The steps of every phase; `version=` is the roadmap version the edit starts from."""

    note = forms.CharField(label=_("What changed"), max_length=300, required=False)

    def __init__(self, *args, steps_by_phase=None, **kwargs):
        super().__init__(*args, **kwargs)
        steps_by_phase = steps_by_phase or {}
        fields = {}
        for value, label in Phase.choices:
            fields[f"phase_{value}"] = forms.CharField(
                label=label,
                required=False,
                widget=forms.Textarea(attrs={"rows": 6, "class": "ds-input"}),
                help_text=_("One step per line, in order. Add, change, remove or move lines."),
                initial="\n".join(step.text for step in steps_by_phase.get(value, [])),
            )
        self.fields = {**fields, **self.fields}  # the phases first, then note (and version)

    def clean(self):
        data = super().clean()
        for value, _label in Phase.choices:
            for line in (data.get(f"phase_{value}") or "").splitlines():
                if len(line.strip()) > 300:
                    self.add_error(f"phase_{value}", _("A step can be at most 300 characters."))
                    break
        return data

    def saved_values(self, obj) -> dict:
        steps = steps_by_phase(obj)
        values = {
            f"phase_{value}": "\n".join(step.text for step in steps.get(value, []))
            for value, _label in Phase.choices
        }
        return {**values, "note": obj.note}

    def steps(self) -> dict[int, list[str]]:
        return {
            value: (self.cleaned_data.get(f"phase_{value}") or "").splitlines()
            for value, _label in Phase.choices
        }
