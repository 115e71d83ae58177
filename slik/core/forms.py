"""Form rendering in Designsystemet markup, shared by every app's forms."""

import decimal

from django import forms
from django.core import validators
from django.forms.renderers import TemplatesSetting

from . import dates, uploads
from .formats import number_for_input, parse_number


class SlikFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


_FORM_TYPES = (forms.BaseForm, forms.BaseFormSet)


def page_has_form_errors(context) -> bool:
    """Whether a form or formset in a template's context was submitted with errors: the page
    title then starts with «Feil:» (base.html), so a screen reader says so before anything
    else. Every view names its forms differently; looking through the context finds them all."""
    for values in context.dicts:
        for value in values.values():
            # Only forms the view has validated: validating here could query (unique checks).
            # type(), not isinstance(): isinstance evaluates a lazy value (the CSRF token) to
            # ask its class, on every page.
            validated = issubclass(type(value), _FORM_TYPES) and value._errors is not None
            if validated and not value.is_valid():
                return True
    return False


class DsFormMixin:
    """Adds Designsystemet classes to widgets; rendering comes from `forms/field.html`.

    Every date field is held to the accepted range (`slik.core.dates`), so no form lets in a
    date that later breaks date arithmetic on the pages and in the reminder jobs. Every file
    field refuses a file the upload handler dropped at the size limit (`slik.core.uploads`).
    """

    def get_context(self):
        # The error summary of forms/form.html is named by its heading; the prefix keeps two
        # forms of one page apart.
        context = super().get_context()
        context["error_summary_id"] = f"{self.prefix or type(self).__name__.lower()}-errors"
        return context

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.DateField):
                _limit_date_field(field)
            if (
                isinstance(field, forms.FileField)
                and uploads.validate_upload not in field.validators
            ):
                field.validators.append(uploads.validate_upload)
            widget = field.widget
            if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                continue
            widget.attrs.setdefault("class", "ds-input")
            if isinstance(widget, forms.Textarea):
                widget.attrs.setdefault("rows", 4)


def _limit_date_field(field: forms.DateField) -> None:
    # Each form instance holds a deep copy of its fields, so this never touches the class.
    if dates.validate_date not in field.validators:
        field.validators.append(dates.validate_date)
    if getattr(field.widget, "input_type", "") == "date":
        field.widget.attrs.setdefault("min", dates.EARLIEST.isoformat())
        field.widget.attrs.setdefault("max", dates.LATEST.isoformat())


class DsForm(DsFormMixin, forms.Form):
    pass


class DsModelForm(DsFormMixin, forms.ModelForm):
    pass


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class NumberField(forms.Field):
    """A number typed with decimal comma or point (`8,5`); cleans to Decimal or None."""

    widget = forms.TextInput

    def __init__(self, *, max_digits=None, decimal_places=None, **kwargs):
        # A model's DecimalField hands over its size: checked here too, so the message shows
        # on the field the user typed in.
        super().__init__(**kwargs)
        if max_digits is not None or decimal_places is not None:
            self.validators.append(validators.DecimalValidator(max_digits, decimal_places))

    def widget_attrs(self, widget):
        return {**super().widget_attrs(widget), "inputmode": "decimal", "maxlength": "40"}

    def prepare_value(self, value):
        return number_for_input(value) if isinstance(value, decimal.Decimal) else value

    def to_python(self, value):
        value = (value or "").strip() if isinstance(value, str) else value
        if value in self.empty_values:
            return None
        number = parse_number(value)
        # Without the trailing zeros the parser keeps, so "3,5" fits two decimal places.
        return number.quantize(1) if number == number.to_integral() else number.normalize()
