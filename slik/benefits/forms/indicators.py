"""The indicator form. Its rules are the service's (`indicator_clean`), so a form, an import
and the API say the same thing."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from slik.core.concurrency import VersionedFormMixin
from slik.core.forms import DateInput, DsForm, NumberField

from ..models import Direction, Indicator
from ..services.indicators import indicator_clean


class IndicatorForm(VersionedFormMixin, DsForm):
    name = forms.CharField(label=_("name"), max_length=200, required=False)
    unit = forms.CharField(
        label=_("unit"),
        max_length=40,
        required=False,
        help_text=_("For example %, kr, årsverk or hours per week."),
    )
    direction = forms.ChoiceField(label=_("direction"), choices=Direction.choices)
    is_main = forms.BooleanField(label=_("main indicator"), required=False, initial=True)
    baseline_value = NumberField(label=_("baseline value"), required=False)
    baseline_on = forms.DateField(label=_("baseline date"), required=False, widget=DateInput())
    target_value = NumberField(label=_("target value"), required=False)
    target_on = forms.DateField(label=_("target date"), required=False, widget=DateInput())
    data_source = forms.CharField(label=_("data source"), max_length=200, required=False)
    method = forms.CharField(label=_("method"), required=False, widget=forms.Textarea)
    frequency = forms.ChoiceField(
        label=_("measurement frequency"),
        choices=Indicator.Frequency.choices,
        initial=Indicator.Frequency.MONTHLY,
    )
    measurement_dates = forms.CharField(
        label=_("measurement dates"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only for “on given dates”: one date per line, e.g. 31.12.2025."),
    )
    cost_of_measuring = forms.CharField(
        label=_("cost of measuring"), max_length=200, required=False
    )
    lower_bound = NumberField(
        label=_("lowest possible value"),
        required=False,
        initial=0,
        help_text=_(
            "What the quantity can take at all: 0 for a count, hours or kroner. Empty if it can "
            "be negative. The noise limits are never drawn beyond it."
        ),
    )
    upper_bound = NumberField(
        label=_("highest possible value"),
        required=False,
        help_text=_("For example 6 on a scale from 1 to 6. A percentage is 0 to 100 when empty."),
    )

    @classmethod
    def initial_from(cls, indicator: Indicator) -> dict:
        initial = {name: getattr(indicator, name) for name in cls.base_fields}
        initial["measurement_dates"] = "\n".join(indicator.measurement_dates or [])
        return initial

    def saved_values(self, obj) -> dict:
        # The dates as the cleaned form holds them (a list), to compare like with like.
        return {**self.initial_from(obj), "measurement_dates": list(obj.measurement_dates or [])}

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            return indicator_clean(data)
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        return data
