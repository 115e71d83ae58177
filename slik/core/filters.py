"""Filter forms of list pages: every query parameter a list reads is cleaned by one of these.

A filter that does not validate is dropped (the list shows unfiltered on that field) and the
form shows why; the page is still a 200. Ids are checked to be plain numbers in the database's
range before any query, so `?owner=99999999999999999999999` or `?owner=²` never reaches it
(SQLite raises OverflowError on integers above 2**63, PostgreSQL a DataError).
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

from .forms import DsForm

# The largest value of a 64-bit signed integer column: the widest id any table has.
MAX_ID = 2**63 - 1


def parse_id(value) -> int | None:
    """A database id from user input, or None when it is not one.

    ASCII digits only: `str.isdigit` also accepts `²` and other digits `int()` refuses.
    """
    text = str(value).strip()
    if not text or len(text) > 19 or not (text.isascii() and text.isdigit()):
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


class SearchInput(forms.TextInput):
    input_type = "search"


class IdChoiceField(forms.ModelChoiceField):
    """A model choice whose value is checked to be a valid id before the queryset is asked."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if parse_id(value) is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class FilterForm(DsForm):
    """Base of the filter forms. `filters()` gives the valid values, every field present."""

    def __init__(self, data=None, *args, **kwargs):
        kwargs.setdefault("auto_id", "filter-%s")
        # An unfiltered page is an unbound form: no errors shown for parameters never sent.
        if data is not None and not any(name in data for name in self.base_fields):
            data = None
        super().__init__(data, *args, **kwargs)

    def filters(self) -> dict:
        """Cleaned values of the fields that validated; the empty value for the others."""
        cleaned = {}
        if self.is_bound:
            self.is_valid()  # a field that fails is left out of cleaned_data, the rest stay
            cleaned = self.cleaned_data
        return {name: cleaned.get(name, _empty(field)) for name, field in self.fields.items()}


def _empty(field):
    if hasattr(field, "empty_value"):
        return field.empty_value
    return field.to_python("")
