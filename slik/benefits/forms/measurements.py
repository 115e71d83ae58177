"""Recording a measurement by hand, and importing measurements from a file. The value and date
rules are the service's (`measurement_clean`)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from slik.core.formats import format_date, format_number
from slik.core.forms import DsForm, NumberField
from slik.core.plain import PlainDateInput, PlainFieldsMixin, PlainHiddenInput, PlainTextInput

from ..models import Indicator
from ..services.measurements import measurement_clean, measurement_on


class MeasurementForm(PlainFieldsMixin, DsForm):
    """A measurement; for a date that already has one, the form shows the value on record and
    asks whether to replace it or keep it (the choice applies to that recorded value only).

    Written in Python rather than by the form templates (`PlainFieldsMixin`): the form was a
    sixth of the indicator page. With errors or the replace-or-keep choice it goes through
    the templates as before."""

    REPLACE, KEEP = "replace", "keep"

    measured_on = forms.DateField(label=_("date"), widget=PlainDateInput())
    value = NumberField(label=_("value"), widget=PlainTextInput)
    comment = forms.CharField(
        label=_("comment"), max_length=500, required=False, widget=PlainTextInput
    )
    on_existing = forms.ChoiceField(
        label=_("This date already has a measurement"),
        choices=[
            (REPLACE, _("Replace the value on record with this one")),
            (KEEP, _("Keep the value on record (nothing is saved)")),
        ],
        required=False,
        widget=PlainHiddenInput,
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
            "date": format_date(self.existing.measured_on),
            "value": format_number(self.existing.value, None),
            "unit": self.indicator.unit,
        }


class ImportForm(DsForm):
    file = forms.FileField(
        label=_("File (CSV or Excel .xlsx)"),
        help_text=_(
            "First row: column names. Required: date (YYYY-MM-DD or DD.MM.YYYY) and value "
            "(decimal comma or point). Optional: comment, unit, indicator."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx,text/csv"}),
    )


class ImportConfirmForm(DsForm):
    """The confirmation of a previewed import, with what to do about dates on record."""

    SKIP, REPLACE = "skip", "replace"

    token = forms.CharField(widget=forms.HiddenInput, max_length=64)
    existing = forms.ChoiceField(
        label=_("Rows for dates that already have a value"),
        choices=[
            (SKIP, _("Skip them: keep the values on record (nothing changes for these dates)")),
            (REPLACE, _("Replace the values on record with the values in the file")),
        ],
        initial=SKIP,
        required=False,
        widget=forms.RadioSelect,
    )

    def clean_existing(self):
        return self.cleaned_data.get("existing") or self.SKIP
