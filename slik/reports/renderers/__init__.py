"""Renderers turn one `ReportDocument` into a file: PDF, Word, Excel or CSV.

`render(document, file_format)` returns the bytes; `CONTENT_TYPES` and `filename_for` give the
download headers. Each renderer module imports its heavy library only when it is used.
"""

from __future__ import annotations

import re
import unicodedata

from ..document import ReportDocument, xml_safe

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def render(document: ReportDocument, file_format: str, *, table: str = "") -> bytes:
    """The document as `file_format`; `table` names the sheet a CSV exports (else the first)."""
    document = xml_safe(document)
    if file_format == "pdf":
        from .pdf import render_pdf

        return render_pdf(document)
    if file_format == "docx":
        from .docx import render_docx

        return render_docx(document)
    if file_format == "xlsx":
        from .xlsx import render_xlsx

        return render_xlsx(document)
    if file_format == "csv":
        from .csv import render_csv

        return render_csv(document, table=table)
    raise ValueError(f"Unknown format {file_format}")


def filename_for(document: ReportDocument, file_format: str) -> str:
    """A safe ASCII file name: "hvaler-portefoljerapport-2026-05-01.pdf"."""
    text = f"{document.organisation_name} {document.title} {document.date.isoformat()}"
    text = text.replace("æ", "ae").replace("ø", "o").replace("å", "a")
    text = text.replace("Æ", "Ae").replace("Ø", "O").replace("Å", "A")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-zA-Z0-9]+", "-", text).strip("-").lower()[:120]
    return f"{slug or 'rapport'}.{file_format}"
