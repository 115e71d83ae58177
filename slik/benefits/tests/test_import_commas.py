"""Decimal commas in a CSV file whose columns are separated by commas.

`2024-06-01,24,5` under `dato,verdi,kommentar` is either 24 with the comment “5” or 24,5 with no
comment; a row the file cannot settle is refused, never imported as 24. Quoting settles it, and so
do semicolons or tabs between the columns."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django_scopes import scope

from slik.benefits.models import Measurement
from slik.benefits.services import imports

pytestmark = pytest.mark.django_db


def validate(indicator, content: bytes):
    with scope(organisation=indicator.benefit.organisation_id):
        return imports.validate_rows(
            imports.read_upload(SimpleUploadedFile("m.csv", content)),
            indicators=[indicator],
            fixed=indicator,
        )


def split_errors(row) -> list[str]:
    return [error for error in row.errors if "decimal comma" in error]


def import_url(indicator):
    return reverse(
        "benefits:import_indicator", kwargs={"org_slug": "hvaler", "indicator_id": indicator.pk}
    )


@pytest.mark.parametrize("third", ["kommentar", "enhet", "comment", "unit"])
@pytest.mark.parametrize(
    "line",
    [
        "2024-06-01,24,5",
        "2024-06-01,-24,5",
        "2024-06-01,\u221224,05",
        "2024-06-01,1 234,5",
        "2024-06-01,1.234,5",
        '"2024-06-01",24,5',
        "2024-06-01,24, 5",
    ],
)
def test_whole_number_followed_by_digits_is_refused(indicator, third, line):
    with translation.override("en"):
        rows = validate(indicator, f"dato,verdi,{third}\n{line}\n".encode())
    assert split_errors(rows[0])


@pytest.mark.parametrize(
    "line,value,comment",
    [
        ('2024-06-01,24,"5"', "24", "5"),
        ('2024-06-01,"24",5', "24", "5"),
        ('2024-06-01,"24,5",ok', "24.5", "ok"),
        ("2024-06-01,24,", "24", ""),
        ("2024-06-01,24", "24", ""),
        ("2024-06-01,24,5 personer", "24", "5 personer"),
        ("2024-06-01,24.5,3", "24.5", "3"),
        ("2024-06-01,24,ok", "24", "ok"),
        ("2024-06-01,24,-5", "24", "-5"),
    ],
)
def test_settled_rows_are_imported_as_written(indicator, line, value, comment):
    rows = validate(indicator, f"dato,verdi,kommentar\n{line}\n".encode())
    assert rows[0].errors == []
    assert rows[0].value == Decimal(value) and rows[0].comment == comment


@pytest.mark.parametrize("separator", [";", "\t"])
def test_semicolons_and_tabs_are_never_ambiguous(indicator, separator):
    header = separator.join(["dato", "verdi", "kommentar"])
    line = separator.join(["2024-06-01", "24", "5"])
    rows = validate(indicator, f"{header}\n{line}\n".encode())
    assert rows[0].errors == []
    assert rows[0].value == Decimal("24") and rows[0].comment == "5"


def test_quoted_cell_over_several_lines_keeps_the_next_row_checked(indicator):
    content = (
        'dato,verdi,kommentar\n2024-05-01,7,"to\nlinjer, 5"\n2024-06-01,24,5\n'
        '2024-07-01,"24,5","a ""sitat"", 5"\n'
    )
    with translation.override("en"):
        rows = validate(indicator, content.encode())
    assert rows[0].errors == [] and rows[0].comment == "to linjer, 5"
    assert rows[1].line == 3 and split_errors(rows[1])
    assert rows[2].errors == [] and rows[2].value == Decimal("24.5")


def test_value_in_the_last_column_with_digits_after_it_is_refused(indicator):
    with translation.override("en"):
        rows = validate(indicator, b"kommentar,dato,verdi\nok,2024-06-01,24,5\n")
    assert rows[0].errors


def test_unquoted_decimal_comma_under_a_comma_header_is_an_error(indicator):
    rows = validate(indicator, b'date,value\n2024-06-01,24,5\n2024-07-01,"24,5"\n')
    assert rows[0].errors and rows[1].errors == []
    assert str(rows[1].value) == "24.5000"


def test_trailing_empty_cells_are_not_surplus(indicator):
    rows = validate(indicator, b"date,value\n2024-06-01,24,,\n")
    assert rows[0].errors == []


@pytest.mark.parametrize("header", ["date,value", "dato,verdi,kommentar", "dato,verdi,enhet"])
def test_ambiguous_comma_file_imports_nothing(client_as, coordinator, indicator, header):
    upload = SimpleUploadedFile("m.csv", f"{header}\n2024-06-01,24,5\n".encode())
    response = client_as(coordinator).post(import_url(indicator), {"file": upload})
    assert response.status_code == 422 and response.context["token"] is None
    with scope(organisation=indicator.benefit.organisation_id):
        assert not Measurement.objects.filter(indicator=indicator).exists()


def test_settled_comma_file_imports_the_whole_number(client_as, coordinator, indicator):
    upload = SimpleUploadedFile("m.csv", b'dato,verdi,kommentar\n2024-06-01,24,"5"\n')
    client = client_as(coordinator)
    preview = client.post(import_url(indicator), {"file": upload})
    assert preview.status_code == 200
    confirm = reverse(
        "benefits:import_confirm",
        kwargs={"org_slug": "hvaler", "case_id": indicator.benefit.case_id},
    )
    client.post(confirm, {"token": preview.context["token"]})
    with scope(organisation=indicator.benefit.organisation_id):
        stored = Measurement.objects.get(indicator=indicator)
    assert (stored.measured_on, stored.value, stored.comment) == (
        datetime.date(2024, 6, 1),
        Decimal("24"),
        "5",
    )
