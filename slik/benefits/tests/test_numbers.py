"""The form field and the file import read a number alike: both call
`slik.core.formats.parse_number`, whose own rules are tested in slik/core/tests/test_formats.py."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scope

from slik.benefits.services import imports
from slik.core.forms import NumberField
from slik.core.tests.test_formats import ACCEPTED, NOT_NUMBERS, TOO_LARGE


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    [
        text
        for text in [t for t, _ in ACCEPTED] + TOO_LARGE + NOT_NUMBERS
        if isinstance(text, str) and text
    ],
)
def test_form_and_import_read_a_number_alike(indicator, text):
    field = NumberField(required=False)
    try:
        typed = field.clean(text)
    except ValidationError:
        typed = None
    content = f"dato;verdi\n2024-06-01;{text}\n".encode()
    with scope(organisation=indicator.benefit.organisation_id):
        rows = imports.validate_rows(
            imports.read_upload(SimpleUploadedFile("m.csv", content)),
            indicators=[indicator],
            fixed=indicator,
        )
    assert rows[0].value == typed
    assert bool(rows[0].errors) == (typed is None)
    assert rows[0].measured_on == datetime.date(2024, 6, 1)
