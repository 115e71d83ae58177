"""The form side of slik.core.concurrency: refusals land on the form, never as a 500."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from slik.core.concurrency import (
    CONFLICT_STATUS,
    LoadedCharField,
    LoadedIntegerField,
    StaleState,
    VersionedFormMixin,
    add_service_error,
    form_save,
    form_status,
    reload_hidden,
    requested_flag,
    shown_value,
)


class DecisionForm(forms.Form):
    decision = forms.CharField()
    expected_phase = LoadedIntegerField()
    expected_status = LoadedCharField()


class NoteForm(VersionedFormMixin, forms.Form):
    text = forms.CharField()


def test_an_error_for_a_field_the_form_lacks_becomes_a_form_error():
    form = DecisionForm({"decision": "go"})
    assert form.is_valid()
    error = ValidationError({"override_reason": ["Give a reason."], "decision": ["Not now."]})

    add_service_error(form, error)  # the form left override_reason out: no ValueError

    assert form.non_field_errors() == ["Give a reason."]
    assert form.errors["decision"] == ["Not now."]


def test_a_stale_refusal_is_a_409_with_the_message_on_the_form():
    form = DecisionForm({"decision": "go"})
    assert form.is_valid()

    def decide():
        raise StaleState("The case has moved on.")

    assert form_save(form, decide) is None
    assert form_status(form) == CONFLICT_STATUS
    assert [e.code for e in form.non_field_errors().as_data()] == ["stale"]


def test_a_missing_or_mangled_hidden_state_matches_no_object():
    """Absent, empty or unreadable: a value no version, phase, weight or status has, so the
    form is refused as out of date, never trusted unchecked (None would skip the check)."""
    for sent in ({}, {"expected_phase": "", "expected_status": ""}, {"expected_phase": "²"}):
        form = DecisionForm({"decision": "go", **sent})
        assert form.is_valid(), sent
        assert form.cleaned_data["expected_phase"] is not None
        assert form.cleaned_data["expected_phase"] < 0
        assert form.cleaned_data["expected_status"]  # not empty: "" would skip the check too
    long = DecisionForm(
        {"decision": "go", "expected_phase": "9" * 5000, "expected_status": "x" * 500}
    )
    assert long.is_valid()
    assert (
        long.cleaned_data["expected_status"] == DecisionForm().fields["expected_status"].unreadable
    )
    loaded = DecisionForm({"decision": "go", "expected_phase": "3", "expected_status": "active"})
    assert loaded.is_valid()
    assert (loaded.cleaned_data["expected_phase"], loaded.cleaned_data["expected_status"]) == (
        3,
        "active",
    )


def test_version_field_only_on_a_form_editing_something():
    assert "version" not in NoteForm().fields
    form = NoteForm({"text": "x", "version": "3"}, version=3)
    assert form.is_valid() and form.cleaned_data["version"] == 3
    reload_hidden(form, version=4)
    assert form["version"].value() == "4"
    assert form["text"].value() == "x"


def test_values_are_shown_as_people_read_them():
    choice = forms.ChoiceField(choices=[("a", "Alpha"), ("b", "Beta")])
    many = forms.MultipleChoiceField(choices=[("a", "Alpha"), ("b", "Beta")])
    assert shown_value(choice, "b") == "Beta"
    assert shown_value(many, ["b", "a"]) == "Alpha, Beta"
    assert shown_value(many, []) == shown_value(forms.CharField(), "") == "–"
    assert shown_value(forms.BooleanField(), False) != shown_value(forms.BooleanField(), True)
    assert shown_value(forms.DateField(), datetime.date(2026, 1, 2)) != "–"


def test_a_button_asks_for_a_state_not_a_toggle():
    post = RequestFactory().post
    assert requested_flag(post("/", {"active": "0"}), "active", current=False) is False
    assert requested_flag(post("/", {"active": "1"}), "active", current=True) is True
    assert requested_flag(post("/", {}), "active", current=True) is True
    assert requested_flag(post("/", {"active": "ja"}), "active", current=False) is False
