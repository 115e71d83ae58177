"""The case list's filter bar is written in Python; it is what the form templates write."""

from django.forms.forms import BaseForm
from django_scopes import scope

from slik.cases.filters import CaseFilterForm


def test_case_filter_bar_matches_the_templates(coordinator, org):
    for data in (None, {"q": "x & y", "phase": "2"}, {"phase": "nope", "owner": "²"}):
        with scope(organisation=org.pk):
            form = CaseFilterForm(data, actor=coordinator, organisation=org)
            form.filters()
            assert str(form) == BaseForm.render(form)
