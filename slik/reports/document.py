"""The format-free shape of a report. Domain apps build a `ReportDocument`; the renderers in
`slik.reports.renderers` turn the same document into PDF, Word, Excel or CSV (pretix's exporter
idea: data separate from format)."""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass, field
from typing import Any

from slik.core.exports import xml_text


@dataclass
class Table:
    """A table with typed cells (str, int, float, Decimal, date, datetime or None).

    `columns` are the header texts; `sheet` names the Excel sheet when the table is exported
    one sheet per entity.
    """

    caption: str
    columns: list[str]
    rows: list[list[Any]]
    sheet: str = ""


@dataclass
class Chart:
    """A Vega-Lite spec (dict) with a text alternative; rendered to SVG for paper."""

    title: str
    spec: dict
    description: str = ""


@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    key_values: list[tuple[str, str]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    charts: list[Chart] = field(default_factory=list)
    subsections: list[Section] = field(default_factory=list)


@dataclass
class ReportDocument:
    title: str
    organisation_name: str
    date: datetime.date
    subtitle: str = ""
    language: str = "nb"
    summary: list[str] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    # Laid out dense enough for one A4 page (the builder keeps the content short enough).
    one_page: bool = False

    def tables(self) -> list[Table]:
        """Every table, depth first – the Excel and CSV renderers export these."""
        found: list[Table] = []

        def walk(sections):
            for section in sections:
                found.extend(section.tables)
                walk(section.subsections)

        walk(self.sections)
        return found


def _xml_safe(value):
    if isinstance(value, str):
        return xml_text(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _xml_safe(getattr(value, f.name)) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    if isinstance(value, list | tuple):
        return type(value)(_xml_safe(item) for item in value)
    if isinstance(value, dict):
        return {key: _xml_safe(item) for key, item in value.items()}
    return value


def xml_safe(document: ReportDocument) -> ReportDocument:
    """A copy with every text – table cells, chart specs included – stripped of what XML
    cannot hold. Word, Excel and the charts are XML: one control character in a title made
    python-docx and openpyxl raise, and vl-convert abort the process."""
    return _xml_safe(document)
