"""Form markup written in Python where Django's templates cost more than the rest of a page.

The same approach as `slik.core.choices` (the plain choice widgets), for the other two pieces
the list pages render per field: the input widget and the field group. Tests compare the
markup with what the templates write (`slik/challenges/tests/test_plain_forms.py`).
"""

from django import forms
from django.utils.html import conditional_escape as escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext

from .forms import DateInput


def _input(widget, name, value, attrs) -> str:
    """django/forms/widgets/input.html with attrs.html."""
    context = widget.get_context(name, value, attrs)["widget"]
    parts = [f'<input type="{escape(context["type"])}" name="{escape(name)}"']
    if context["value"] is not None:
        parts.append(f' value="{escape(context["value"])}"')
    for key, item in context["attrs"].items():
        if item is True:
            parts.append(f" {escape(key)}")
        elif item is not False:
            parts.append(f' {escape(key)}="{escape(item)}"')
    parts.append(">")
    return mark_safe("".join(parts))  # noqa: S308 – every value above is escaped


class PlainInput(forms.NumberInput):
    """The weights form has a field per criterion; Django's two templates per input were a
    third of the matrix page."""

    def render(self, name, value, attrs=None, renderer=None):
        return _input(self, name, value, attrs)


class PlainTextInput(forms.TextInput):
    def render(self, name, value, attrs=None, renderer=None):
        return _input(self, name, value, attrs)


class PlainSearchInput(PlainTextInput):
    input_type = "search"


class PlainDateInput(DateInput):
    """The house date input (type date, ISO format), written as `PlainTextInput` writes."""

    def render(self, name, value, attrs=None, renderer=None):
        return _input(self, name, value, attrs)


class PlainHiddenInput(forms.HiddenInput):
    def render(self, name, value, attrs=None, renderer=None):
        return _input(self, name, value, attrs)


class PlainFieldsMixin:
    """forms/form.html and forms/field.html written in Python for a form of plain fields (the
    filter bars of the floke and case lists): the templates cost more than the rest of the
    form. A field with a fieldset or help text, and a form with a conflict or any error (the
    templates open with an error summary), still go through the templates. Tests compare the
    markup with the templates'."""

    def render(self, template_name=None, context=None, renderer=None):
        if template_name or context or getattr(self, "conflict", None) or self.errors:
            return super().render(template_name, context, renderer)
        hidden = "".join(str(field) for field in self.hidden_fields())
        groups = "".join(_field_group(field) for field in self.visible_fields())
        return mark_safe(f"\n{hidden}\n{groups}".strip())  # noqa: S308 – escaped per part

    # Django binds both to its own `render` when it defines them; a template writes a form
    # through `__html__`, `str()` through `__str__`.
    __str__ = __html__ = render


def _field_group(field) -> str:
    if field.use_fieldset or field.help_text or field.errors:
        return field.as_field_group()
    required = (
        ' <span class="slik-required">(' + escape(gettext("required")) + ")</span>"
        if field.field.required
        else ""
    )
    label = escape(capfirst(field.label))
    return (
        f'<div class="ds-field slik-field">\n<label class="ds-label" '
        f'for="{escape(field.id_for_label)}">{label}{required}</label>\n\n{field}\n\n</div>'
    )
