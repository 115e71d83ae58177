"""The plain choice widgets write exactly the markup Django's templates would."""

import pytest
from django import forms

from slik.core.choices import PlainCheckboxSelectMultiple, PlainSelect
from slik.core.forms import DsForm

CHOICES = [("1", "Én <sak>"), ("2", "Two & more"), ("3", "Tre")]
GROUPED = [("Gruppe «A»", [("1", "En")]), ("", [("2", "To")])]


def _form(widget_class, choices, *, multiple, **attrs):
    field_class = forms.MultipleChoiceField if multiple else forms.ChoiceField

    class Form(DsForm):
        choice = field_class(
            label="Valg",
            choices=choices,
            required=False,
            widget=widget_class(attrs=attrs),
            help_text="Hjelp",
        )

    return Form


@pytest.mark.parametrize("choices", [CHOICES, GROUPED, []])
@pytest.mark.parametrize("data", [None, {"choice": ["2"]}, {"choice": ["1", "3"]}])
def test_checkboxes_match_django(choices, data):
    for attrs in ({}, {"class": "x", "data-y": True, "data-n": False}):
        for auto_id in ("id_%s", False):
            plain = _form(PlainCheckboxSelectMultiple, choices, multiple=True, **attrs)
            django = _form(forms.CheckboxSelectMultiple, choices, multiple=True, **attrs)
            expected = str(django(data, auto_id=auto_id)["choice"])
            assert str(plain(data, auto_id=auto_id)["choice"]) == expected


@pytest.mark.parametrize("choices", [[("", "---"), *CHOICES], GROUPED])
@pytest.mark.parametrize("data", [None, {"choice": "2"}, {"choice": "9"}])
def test_select_matches_django(choices, data):
    plain = _form(PlainSelect, choices, multiple=False, title="«t»")(data)
    django = _form(forms.Select, choices, multiple=False, title="«t»")(data)
    assert str(plain["choice"]) == str(django["choice"])


def _group_forms(multiple):
    """Django's own Group model stands in for a municipality's cases (core knows no domain)."""
    from django.contrib.auth.models import Group

    from slik.core.choices import RowChoiceField, RowMultipleChoiceField

    queryset = Group.objects.order_by("name")
    if multiple:
        row = RowMultipleChoiceField(queryset=queryset, required=False, label_fields=("name",))
        django = forms.ModelMultipleChoiceField(
            queryset=queryset, required=False, widget=PlainCheckboxSelectMultiple
        )
    else:
        row = RowChoiceField(queryset=queryset, label_fields=("name",))
        django = forms.ModelChoiceField(queryset=queryset, widget=PlainSelect)
    return [type("Form", (DsForm,), {"choice": field}) for field in (row, django)]


@pytest.mark.parametrize("multiple", [True, False])
def test_row_choices_offer_and_accept_what_model_choices_do(db, multiple):
    from django.contrib.auth.models import Group

    groups = [Group.objects.create(name=name) for name in ("B <b>", "A")]
    chosen = [str(groups[0].pk)] if multiple else str(groups[0].pk)
    row_form, django_form = _group_forms(multiple)
    assert str(row_form()["choice"]) == str(django_form()["choice"])
    bound = row_form({"choice": chosen})
    assert str(bound["choice"]) == str(django_form({"choice": chosen})["choice"])
    assert bound.is_valid()
    value = bound.cleaned_data["choice"]
    assert (list(value) if multiple else [value]) == [groups[0]]
    assert not row_form({"choice": ["999999"] if multiple else "999999"}).is_valid()
