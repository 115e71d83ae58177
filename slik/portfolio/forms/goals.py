"""Forms of plan goals and commissions from politicians."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from slik.benefits.models import Benefit
from slik.cases.models import Case
from slik.challenges.models import Challenge
from slik.core.choices import PlainSelect, RowMultipleChoiceField
from slik.core.concurrency import LoadedCharField, LoadedIdsField, VersionedFormMixin
from slik.core.dates import EARLIEST, LATEST, validate_year
from slik.core.forms import DateInput, DsForm, DsModelForm
from slik.core.plain import PlainFieldsMixin, PlainInput, PlainTextInput

from ..models import Commission, PlanGoal
from ..selectors import goals as selectors


class GoalFilterForm(PlainFieldsMixin, DsForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=200, widget=PlainTextInput)
    source = forms.ChoiceField(
        label=_("Plan"),
        required=False,
        choices=[("", _("All"))] + PlanGoal.Source.choices,
        widget=PlainSelect,
    )
    year = forms.IntegerField(
        label=_("Year"), required=False, min_value=1900, max_value=2200, widget=PlainInput
    )


class PlanGoalForm(VersionedFormMixin, DsModelForm):
    cases = RowMultipleChoiceField(
        label=_("Innovation cases"),
        queryset=Case.objects.none(),
        required=False,
    )
    benefits = RowMultipleChoiceField(
        label=_("Benefits"),
        queryset=Benefit.objects.none(),
        required=False,
        label_fields=("title", "case__title"),
        label_format="{} ({})",
    )

    class Meta:
        model = PlanGoal
        fields = ["source", "title", "description", "year", "reference", "cases", "benefits"]
        help_texts = {
            "reference": _("Where the goal is written, e.g. chapter or page of the plan."),
            "description": _("Markdown is allowed: **bold**, lists, links."),
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        # The service's own check of the year (slik.core.dates), shown on the field.
        self.fields["year"].validators.append(validate_year)
        self.fields["year"].widget.attrs.update({"min": EARLIEST.year, "max": LATEST.year})
        if not self.instance.pk and not self.initial.get("year"):
            self.initial["year"] = timezone.localdate().year
        self.fields["cases"].queryset = selectors.goal_case_choices(organisation=organisation)
        self.fields["benefits"].queryset = selectors.goal_benefit_choices(organisation=organisation)


class CommissionFilterForm(PlainFieldsMixin, DsForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=200, widget=PlainTextInput)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All"))] + Commission.Status.choices,
        widget=PlainSelect,
    )
    body = forms.CharField(
        label=_("Decided by (body)"), required=False, max_length=100, widget=PlainTextInput
    )


class CommissionForm(VersionedFormMixin, DsModelForm):
    challenges = RowMultipleChoiceField(
        label=_("Floker"),
        queryset=Challenge.objects.none(),
        required=False,
    )
    plan_goals = RowMultipleChoiceField(
        label=_("Plan goals"),
        queryset=PlanGoal.objects.none(),
        required=False,
    )

    class Meta:
        model = Commission
        fields = ["body", "decided_on", "case_number", "title", "text", "challenges", "plan_goals"]
        widgets = {"decided_on": DateInput()}
        help_texts = {
            "body": _("For example the municipal council (kommunestyret) or formannskapet."),
            "text": _("The text of the decision as adopted."),
        }

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["challenges"].queryset = selectors.commission_challenge_choices(
            organisation=organisation
        )
        self.fields["plan_goals"].queryset = selectors.commission_goal_choices(
            organisation=organisation
        )


class CommissionCasesForm(DsForm):
    cases = RowMultipleChoiceField(
        label=_("Cases that answer the commission"),
        queryset=Case.objects.none(),
        required=False,
    )
    # The cases the page showed as linked: an answer changed meanwhile is not undone unseen.
    loaded_cases = LoadedIdsField()

    def __init__(self, *args, organisation, linked=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cases"].queryset = selectors.goal_case_choices(organisation=organisation)
        self.initial.setdefault("cases", list(linked))
        self.initial.setdefault("loaded_cases", LoadedIdsField.shown(linked))


class CommissionStatusForm(DsModelForm):
    # The status the page showed; a status changed meanwhile is not overwritten unseen.
    expected_status = LoadedCharField()

    class Meta:
        model = Commission
        fields = ["status", "status_comment"]
        widgets = {"status": PlainSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("expected_status", self.instance.status)
