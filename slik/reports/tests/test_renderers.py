"""Renderers read back: pdftotext, python-docx and openpyxl."""

import datetime
import io
from decimal import Decimal

import pytest
from django.utils import translation
from django.utils.translation import gettext

from slik.reports.document import Chart, ReportDocument, Section, Table
from slik.reports.renderers import filename_for, render
from slik.reports.renderers.cells import format_cell
from slik.reports.renderers.csv import csv_value

from .conftest import pdf_objects, pdf_text

SPEC = {
    "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
    "data": {"values": [{"category": "Innsikt", "amount": 3}, {"category": "Pilot", "amount": 5}]},
    "mark": "bar",
    "encoding": {
        "y": {"field": "category", "type": "nominal"},
        "x": {"field": "amount", "type": "quantitative"},
    },
}
DANGEROUS = ["=1+1", "@SUM(A1)", "+cmd|' /C calc'!A0", "-2+3"]


def document() -> ReportDocument:
    table = Table(
        "Saker og tall",
        ["Tittel", "Beløp", "Dato", "Antall"],
        [[text, Decimal("1234567.50"), datetime.date(2026, 3, 14), 42] for text in DANGEROUS]
        + [["Blåbærsyltetøy på Ærøy", None, None, 7]],
        sheet="Saker",
    )
    second = Table("Mål", ["Mål", "Saker"], [["Gode liv", 3]], sheet="Plan/mål")
    return ReportDocument(
        title="Porteføljerapport",
        organisation_name="Hvaler kommune",
        date=datetime.date(2026, 5, 1),
        summary=["Kommunen har 12 saker om æøå."],
        sections=[
            Section(
                "Saker",
                paragraphs=["Økt trygghet på øyene."],
                key_values=[("Budsjett", Decimal("987654"))],
                charts=[Chart("Saker per fase", SPEC, "Tabellen viser det samme.")],
                tables=[table],
                subsections=[Section("Mål", tables=[second])],
            )
        ],
    )


def test_format_cell_writes_norwegian_numbers_and_dates():
    assert format_cell(1234567) == "1\u00a0234\u00a0567"
    assert format_cell(Decimal("1234.50")) == "1\u00a0234,5"
    assert format_cell(datetime.date(2026, 3, 4)) == "04.03.2026"
    assert format_cell(None) == "–"


def test_pdf_has_text_numbers_page_numbers_language_and_tags():
    with translation.override("nb"):
        data = render(document(), "pdf")
        page_word = gettext("Page %(page)s of %(pages)s") % {"page": 1, "pages": ""}
    text = pdf_text(data)
    assert "Hvaler kommune" in text
    assert "Porteføljerapport" in text
    assert "Blåbærsyltetøy på Ærøy" in text
    assert "1 234 567,5" in text
    assert "01.05.2026" in text
    assert page_word.strip() in text  # "Side 1 av" with the Norwegian catalogue
    objects = pdf_objects(data)
    assert b"/StructTreeRoot" in objects
    assert b"/Lang (nb)" in objects or b"/Lang(nb)" in objects
    assert b"/MarkInfo" in objects


def test_docx_has_heading_styles_tables_page_field_and_language():
    import docx

    data = render(document(), "docx")
    doc = docx.Document(io.BytesIO(data))
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Head")]
    assert ("Heading 1", "Saker") in headings
    assert ("Heading 2", "Mål") in headings
    table = doc.tables[0]
    assert table.rows[0].cells[0].text == "Tittel"
    assert table.rows[5].cells[0].text == "Blåbærsyltetøy på Ærøy"
    assert table.rows[1].cells[1].text == "1\u00a0234\u00a0567,5"
    footer_xml = doc.sections[0].footer._element.xml
    assert "PAGE" in footer_xml and "NUMPAGES" in footer_xml
    assert 'w:val="nb-NO"' in doc.styles.element.xml
    assert len(doc.inline_shapes) == 1  # the chart as PNG


def test_xlsx_one_sheet_per_table_with_real_types_and_no_formulas():
    import openpyxl

    data = render(document(), "xlsx")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Saker", "Plan-mål"]
    sheet = book["Saker"]
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.bold
    for row, text in enumerate(DANGEROUS, start=2):
        cell = sheet.cell(row=row, column=1)
        assert cell.data_type == "s", text
        assert cell.value == "'" + text
    assert sheet["B2"].data_type == "n" and sheet["B2"].value == 1234567.5
    assert sheet["C2"].is_date and sheet["C2"].value.date() == datetime.date(2026, 3, 14)
    assert sheet["D2"].value == 42
    assert sheet["A6"].value == "Blåbærsyltetøy på Ærøy"
    assert sheet.column_dimensions["A"].width > 10
    assert book["Plan-mål"]["B2"].value == 3


def test_csv_semicolons_bom_and_injection_blocked():
    data = render(document(), "csv")
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "Tittel;Beløp;Dato;Antall"
    assert lines[1] == "'=1+1;1\u00a0234\u00a0567,5;14.03.2026;42"  # as the screen shows it
    assert lines[2].startswith("'@SUM(A1);")
    assert lines[3].startswith("'+cmd")
    assert lines[5] == "Blåbærsyltetøy på Ærøy;;;7"


def test_csv_picks_a_named_table():
    data = render(document(), "csv", table="Plan/mål")
    assert data.decode("utf-8-sig").splitlines() == ["Mål;Saker", "Gode liv;3"]


@pytest.mark.parametrize(
    "value,expected", [(Decimal("0.10"), "0,1"), (2.5, "2,5"), (0, "0"), (None, "")]
)
def test_csv_value(value, expected):
    assert csv_value(value) == expected


def test_filename_is_ascii():
    assert filename_for(document(), "pdf") == "hvaler-kommune-portefoljerapport-2026-05-01.pdf"


def test_unknown_format_is_refused():
    with pytest.raises(ValueError):
        render(document(), "odt")
