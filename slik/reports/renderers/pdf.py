"""PDF from an HTML template with WeasyPrint: tagged (PDF/UA-1), language set, page numbers
in the translated words, charts as SVG from the same Vega-Lite spec the screen shows.

User text reaches the page header and footer only through `css_string`, and the PDF is made by
`slik.core.pdf.html_to_pdf`, which fetches nothing but static files and data: URLs."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from slik.core.pdf import css_string, html_to_pdf, page_counter_css

from ..document import ReportDocument, Section, Table
from .cells import format_cell, is_number
from .charts import chart_svg


def _table_context(table: Table) -> dict:
    numeric = [
        any(is_number(row[i]) for row in table.rows if i < len(row))
        for i in range(len(table.columns))
    ]
    rows = [
        [{"text": format_cell(value), "num": numeric[i]} for i, value in enumerate(row)]
        for row in table.rows
    ]
    return {
        "caption": table.caption,
        "columns": list(zip(table.columns, numeric, strict=True)),
        "rows": rows,
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


def render_html(document: ReportDocument) -> str:
    context = {
        "document": document,
        "lang": document.language or "nb",
        "date_text": format_cell(document.date),
        "sections": [_section_context(section, 2) for section in document.sections],
        "css": {
            "organisation": css_string(document.organisation_name),
            "title": css_string(document.title[:90]),
            "date": css_string(format_cell(document.date)),
            "pages": page_counter_css(),
        },
        "summary_heading": _("Summary"),
    }
    return render_to_string("reports/pdf/document.html", context)


def render_pdf(document: ReportDocument) -> bytes:
    return html_to_pdf(render_html(document), tagged=True)
