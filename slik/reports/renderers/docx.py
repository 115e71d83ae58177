"""Word with python-docx: real heading styles, tables, charts as PNG, a PAGE field in the
footer and the document language set in the styles (w:lang)."""

from __future__ import annotations

import io

from django.utils.translation import gettext as _
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from slik.core.pdf import page_label_parts

from ..document import ReportDocument, Section, Table
from .cells import format_cell, is_number, language_tag
from .charts import chart_png

FONT = "Inter"


def _set_language(document, tag: str) -> None:
    """w:lang on the default run properties and the Normal style, so spelling and screen
    readers use the right language."""
    styles = document.styles.element
    rpr_default = styles.find(qn("w:docDefaults"))
    targets = []
    if rpr_default is not None:
        rpr = rpr_default.find(qn("w:rPrDefault"))
        if rpr is not None and rpr.find(qn("w:rPr")) is not None:
            targets.append(rpr.find(qn("w:rPr")))
    targets.append(document.styles["Normal"].element.get_or_add_rPr())
    for rpr in targets:
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        for attr in ("w:val", "w:eastAsia", "w:bidi"):
            lang.set(qn(attr), tag)


def _field(paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the pages."""
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = instruction
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    placeholder = OxmlElement("w:t")
    placeholder.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instr, separate, placeholder, end):
        run._r.append(element)


def _header_and_footer(doc, document: ReportDocument) -> None:
    section = doc.sections[0]
    section.header.paragraphs[0].text = f"{document.organisation_name} – {document.title}"
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    before, middle, after = page_label_parts()
    footer.add_run(f"{format_cell(document.date)}    {before}")
    _field(footer, "PAGE")
    footer.add_run(middle)
    _field(footer, "NUMPAGES")
    if after:
        footer.add_run(after)


def _base_styles(doc) -> None:
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11.5)
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4"):
        doc.styles[name].font.name = FONT


def _add_table(doc, table: Table) -> None:
    caption = doc.add_paragraph(table.caption, style="Caption")
    caption.paragraph_format.keep_with_next = True
    if not table.rows:
        doc.add_paragraph("–")
        return
    grid = doc.add_table(rows=1, cols=len(table.columns))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    header = grid.rows[0]
    _mark_header_row(header)
    for cell, text in zip(header.cells, table.columns, strict=False):
        cell.text = ""
        cell.paragraphs[0].add_run(str(text)).bold = True
    for row in table.rows:
        cells = grid.add_row().cells
        for cell, value in zip(cells, row, strict=False):
            cell.text = format_cell(value)
            if is_number(value):
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _mark_header_row(row) -> None:
    """Repeat the header row on every page and tell assistive technology it is a header."""
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _alt_text(picture, title: str, description: str) -> None:
    """Word's alt text (wp:docPr title and descr): what a screen reader says for the chart."""
    properties = picture._inline.docPr
    properties.set("title", title)
    properties.set("descr", description or title)


def _add_section(doc, section: Section, level: int) -> None:
    doc.add_heading(section.heading, level=min(level, 9))
    for paragraph in section.paragraphs:
        doc.add_paragraph(paragraph)
    for key, value in section.key_values:
        paragraph = doc.add_paragraph()
        paragraph.add_run(f"{key}: ").bold = True
        paragraph.add_run(format_cell(value))
    for chart in section.charts:
        picture = doc.add_picture(io.BytesIO(chart_png(chart.spec)), width=Cm(15))
        text = f"{chart.title}. {chart.description}".strip().rstrip(".")
        _alt_text(picture, chart.title, text)
        doc.add_paragraph(text, style="Caption")
    for table in section.tables:
        _add_table(doc, table)
    for sub in section.subsections:
        _add_section(doc, sub, level + 1)


def render_docx(document: ReportDocument) -> bytes:
    doc = Document()
    _base_styles(doc)
    _set_language(doc, language_tag(document.language))
    doc.core_properties.title = document.title
    doc.core_properties.author = document.organisation_name
    doc.core_properties.language = language_tag(document.language)
    _header_and_footer(doc, document)
    doc.add_paragraph(document.organisation_name).runs[0].bold = True
    doc.add_heading(document.title, level=0)
    if document.subtitle:
        doc.add_paragraph(document.subtitle)
    doc.add_paragraph(format_cell(document.date))
    if document.summary:
        doc.add_heading(_("Summary"), level=1)
        for paragraph in document.summary:
            doc.add_paragraph(paragraph)
    for section in document.sections:
        _add_section(doc, section, 1)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
