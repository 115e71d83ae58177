"""The plain form markup (slik/core/plain.py) is what Django's templates write."""

import pytest
from django import forms
from django.forms.forms import BaseForm
from django_scopes import scope

from slik.challenges.forms import ChallengeFilterForm
from slik.core.filters import SearchInput
from slik.core.forms import DsForm
from slik.core.plain import PlainFieldsMixin, PlainInput, PlainSearchInput, PlainTextInput


def _templates(form) -> str:
    """The form as forms/form.html and forms/field.html render it."""
    return BaseForm.render(form)


@pytest.mark.parametrize(
    ("plain", "django"),
    [
        (PlainInput, forms.NumberInput),
        (PlainTextInput, forms.TextInput),
        (PlainSearchInput, SearchInput),
    ],
)
def test_inputs_match_django(plain, django):
    attrs = {"class": "ds-input", "data-x": 'a "b" & <c>', "disabled": True, "hidden": False}
    for value in (None, "", 'tre "3" & <4>', 5):
        for extra in (None, {"id": "f-x", "aria-invalid": "true"}):
            assert plain(attrs=attrs).render("x", value, extra) == django(attrs=attrs).render(
                "x", value, extra
            )


class Plain(PlainFieldsMixin, DsForm):
    q = forms.CharField(label="søk «x»", required=False, max_length=9, widget=PlainTextInput)
    n = forms.IntegerField(label="antall", widget=PlainInput)
    hint = forms.CharField(label="med hjelp", required=False, help_text="Hjelp & tekst")
    choice = forms.ChoiceField(
        label="valg", required=False, choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect
    )
    secret = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean(self):
        if self.cleaned_data.get("q") == "feil":
            raise forms.ValidationError("Hele skjemaet er feil.")
        return self.cleaned_data


@pytest.mark.parametrize(
    "data", [None, {}, {"n": "2", "q": "x & y"}, {"n": "x"}, {"n": "1", "q": "feil"}]
)
@pytest.mark.parametrize("auto_id", ["id_%s", "filter-%s", False])
def test_form_matches_the_templates(data, auto_id):
    form = Plain(data, auto_id=auto_id, initial={"secret": "s"})
    assert str(form) == _templates(form)


def test_floke_filter_bar_matches_the_templates(coordinator, org):
    for data in (None, {"q": "x", "status": "candidate"}, {"status": "nope", "owner": "²"}):
        with scope(organisation=org.pk):
            form = ChallengeFilterForm(data, actor=coordinator, organisation=org)
            form.is_valid()
            assert str(form) == _templates(form)
