"""Form fields the benefit forms share: people named by full name."""

from __future__ import annotations

from django import forms


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.full_name or obj.email
