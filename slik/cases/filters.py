"""The case list's filters: every parameter the list reads, cleaned against what the actor sees."""

from django import forms
from django.utils.translation import gettext_lazy as _

from slik.accounts.people import PeopleChoices, user_label
from slik.challenges.selectors import visible_challenges
from slik.core.choices import PlainSelect, RowChoicesMixin
from slik.core.filters import FilterForm, IdChoiceField
from slik.core.plain import PlainFieldsMixin, PlainSearchInput

from . import selectors
from .models import Case, InnovationType, Phase


def _all(choices) -> list:
    return [("", _("All")), *choices]


# The options are read as rows, not a model instance per option (slik.core.choices).
class OwnerField(IdChoiceField):
    iterator = PeopleChoices
    person_label = staticmethod(user_label)


class ChallengeField(RowChoicesMixin, IdChoiceField):
    pass


class CaseFilterForm(PlainFieldsMixin, FilterForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=200, widget=PlainSearchInput)
    phase = forms.TypedChoiceField(
        label=_("Phase"), required=False, coerce=int, empty_value=None, widget=PlainSelect
    )
    status = forms.ChoiceField(label=_("Status"), required=False, widget=PlainSelect)
    innovation_type = forms.ChoiceField(
        label=_("Innovation type"), required=False, widget=PlainSelect
    )
    owner = OwnerField(
        label=_("Case owner"),
        required=False,
        queryset=None,
        empty_label=_("All"),
        widget=PlainSelect,
    )
    challenge = ChallengeField(
        label=_("Floke"), required=False, queryset=None, empty_label=_("All"), widget=PlainSelect
    )

    def __init__(self, data=None, *, actor, organisation, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["phase"].choices = _all((v, f"{v}. {label}") for v, label in Phase.choices)
        self.fields["status"].choices = _all(Case.Status.choices)
        self.fields["innovation_type"].choices = _all(InnovationType.choices)
        # Only people and floker the actor may see are offered (and accepted) as filters.
        self.fields["owner"].queryset = selectors.case_owners(
            actor=actor, organisation=organisation
        )
        self.fields["challenge"].queryset = visible_challenges(
            actor=actor, organisation=organisation
        ).order_by("title", "id")
