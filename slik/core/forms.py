"""Form rendering in Designsystemet markup, shared by every app's forms."""

from django import forms
from django.forms.renderers import TemplatesSetting


class SlikFormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class DsFormMixin:
    """Adds Designsystemet classes to widgets; rendering comes from `forms/field.html`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                continue
            widget.attrs.setdefault("class", "ds-input")
            if isinstance(widget, forms.Textarea):
                widget.attrs.setdefault("rows", 4)


class DsForm(DsFormMixin, forms.Form):
    pass


class DsModelForm(DsFormMixin, forms.ModelForm):
    pass


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")
