"""Every file writes a value as the screen shows it: the template filters of
`slik.core.templatetags.formats` against PDF, Word, CSV and Excel made from one document."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from slik.reports.document import ReportDocument, Section, Table
from slik.reports.renderers import render

from .conftest import pdf_text

UTC = datetime.UTC
# (value, how the screen writes it)
CELLS = [
    (Decimal("1234567.50"), "{{ v|number }}"),
    (Decimal("-1234.567"), "{{ v|number }}"),
    (Decimal("8.00"), "{{ v|number }}"),
    (0.125, "{{ v|number }}"),
    (1200000, "{{ v|number }}"),
    (datetime.date(2026, 3, 4), "{{ v|short_date }}"),
    (datetime.datetime(2026, 11, 29, 9, 15, tzinfo=UTC), "{{ v|short_datetime }}"),  # 10.15
    (datetime.datetime(2026, 6, 30, 22, 5, tzinfo=UTC), "{{ v|short_datetime }}"),  # 1 July
]
VALUES = [value for value, _template in CELLS]


def on_screen(language: str) -> list[str]:
    with translation.override(language):
        return [
            Template("{% load formats %}" + template).render(Context({"v": value}))
            for value, template in CELLS
        ]


def document(language: str) -> ReportDocument:
    columns = [f"K{n}" for n in range(len(VALUES))]
    return ReportDocument(
        title="Tall",
        organisation_name="Hvaler kommune",
        date=datetime.date(2026, 5, 1),
        language=language,
        sections=[Section("Tall", tables=[Table("Tall", columns, [VALUES], sheet="Tall")])],
    )


def made(file_format: str, language: str) -> bytes:
    with translation.override(language):
        return render(document(language), file_format)


@pytest.mark.parametrize("language", ["nb", "en"])
def test_csv_writes_what_the_screen_shows(language):
    rows = list(csv.reader(io.StringIO(made("csv", language).decode("utf-8-sig")), delimiter=";"))
    assert rows[1] == on_screen(language)
    assert rows[1][6] == ("29.11.2026 kl. 10.15" if language == "nb" else "29.11.2026 10:15")
    assert rows[1][7].startswith("01.07.2026")  # Norwegian time, not UTC


@pytest.mark.parametrize("language", ["nb", "en"])
def test_word_writes_what_the_screen_shows(language):
    import docx

    table = docx.Document(io.BytesIO(made("docx", language))).tables[0]
    assert [cell.text for cell in table.rows[1].cells] == on_screen(language)


@pytest.mark.parametrize("language", ["nb", "en"])
def test_pdf_writes_what_the_screen_shows(language):
    text = pdf_text(made("pdf", language))
    for shown in on_screen(language):
        assert " ".join(shown.split()) in text  # pdftotext gives no-break spaces as spaces


def excel_shows(value, code: str) -> str:
    """What Excel with Norwegian separators draws for the number formats the renderer uses:
    `#,##0` with n zeros after the point, or the day-month-year codes."""
    if isinstance(value, datetime.datetime | datetime.date):
        for token, part in (("YYYY", "%Y"), ("DD", "%d"), ('"kl."', "kl."), ("HH", "%H")):
            code = code.replace(token, part)
        code = code.replace("MM", "%m", 1).replace("MM", "%M")  # months, then minutes
        return value.strftime(code)
    assert code.startswith("#,##0"), code
    decimals = len(code.partition(".")[2])
    number = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), "ROUND_HALF_UP")
    whole, _point, fraction = f"{abs(number):,f}".partition(".")
    sign = "-" if number < 0 and number != 0 else ""
    return sign + whole.replace(",", "\u00a0") + ("," + fraction if fraction else "")


@pytest.mark.parametrize("language", ["nb", "en"])
def test_excel_keeps_numbers_and_dates_typed_and_shows_them_as_the_screen(language):
    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(made("xlsx", language)))["Tall"]
    cells = list(sheet.iter_rows(min_row=2, max_row=2))[0]
    assert [c.data_type for c in cells[:5]] == ["n"] * 5
    assert all(c.is_date for c in cells[5:])
    assert cells[0].value == 1234567.5 and cells[4].value == 1200000
    assert cells[6].value == datetime.datetime(2026, 11, 29, 10, 15)  # Norwegian time
    shown = [excel_shows(c.value, c.number_format) for c in cells]
    assert shown == on_screen(language)


@pytest.mark.parametrize("file_format", ["pdf", "docx", "xlsx", "csv"])
def test_a_number_no_format_writes_leaves_a_blank_instead_of_failing(file_format):
    table = Table("Tall", ["A", "B"], [[float("nan"), float("inf")]])
    document = ReportDocument("Tall", "Hvaler kommune", datetime.date(2026, 5, 1))
    document.sections = [Section("Tall", tables=[table])]
    assert render(document, file_format)


def test_ids_and_years_are_written_without_grouping_in_every_format():
    from slik.core.formats import Code, format_value
    from slik.reports.renderers.csv import csv_value
    from slik.reports.renderers.xlsx import cell_value

    assert format_value(Code(2026)) == "2026"
    assert csv_value(Code(12345)) == "12345"
    assert cell_value(Code(12345)) == 12345 and type(cell_value(Code(12345))) is int
    assert format_value(2026) == "2\u00a0026"  # a count or an amount is still grouped
