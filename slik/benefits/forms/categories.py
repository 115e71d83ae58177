"""The organisation's benefit categories and settings."""

from django import forms
from django.utils.translation import gettext_lazy as _

from slik.core.concurrency import VersionedFormMixin
from slik.core.forms import DsForm, DsModelForm

from ..models import BenefitSettings


class CategoryForm(DsForm):
    category_set = forms.CharField(label=_("category set"), max_length=60)
    name = forms.CharField(label=_("name"), max_length=100)


class BenefitSettingsForm(VersionedFormMixin, DsModelForm):
    class Meta:
        model = BenefitSettings
        fields = ("pilot_gate", "measurement_overdue_days")
