"""One reading of numbers for the forms and the import: `8,5`, `1 250,75`, `−3`, `1.234,5`.

Rules: comma or point is the decimal separator; thousands may be grouped by three with a space
(also no-break and narrow no-break), or with the other separator when both appear (`1.234,5`,
`1,234.5`); alone, `1,234` and `1.234` are decimals. At most four decimals are kept, rounded half
up; anything from 10¹² up is too large (the fields hold 16 digits, 4 of them decimals)."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scope

from slik.benefits.forms import NumberField
from slik.benefits.numbers import parse_number
from slik.benefits.services import imports

ACCEPTED = [
    ("8,5", "8.5"),
    ("12.5", "12.5"),
    ("-3", "-3"),
    ("+3", "3"),
    (" 7 ", "7"),
    ("\u22122,0", "-2"),
    ("\u22121 250,5", "-1250.5"),
    ("1 250,75", "1250.75"),
    ("1\u00a0250,75", "1250.75"),
    ("1\u202f250,75", "1250.75"),
    ("1 234 567", "1234567"),
    ("1 234.5", "1234.5"),
    ("1.234,5", "1234.5"),
    ("1.234.567,25", "1234567.25"),
    ("1,234.5", "1234.5"),
    ("1.234", "1.234"),
    ("1,234", "1.234"),
    (",5", "0.5"),
    ("0,00005", "0.0001"),
    ("0,00004", "0"),
    ("-0,00005", "-0.0001"),
    ("999999999999,9999", "999999999999.9999"),
    (7, "7"),
    (7.1, "7.1"),
    (Decimal("7.123456"), "7.1235"),
]
NOT_NUMBERS = [
    "",
    "abc",
    "8,5,1",
    "1.2.3",
    "1.234.5",
    "1,234,5",
    "12 5",
    "1 23",
    "1 234,5 6",
    "5.",
    "- 3",
    "--3",
    "NaN",
    "inf",
    "1e3",
    "1e400",
    "٣",
    True,
    float("nan"),
    float("inf"),
]
TOO_LARGE = [
    "1000000000000",
    "1" * 41,
    "-1 000 000 000 000",
    "999999999999,99995",
    1e300,
    Decimal("1e13"),
]


@pytest.mark.parametrize(("value", "expected"), ACCEPTED)
def test_numbers_are_read_as_people_write_them(value, expected):
    assert parse_number(value) == Decimal(expected)


@pytest.mark.parametrize("value", NOT_NUMBERS)
def test_what_is_not_a_number_is_refused(value):
    with pytest.raises(ValidationError) as caught:
        parse_number(value)
    assert caught.value.code == "not_a_number"


@pytest.mark.parametrize("value", TOO_LARGE)
def test_numbers_the_fields_cannot_hold_are_refused(value):
    with pytest.raises(ValidationError) as caught:
        parse_number(value)
    assert caught.value.code == "too_large"


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
