"""PDF from an HTML template with WeasyPrint: tagged (PDF/UA-1), language set, page numbers
in the translated words, charts as SVG from the same Vega-Lite spec the screen shows."""

from __future__ import annotations

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from ..document import ReportDocument, Section, Table
from .cells import format_cell, is_number, page_label_parts
from .charts import chart_svg


def css_string(text: str) -> str:
    """A CSS string literal (for `content:` in @page margin boxes)."""
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{escaped}"'


def page_counter_content() -> str:
    before, middle, after = page_label_parts()
    parts = [css_string(before), "counter(page)", css_string(middle), "counter(pages)"]
    if after:
        parts.append(css_string(after))
    return " ".join(parts)


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
            "pages": page_counter_content(),
        },
        "summary_heading": _("Summary"),
    }
    return render_to_string("reports/pdf/document.html", context)


def render_pdf(document: ReportDocument) -> bytes:
    from weasyprint import HTML  # heavy import, only when a PDF is asked for

    html = HTML(string=render_html(document))
    try:
        return html.write_pdf(pdf_variant="pdf/ua-1")
    except (TypeError, ValueError, KeyError):  # an older WeasyPrint without the variant
        return html.write_pdf(pdf_tags=True)
