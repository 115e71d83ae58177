"""Forms for the benefit register. Validation messages come from the services' clean
functions, so a form, an import and the API say the same thing."""

from __future__ import annotations

import decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.formats import number_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from slik.core.concurrency import LoadedCharField, VersionedFormMixin
from slik.core.forms import DateInput, DsForm, DsModelForm

from .models import Benefit, BenefitSettings, Direction, Indicator
from .numbers import parse_number
from .selectors import categories, organisation_members
from .services.benefits import BENEFIT_FIELDS
from .services.indicators import indicator_clean
from .services.measurements import measurement_clean, measurement_on


class NumberField(forms.Field):
    """A number typed with decimal comma or point (`8,5`); cleans to Decimal or None."""

    widget = forms.TextInput

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "inputmode": "decimal", "maxlength": "40"}

    def prepare_value(self, value):
        if isinstance(value, decimal.Decimal):
            text = format(value.normalize(), "f")
            return text.replace(".", ",") if (get_language() or "").startswith("n") else text
        return value

    def to_python(self, value):
        value = (value or "").strip() if isinstance(value, str) else value
        return parse_number(value) if value not in self.empty_values else None


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.full_name or obj.email


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


class MeasurementForm(DsForm):
    """A measurement; for a date that already has one, the form shows the value on record and
    asks whether to replace it or keep it (the choice applies to that recorded value only)."""

    REPLACE, KEEP = "replace", "keep"

    measured_on = forms.DateField(label=_("date"), widget=DateInput())
    value = forms.CharField(
        label=_("value"), max_length=40, widget=forms.TextInput(attrs={"inputmode": "decimal"})
    )
    comment = forms.CharField(label=_("comment"), max_length=500, required=False)
    on_existing = forms.ChoiceField(
        label=_("This date already has a measurement"),
        choices=[
            (REPLACE, _("Replace the value on record with this one")),
            (KEEP, _("Keep the value on record (nothing is saved)")),
        ],
        required=False,
        widget=forms.HiddenInput,
    )

    def __init__(self, *args, indicator: Indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.existing = None
        self.fields["value"].label = _("value (%(unit)s)") % {"unit": indicator.unit}

    def clean(self):
        data = super().clean()
        if "value" not in data:
            return data
        try:
            data["measured_on"], data["value"] = measurement_clean(
                indicator=self.indicator,
                measured_on=data.get("measured_on"),
                value=data["value"],
            )
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                if field not in self.errors:
                    self.add_error(field, messages)
            return data
        self.offer_choice()
        chosen_for = str(self.existing.pk) if self.existing else ""
        if self.existing and (
            not data.get("on_existing") or self.data.get("on_record") != chosen_for
        ):
            self.add_error(
                "on_existing",
                ValidationError(
                    _("Choose whether to replace the value on record or keep it."),
                    code="exists",
                ),
            )
        return data

    def offer_choice(self) -> None:
        """Show the replace-or-keep choice if the date has a measurement already."""
        self.existing = measurement_on(
            indicator=self.indicator, measured_on=self.cleaned_data.get("measured_on")
        )
        if self.existing is None:
            return
        field = self.fields["on_existing"]
        field.widget = forms.RadioSelect(choices=field.choices)
        field.help_text = _("On record for %(date)s: %(value)s %(unit)s.") % {
            "date": self.existing.measured_on.strftime("%d.%m.%Y"),
            "value": number_format(self.existing.value.normalize()),
            "unit": self.indicator.unit,
        }


class CategoryForm(DsForm):
    category_set = forms.CharField(label=_("category set"), max_length=60)
    name = forms.CharField(label=_("name"), max_length=100)


class BenefitSettingsForm(VersionedFormMixin, DsModelForm):
    class Meta:
        model = BenefitSettings
        fields = ("pilot_gate", "measurement_overdue_days")
