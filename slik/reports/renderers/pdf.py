"""PDF from an HTML template with WeasyPrint: tagged (PDF/UA-1), language set, page numbers
in the translated words, charts as SVG from the same Vega-Lite spec the screen shows.

User text reaches the page header and footer only through `css_string`, and the PDF is made by
`slik.core.pdf.html_to_pdf`, which fetches nothing but static files and data: URLs."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from slik.core.pdf import css_string, html_to_pdf, html_to_pdf_fitted, page_counter_css

from ..document import ReportDocument, Section, Table
from .cells import format_cell, is_number
from .charts import chart_svg

# The running header shares the top margin with the organisation's name; longer titles wrap.
HEADER_TITLE_CHARS = 90
# From this many columns a table is set smaller, so its words fit the column widths.
WIDE_TABLE = 6
# A column with a cell longer than this holds running text: its lines may break inside a word,
# so one long word (a URL) cannot push the table past the page. Shorter columns break only
# between words and syllables, so "Åpen" never becomes "Åpe / n".
RUNNING_TEXT = 30
# Type sizes a one-page document tries, largest first, until it lays out on one page.
ONE_PAGE_SIZES = ("8.5pt", "7.75pt", "7pt")


def _column_kind(values: list, texts: list[str]) -> str:
    if any(is_number(value) for value in values):
        return "num"
    return "text" if any(len(text) > RUNNING_TEXT for text in texts) else ""


def _table_context(table: Table) -> dict:
    texts = [[format_cell(value) for value in row] for row in table.rows]
    kinds = [
        _column_kind(
            [row[i] for row in table.rows if i < len(row)],
            [row[i] for row in texts if i < len(row)],
        )
        for i in range(len(table.columns))
    ]
    rows = [[{"text": text, "kind": kinds[i]} for i, text in enumerate(row)] for row in texts]
    return {
        "caption": table.caption,
        "columns": list(zip(table.columns, kinds, strict=True)),
        "rows": rows,
        "wide": len(table.columns) >= WIDE_TABLE,
    }


def _section_context(section: Section, level: int) -> dict:
    return {
        "heading": section.heading,
        "level": min(level, 6),
        "paragraphs": section.paragraphs,
        "key_values": [(key, format_cell(value)) for key, value in section.key_values],
        "tables": [_table_context(table) for table in section.tables],
        "charts": [
            {
                "title": chart.title,
                "description": chart.description,
                "svg": mark_safe(chart_svg(chart.spec)),  # noqa: S308 – vl-convert output
            }
            for chart in section.charts
        ],
        "subsections": [_section_context(sub, level + 1) for sub in section.subsections],
    }


def render_html(document: ReportDocument, *, font_size: str = "") -> str:
    context = {
        "document": document,
        "lang": document.language or "nb",
        "date_text": format_cell(document.date),
        "sections": [_section_context(section, 2) for section in document.sections],
        "css": {
            "organisation": css_string(document.organisation_name),
            "title": css_string(Truncator(document.title).chars(HEADER_TITLE_CHARS)),
            "date": css_string(format_cell(document.date)),
            "pages": page_counter_css(),
        },
        "summary_heading": _("Summary"),
        "one_page": document.one_page,
        "font_size": font_size or ONE_PAGE_SIZES[0],
    }
    return render_to_string("reports/pdf/document.html", context)


def render_pdf(document: ReportDocument) -> bytes:
    if document.one_page:
        # The builder caps lists and shortens texts; should a case still fill more than a
        # page, the type gets a little smaller rather than the page a sequel.
        pages = (render_html(document, font_size=size) for size in ONE_PAGE_SIZES)
        return html_to_pdf_fitted(pages, pages=1, tagged=True)
    return html_to_pdf(render_html(document), tagged=True)
