"""Filters of the benefits app's list pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from slik.core.filters import FilterForm, SearchInput


class TaskFilterForm(FilterForm):
    """“My measurements”: search, open or all, and which of the person's organisations."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200, widget=SearchInput)
    vis = forms.ChoiceField(
        label=_("Show"), required=False, choices=[("open", _("Open")), ("all", _("All"))]
    )
    kommune = forms.TypedChoiceField(
        label=_("Organisation"), required=False, coerce=int, empty_value=None
    )

    def __init__(self, data=None, *, organisations, **kwargs):
        super().__init__(data, **kwargs)
        if len(organisations) > 1:
            self.fields["kommune"].choices = [("", _("All"))] + [
                (org.pk, str(org)) for org in organisations
            ]
        else:
            del self.fields["kommune"]

    def filters(self) -> dict:
        return {"kommune": None, **super().filters()}
