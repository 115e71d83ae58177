"""Filter forms: an id from the address bar never reaches the database unless it is one."""

import pytest
from django import forms
from hypothesis import given
from hypothesis import strategies as st

from slik.core.filters import MAX_ID, FilterForm, IdChoiceField, parse_id


@given(st.text())
def test_parse_id_never_raises_and_gives_an_id_in_range_or_none(text):
    value = parse_id(text)
    assert value is None or 0 < value <= MAX_ID


@pytest.mark.parametrize(
    "text", ["²", "١٢", "1e3", "-1", "0", "NaN", "1\x00", str(MAX_ID + 1), "9" * 30, " ", ""]
)
def test_parse_id_refuses_what_is_not_a_database_id(text):
    assert parse_id(text) is None


@pytest.mark.parametrize("text", ["1", " 42 ", str(MAX_ID)])
def test_parse_id_accepts_plain_numbers(text):
    assert parse_id(text) == int(text)


class _Form(FilterForm):
    q = forms.CharField(required=False, max_length=20)
    owner = IdChoiceField(required=False, queryset=None)

    def __init__(self, *args, **kwargs):
        from django.contrib.auth.models import Group

        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = Group.objects.all()


@pytest.mark.django_db
@given(st.text(), st.text())
def test_filter_form_keeps_valid_fields_and_drops_invalid_ones(q, owner):
    form = _Form({"q": q, "owner": owner})
    filters = form.filters()
    assert set(filters) == {"q", "owner"}
    assert filters["owner"] is None  # no group exists: every value is refused


@pytest.mark.django_db
def test_one_bad_filter_does_not_drop_the_others():
    from django.contrib.auth.models import Group

    group = Group.objects.create(name="Ledergruppen")
    filters = _Form({"q": "x" * 21, "owner": str(group.pk)}).filters()
    assert filters == {"q": "", "owner": group}
    form = _Form({"q": "søk", "owner": "99999999999999999999999"})
    assert form.filters() == {"q": "søk", "owner": None}
    assert form.has_error("owner", "invalid_choice")


def test_a_page_without_its_parameters_is_unbound():
    form = _Form({"side": "2"})
    assert not form.is_bound
    assert form.filters() == {"q": "", "owner": None}
