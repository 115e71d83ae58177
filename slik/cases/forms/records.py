"""Forms of the records a case keeps: insight, hypotheses, decisions, N3 and RACI (a case's
stakeholders use the floke's `StakeholderForm`, the same row). Each shows what
`case_record_create`/`case_record_update` would refuse, from the service's `case_record_check`.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from slik.core.concurrency import VersionedFormMixin
from slik.core.forms import DateInput, DsModelForm

from ..models import CaseDecision, Hypothesis, Insight, N3Check, Responsibility
from ..selectors import member_users
from ..services import case_record_check
from .refusals import show_refusals


class RecordForm(VersionedFormMixin, DsModelForm):
    """A record of `record_kind` (a key of services.RECORD_KINDS)."""

    record_kind = ""

    def clean(self):
        data = super().clean()
        show_refusals(self, case_record_check(kind=self.record_kind, values=data))
        return data


class InsightForm(RecordForm):
    record_kind = "insight"

    class Meta:
        model = Insight
        fields = ["kind", "title", "description", "recorded_on"]
        widgets = {"recorded_on": DateInput}


class HypothesisForm(RecordForm):
    record_kind = "hypothesis"

    class Meta:
        model = Hypothesis
        fields = ["statement", "test_method", "result", "learning"]
        widgets = {"result": forms.RadioSelect}


class CaseDecisionForm(RecordForm):
    """A decision of the case; `corrects` (hidden) is the earlier entry a correction refers to."""

    record_kind = "decision"
    # Declared here: a scoped queryset cannot be evaluated when the class is defined.
    corrects = forms.ModelChoiceField(
        queryset=CaseDecision.objects.none(), required=False, widget=forms.HiddenInput
    )

    class Meta:
        model = CaseDecision
        fields = ["title", "description", "decided_by", "decided_on", "corrects"]
        widgets = {"decided_on": DateInput}

    def __init__(self, *args, case, **kwargs):
        super().__init__(*args, **kwargs)
        # Only an entry of this case can be corrected; a foreign id is an invalid choice.
        self.fields["corrects"].queryset = CaseDecision.objects.with_scopes_disabled().filter(
            case_id=case.pk
        )


class N3CheckForm(RecordForm):
    record_kind = "n3"

    class Meta:
        model = N3Check
        fields = [*N3Check.FUNDAMENTS, "comment"]
        widgets = {name: forms.RadioSelect for name in N3Check.FUNDAMENTS}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in N3Check.FUNDAMENTS:
            self.fields[name].choices = N3Check.Rating.choices


class ResponsibilityForm(RecordForm):
    record_kind = "responsibility"

    class Meta:
        model = Responsibility
        fields = ["user", "name", "area", "raci"]
        help_texts = {"name": _("Use the name field for people who are not members of SLIK.")}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = member_users(organisation, staff_only=False)
