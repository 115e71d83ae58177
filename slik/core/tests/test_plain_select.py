"""PlainSelect writes the markup Django's template-rendered Select writes."""

import re

import pytest
from django import forms

from slik.core.choices import PlainSelect

CHOICES = [
    ("", "Alle"),
    (1, "Ærlig <b>&</b>"),
    ("Gruppe", [("a", "A"), ("b", "B")]),
    (None, "Ingen"),
]


def _same_markup(html: str) -> str:
    return re.sub(r"\s*\n\s*", "", html)


@pytest.mark.parametrize("value", [None, "", 1, "1", "b", "x"])
def test_plain_select_writes_what_django_writes(value):
    attrs = {"id": "filter-owner", "class": "ds-input", "aria-describedby": "x_helptext"}
    plain = PlainSelect(choices=CHOICES).render("owner", value, attrs)
    django = forms.Select(choices=CHOICES).render("owner", value, attrs)
    assert _same_markup(plain) == _same_markup(django)
