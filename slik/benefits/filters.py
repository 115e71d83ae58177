"""Filters of the benefits app's list pages: every query parameter a list reads is cleaned by
one of these (slik.core.filters)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from slik.core.choices import PlainSelect
from slik.core.filters import FilterForm, SearchInput

from .models import Benefit
from .pitfalls import PITFALL_TYPES


def _all(choices) -> list:
    return [("", _("All")), *choices]


class CaseBenefitFilterForm(FilterForm):
    """A case's benefits: search in the titles, and one status."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200, widget=SearchInput)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=_all(Benefit.Status.choices)
    )


class PitfallFilterForm(FilterForm):
    """The pitfall list: one of the cases the actor sees, and one type of pitfall."""

    case = forms.TypedChoiceField(
        label=_("Case"), required=False, coerce=int, empty_value=None, widget=PlainSelect
    )
    code = forms.ChoiceField(
        label=_("Pitfall"),
        required=False,
        choices=_all(PITFALL_TYPES.items()),
        widget=PlainSelect,
    )

    def __init__(self, data=None, *, cases, **kwargs):
        """`cases`: (id, title) pairs, read without loading the cases (Oslo has 500); the
        select is written in one pass (`PlainSelect`)."""
        super().__init__(data, **kwargs)
        self.fields["case"].choices = _all(cases)


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
            self.fields["kommune"].choices = _all((org.pk, str(org)) for org in organisations)
        else:
            del self.fields["kommune"]

    def filters(self) -> dict:
        return {"kommune": None, **super().filters()}
