"""Forms with errors: a summary at the top linking to each field, and «Feil:» in the title."""

from django import forms
from django.template import Context, Template

from slik.core.forms import DsForm, page_has_form_errors


class TitleForm(DsForm):
    title = forms.CharField(label="Title")


def test_summary_links_each_error_to_its_field():
    form = TitleForm(data={})
    assert not form.is_valid()
    html = str(form)
    assert 'class="ds-error-summary"' in html and "autofocus" in html
    assert 'aria-labelledby="titleform-errors-heading"' in html
    assert '<a class="ds-link" href="#id_title">Title: ' in html


def test_valid_and_unbound_forms_have_no_summary():
    assert "ds-error-summary" not in str(TitleForm())
    valid = TitleForm(data={"title": "Ventetid"})
    assert valid.is_valid() and "ds-error-summary" not in str(valid)


def test_page_title_flag_needs_a_validated_form_with_errors():
    invalid = TitleForm(data={})
    assert not page_has_form_errors(Context({"any_name": invalid}))  # not validated yet
    invalid.is_valid()
    assert page_has_form_errors(Context({"any_name": invalid}))
    assert not page_has_form_errors(Context({"form": TitleForm()}))


def test_title_tag_prefixes_error():
    form = TitleForm(data={})
    form.is_valid()
    template = Template(
        "{% load form_errors %}{% page_has_form_errors as flag %}{% if flag %}Feil: {% endif %}x"
    )
    assert template.render(Context({"form": form})) == "Feil: x"
    assert template.render(Context({"form": TitleForm()})) == "x"
