"""The benefit's own forms: the benefit, and its status pair."""

from __future__ import annotations

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from slik.core.concurrency import LoadedCharField, VersionedFormMixin
from slik.core.forms import DateInput, DsModelForm

from ..models import Benefit
from ..selectors import categories, organisation_members
from ..services.benefits import BENEFIT_FIELDS
from .fields import PersonChoiceField


class BenefitForm(VersionedFormMixin, DsModelForm):
    # Declared so the scoped manager is only queried inside a request (in __init__).
    category = forms.ModelChoiceField(
        label=_("category"), queryset=None, required=False, empty_label="–"
    )

    class Meta:
        model = Benefit
        fields = BENEFIT_FIELDS
        widgets = {"planned_realisation_on": DateInput()}
        field_classes = {"responsible": PersonChoiceField, "owner": PersonChoiceField}

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        keep = Q(is_active=True) | Q(pk=self.instance.category_id or 0)
        self.fields["category"].queryset = categories(organisation=organisation).filter(keep)
        members = organisation_members(organisation=organisation)
        self.fields["responsible"].queryset = members
        self.fields["owner"].queryset = members
        self.fields["reallocation_to"].help_text = _(
            "Say what freed time will be used for when the gain is taken out as reallocation."
        )
        self.fields["responsible"].help_text = _(
            "A line manager with authority to realise the benefit – not the project team."
        )


class BenefitStatusForm(DsModelForm):
    # The pair the page showed: a status someone changed meanwhile is not set back unseen.
    expected_status = LoadedCharField()
    expected_progress = LoadedCharField()

    class Meta:
        model = Benefit
        fields = ("status", "progress")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial.setdefault("expected_status", self.instance.status)
        self.initial.setdefault("expected_progress", self.instance.progress)
