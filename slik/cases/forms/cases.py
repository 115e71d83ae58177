"""The form of a case's own fields."""

from django import forms
from django.utils.translation import gettext_lazy as _

from slik.challenges.models import Challenge
from slik.core.concurrency import VersionedFormMixin
from slik.core.forms import DsModelForm, NumberField

from ..models import Case, SharingLevel
from ..selectors import member_users, organisation_challenges
from ..services import case_fields_check
from ..services.cases import CASE_FIELDS
from .refusals import show_refusals


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
        # The fields case_create/case_update take, with the floker after the summary.
        fields = [*CASE_FIELDS[:2], "challenges", *CASE_FIELDS[2:]]
        widgets = {
            "innovation_type": forms.RadioSelect,
            "sharing_level": SharingSelect,
        }
        # Typed the Norwegian way ("1 200 000", "85 000,50"), never a browser number field.
        field_classes = {"budget": NumberField}
        help_texts = {
            "summary": _("Markdown is allowed: **bold**, lists, links."),
            "sharing_level": _(
                "Sharing with a programme or the public is not available yet; cases are private "
                "to the municipality."
            ),
            "oecd_facet": _("OECD's innovation facets show the balance of the portfolio."),
        }

    def __init__(self, *args, organisation, source_challenge=None, stakeholder_count=0, **kwargs):
        super().__init__(*args, **kwargs)
        if source_challenge is not None and stakeholder_count:
            # A case made from a floke may start with the floke's stakeholder analysis.
            self.fields["copy_stakeholders"] = forms.BooleanField(
                label=_("Carry over the floke's stakeholders (%(count)s)")
                % {"count": stakeholder_count},
                required=False,
                help_text=_(
                    "The case gets its own copy of the floke's stakeholder analysis; later "
                    "changes on one do not change the other."
                ),
            )
        members = member_users(organisation)
        self.fields["owner"].queryset = members
        self.fields["leader"].queryset = members
        self.fields["challenges"].queryset = organisation_challenges(organisation)
        self.fields["innovation_type"].choices = [
            c for c in self.fields["innovation_type"].choices if c[0]
        ]

    def clean(self):
        data = super().clean()
        show_refusals(self, case_fields_check(fields=data))
        return data
