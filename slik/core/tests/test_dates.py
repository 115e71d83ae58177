import datetime

import pytest
from django import forms
from django.core.exceptions import ValidationError

from slik.core import dates
from slik.core.forms import DateInput, DsForm


class EventForm(DsForm):
    held_on = forms.DateField(widget=DateInput())
    maybe_on = forms.DateField(required=False)


@pytest.mark.parametrize("value", ["1899-12-31", "2101-01-01", "0005-01-01", "9999-12-31"])
def test_form_refuses_a_date_outside_the_range(value):
    form = EventForm({"held_on": value})
    assert not form.is_valid()
    assert form.errors.as_data()["held_on"][0].code == "date_out_of_range"


@pytest.mark.parametrize("value", ["1900-01-01", "2100-12-31", "2026-11-29"])
def test_form_accepts_the_bounds(value):
    form = EventForm({"held_on": value})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["held_on"] == datetime.date.fromisoformat(value)


def test_optional_date_left_empty_is_fine():
    form = EventForm({"held_on": "2026-01-01", "maybe_on": ""})
    assert form.is_valid() and form.cleaned_data["maybe_on"] is None


def test_date_input_tells_the_browser_the_range():
    html = str(EventForm()["held_on"])
    assert 'min="1900-01-01"' in html and 'max="2100-12-31"' in html


def test_range_on_one_form_does_not_pile_up_validators():
    EventForm()
    EventForm()
    assert len(EventForm()["held_on"].field.validators) == 1
    assert EventForm.base_fields["held_on"].validators == []


def test_validate_dates_names_each_bad_field():
    with pytest.raises(ValidationError) as caught:
        dates.validate_dates(
            started_on=datetime.date(1899, 12, 31),
            ended_on=datetime.date(2100, 12, 31),
            decided_on=datetime.date(2101, 1, 1),
            unknown_on=None,
        )
    assert set(caught.value.message_dict) == {"started_on", "decided_on"}


@pytest.mark.parametrize(
    "day,months,expected",
    [
        (datetime.date(2024, 1, 31), 1, datetime.date(2024, 2, 29)),
        (datetime.date(2024, 11, 30), 3, datetime.date(2025, 2, 28)),
        (datetime.date(2024, 3, 31), -1, datetime.date(2024, 2, 29)),
        (datetime.date(9999, 12, 15), 1, datetime.date.max),
        (datetime.date(5, 1, 1), -120, datetime.date.min),
    ],
)
def test_add_months_clamps_and_saturates(day, months, expected):
    assert dates.add_months(day, months) == expected


def test_add_days_saturates():
    assert dates.add_days(datetime.date(9999, 12, 31), 7) == datetime.date.max
    assert dates.add_days(datetime.date(1, 1, 3), -7) == datetime.date.min
    assert dates.add_days(datetime.date(2024, 2, 28), 1) == datetime.date(2024, 2, 29)
