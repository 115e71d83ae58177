"""Choice lists that hold every case (or benefit) of the municipality – 500 in Oslo.

Django builds a model instance per choice and renders each option through three included
templates; on the meeting page and the commission page that was most of the time (80 and
150 ms in Oslo). The fields here read the choices as (pk, label) rows in one query, and the
widgets write the markup of django/forms/widgets/{select,multiple_input,input_option}.html in
Python, following Django's own rules for ids, names, checked/selected and attributes
(slik/core/tests/test_choices.py compares the two); validation is Django's own.
"""

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe


def _text(value) -> str:
    return str(conditional_escape(value))


def _attrs(attrs: dict) -> str:
    """django/forms/widgets/attrs.html"""
    return "".join(
        f" {_text(name)}" if value is True else f' {_text(name)}="{_text(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _flat(choices) -> list | None:
    """The choices as (value, label) strings, or None when they come in groups (rare, and
    left to Django's templates)."""
    flat = []
    for value, label in choices:
        if isinstance(label, list | tuple):
            return None
        flat.append(("" if value is None else str(value), label))
    return flat


class PlainCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    def render(self, name, value, attrs=None, renderer=None):
        """multiple_input.html with checkbox_option.html per choice: each option carries the
        widget's attributes, its own id (`<id>_<index>`) and `checked` last."""
        own = self.build_attrs(self.attrs, attrs)
        choices = _flat(self.choices)
        if choices is None or "checked" in own:
            return super().render(name, value, attrs, renderer)
        selected = set(self.format_value(value))
        keys = list(own)
        split = keys.index("id") if "id" in own else len(keys)
        before = _attrs({key: own[key] for key in keys[:split]})
        after = _attrs({key: own[key] for key in keys[split + 1 :]})
        base_id = _text(own["id"]) if own.get("id") else ""
        head = f'<div>\n    <label{{}}><input type="checkbox" name="{_text(name)}" value="'
        parts = [
            "<div",
            f' id="{base_id}"' if base_id else "",
            f' class="{_text(own["class"])}"' if own.get("class") else "",
            ">",
        ]
        for index, (option_value, label) in enumerate(choices):
            option_id = f"{base_id}_{index}" if base_id else ""
            parts.append(
                head.format(f' for="{option_id}"' if option_id else "")
                + f'{_text(option_value)}"{before}'
                + (f' id="{option_id}"' if option_id else "")
                + after
                + (" checked" if option_value in selected else "")
                + f">\n {_text(label)}</label>\n\n</div>"
            )
        parts.append("\n</div>")  # the form renderer strips the template's last line break
        return mark_safe("".join(parts))  # noqa: S308 – every value above is escaped


class PlainSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        """select.html with select_option.html per choice: options carry only `selected`."""
        choices = _flat(self.choices)
        if choices is None:
            return super().render(name, value, attrs, renderer)
        own = self.build_attrs(self.attrs, attrs)
        values = self.format_value(value)
        parts = [f'<select name="{_text(name)}"{_attrs(own)}>']
        found = False
        for option_value, label in choices:
            selected = (not found or self.allow_multiple_selected) and option_value in values
            found |= selected
            parts.append(
                f'\n  <option value="{_text(option_value)}"{" selected" if selected else ""}>'
                f"{_text(label)}</option>\n"
            )
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # noqa: S308 – every value above is escaped


class RowChoiceIterator(ModelChoiceIterator):
    """(pk, label) from one `values_list` query instead of a model instance per choice (the
    widgets only write the value; validation reads the chosen ones through the queryset)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        rows = self.queryset.values_list("pk", *self.field.label_fields)
        for pk, *values in rows.iterator():
            yield pk, self.field.label_format.format(*values)


class RowChoicesMixin:
    """`label_fields` are read for each choice and put into `label_format`."""

    iterator = RowChoiceIterator

    def __init__(self, *args, label_fields=("title",), label_format="{}", **kwargs):
        self.label_fields, self.label_format = label_fields, label_format
        super().__init__(*args, **kwargs)


class RowChoiceField(RowChoicesMixin, forms.ModelChoiceField):
    widget = PlainSelect


class RowMultipleChoiceField(RowChoicesMixin, forms.ModelMultipleChoiceField):
    widget = PlainCheckboxSelectMultiple
