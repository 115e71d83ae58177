"""The case list's filters: every parameter the list reads, cleaned against what the actor sees."""

from functools import partial

from django import forms
from django.utils.translation import gettext_lazy as _

from slik.accounts.people import user_label
from slik.challenges.selectors import visible_challenges
from slik.core.choices import PlainSelect
from slik.core.filters import FilterForm
from slik.core.plain import PlainFieldsMixin, PlainSearchInput
from slik.core.read_choices import ReadChoiceField

from . import selectors
from .models import Case, InnovationType, Phase


def _all(choices) -> list:
    return [("", _("All")), *choices]


class CaseFilterForm(PlainFieldsMixin, FilterForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=200, widget=PlainSearchInput)
    phase = forms.TypedChoiceField(
        label=_("Phase"), required=False, coerce=int, empty_value=None, widget=PlainSelect
    )
    status = forms.ChoiceField(label=_("Status"), required=False, widget=PlainSelect)
    innovation_type = forms.ChoiceField(
        label=_("Innovation type"), required=False, widget=PlainSelect
    )
    owner = ReadChoiceField(
        label=_("Case owner"),
        required=False,
        choice_label=user_label,
        empty_label=_("All"),
        widget=PlainSelect,
    )
    challenge = ReadChoiceField(
        label=_("Floke"), required=False, choice_label=str, empty_label=_("All"), widget=PlainSelect
    )

    def __init__(self, data=None, *, actor, organisation, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["phase"].choices = _all((v, f"{v}. {label}") for v, label in Phase.choices)
        self.fields["status"].choices = _all(Case.Status.choices)
        self.fields["innovation_type"].choices = _all(InnovationType.choices)
        # Only people and floker the actor may see are offered (and accepted) as filters.
        who = {"actor": actor, "organisation": organisation}
        self.fields["owner"].read_from(
            partial(selectors.case_owner_choices, **who), partial(selectors.case_owners, **who)
        )
        self.fields["challenge"].read_from(
            partial(selectors.case_floke_choices, **who),
            lambda: visible_challenges(**who).order_by("title", "id"),
        )
