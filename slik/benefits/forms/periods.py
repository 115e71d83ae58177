"""Starting a new period of an indicator's control chart; the rules are the service's."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from slik.core.forms import DateInput, DsForm

from ..services.periods import REASON_MAX, limit_period_clean


class LimitPeriodForm(DsForm):
    starts_on = forms.DateField(label=_("new period from"), required=False, widget=DateInput())
    reason = forms.CharField(
        label=_("what changed"),
        max_length=REASON_MAX,
        required=False,
        help_text=_("For example: the new routine took effect in all units from this date."),
    )

    def __init__(self, *args, indicator, **kwargs):
        self.indicator = indicator
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            return limit_period_clean(indicator=self.indicator, **data)
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        return data
