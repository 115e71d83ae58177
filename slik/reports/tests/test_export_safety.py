"""Word, Excel and CSV of every report with hostile user text: made without an error, no
formula, no link and no external reference, and the text kept as typed (minus the control
characters, which these formats cannot hold)."""

import csv
import io
import re
import zipfile

import pytest
from django_scopes import scope
from docx import Document
from openpyxl import load_workbook

from slik.core.tests.hostile import make_probe, remove_probe
from slik.reports import registry
from slik.reports.renderers import render

from .hostile_data import CONTROL, build_hostile

FORMULA_START = ("=", "+", "-", "@")
REPORTS = [(d.key, f) for d in registry.REGISTRY.values() for f in d.formats if f != "pdf"]


@pytest.fixture
def probe():
    made = make_probe()
    yield made
    remove_probe(made)


@pytest.fixture
def hostile(org, coordinator, leader, project_leader, probe):
    return build_hostile(org, coordinator, [leader, project_leader], probe, noise=CONTROL)


def _make(key, file_format, org, leader, hostile) -> bytes:
    definition = registry.get(key)
    parameters = {name: hostile[name] for name in definition.parameters}
    with scope(organisation=org.pk):
        document = definition.build(org, parameters, leader)
    return render(document, file_format, table=definition.csv_table)


def _no_external_parts(data: bytes) -> str:
    """Every XML part of an Office file, after checking none points outside the file."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        xml = "".join(archive.read(n).decode() for n in names if n.endswith((".xml", ".rels")))
    assert not [n for n in names if "externalLink" in n]
    assert 'TargetMode="External"' not in xml
    assert not re.search(r"<(w:)?hyperlinks?[\s>]|/relationships/hyperlink", xml)
    # Word fields are only the page numbers of the footer (no HYPERLINK or INCLUDE field).
    assert set(re.findall(r"<w:instrText[^>]*>([^<]*)<", xml)) <= {"PAGE", "NUMPAGES"}
    return xml


def _check_docx(data: bytes) -> str:
    _no_external_parts(data)
    document = Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for row in t.rows for c in row.cells]
    parts += [p.text for p in document.sections[0].header.paragraphs]
    return "\n".join(parts)


def _check_xlsx(data: bytes) -> str:
    _no_external_parts(data)
    workbook = load_workbook(io.BytesIO(data))
    cells = [c for sheet in workbook for row in sheet.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)
    assert all(not sheet._hyperlinks for sheet in workbook)
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert not [t for t in texts if t.startswith(FORMULA_START)]
    return "\n".join(texts)


def _check_csv(data: bytes) -> str:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert not [v for row in rows for v in row if v.startswith(FORMULA_START)]
    return "\n".join(v for row in rows for v in row)


CHECKS = {"docx": _check_docx, "xlsx": _check_xlsx, "csv": _check_csv}


def test_every_export_format_is_covered():
    assert {f for _key, f in REPORTS} <= set(CHECKS)


@pytest.mark.parametrize(("key", "file_format"), sorted(REPORTS))
def test_export_with_hostile_text_is_made_and_keeps_the_text(
    key, file_format, org, leader, hostile, probe
):
    text = CHECKS[file_format](_make(key, file_format, org, leader, hostile))
    assert "</style><link rel=attachment href=file://" in text
    assert not set(CONTROL) & set(text)
