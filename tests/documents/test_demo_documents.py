"""Every document SLIK prints, made from the demo and read back.

PDFs: every word lies inside the page (`pdftotext -bbox`), the case one-pager is one page, the
benefits plan is tagged like the other PDFs. Word: every chart has alt text. The portfolio
export: every value in Excel and CSV equals the database (times in Norwegian time).

Set SLIK_DOCS_OUT to a folder to keep the files and a PNG of every PDF page for a look.
"""

from __future__ import annotations

import csv
import datetime
import io
import os
import re
import subprocess
import xml.etree.ElementTree as ET
import zoneinfo
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.translation import gettext
from django_scopes import scope

from slik.demo.tests.helpers import load
from slik.reports.tests.conftest import pdf_objects, pdf_text

OSLO = zoneinfo.ZoneInfo("Europe/Oslo")
MM = 72 / 25.4
# Every PDF SLIK makes has page margins of at least 14 mm; a word closer than this to a side
# edge has run out of its column (a word clipped whole would not be reported at all).
EDGE = 10 * MM


@pytest.fixture
def demo(settings, tmp_path):
    from slik.accounts.models import User
    from slik.demo.accounts import HVALER
    from slik.organisations.models import Organisation

    settings.SLIK_DEMO = True
    settings.SHARED_DATA_DIR = tmp_path / "missing"  # the demo without reference data: faster
    load()
    org = Organisation.objects.get(kind="municipality", number=HVALER)
    return org, User.objects.get(email="koordinator@hvaler.demo.slik.no")


def keep(name: str, data: bytes) -> None:
    """With SLIK_DOCS_OUT set, the file and a PNG of each PDF page, to look at."""
    folder = os.environ.get("SLIK_DOCS_OUT")
    if not folder:
        return
    path = Path(folder) / name
    path.write_bytes(data)
    if name.endswith(".pdf"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", str(path), str(path)], check=True)


def words(data: bytes):
    """(page, page width, page height, word, xMin, yMin, xMax, yMax) for every word."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-", "-"], input=data, capture_output=True, check=True
    ).stdout
    root = ET.fromstring(re.sub(rb'xmlns="[^"]+"', b"", out))
    for number, page in enumerate(root.iter("page"), start=1):
        width, height = float(page.get("width")), float(page.get("height"))
        for word in page.iter("word"):
            box = [float(word.get(key)) for key in ("xMin", "yMin", "xMax", "yMax")]
            yield number, width, height, word.text, *box


def outside_the_page(data: bytes) -> list:
    return [
        (page, text, round(x0), round(x1))
        for page, width, height, text, x0, y0, x1, y1 in words(data)
        if x0 < EDGE or x1 > width - EDGE or y0 < 0 or y1 > height
    ]


def page_count(data: bytes) -> int:
    return max((page for page, *_rest in words(data)), default=0)


def pdf_jobs(org) -> list[tuple[str, dict]]:
    """Every PDF report with every demo object it can be made for."""
    from slik.cases.models import Case
    from slik.portfolio.models import BoardMeeting
    from slik.reports import registry

    objects = {
        "case_id": list(Case.objects.filter(organisation=org).values_list("pk", flat=True)),
        "meeting_id": list(
            BoardMeeting.objects.filter(organisation=org).values_list("pk", flat=True)
        ),
        "year": sorted({d.year for d in Case.objects.values_list("created_at", flat=True)}),
    }
    jobs = []
    for definition in registry.REGISTRY.values():
        if "pdf" not in definition.formats:
            continue
        assert len(definition.parameters) <= 1, definition.key
        if not definition.parameters:
            jobs.append((definition.key, {}))
        for name in definition.parameters:
            assert objects[name], (definition.key, name)
            jobs += [(definition.key, {name: value}) for value in objects[name]]
    return jobs


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nb", "en"])
def test_every_pdf_of_the_demo_stays_inside_the_page(demo, language):
    from slik.benefits.exports.pdf import plan_pdf
    from slik.benefits.selectors import plan_data
    from slik.cases.models import Case
    from slik.reports import registry
    from slik.reports.renderers import render

    org, actor = demo
    problems, one_pagers = {}, {}
    with scope(organisation=org.pk), translation.override(language):
        jobs = pdf_jobs(org)
        for key, parameters in jobs:
            data = render(registry.get(key).build(org, parameters, actor), "pdf")
            name = f"{language}-{key}-{'-'.join(map(str, parameters.values())) or 'all'}.pdf"
            keep(name, data)
            problems[name] = outside_the_page(data)
            if key == "case_onepager":
                one_pagers[name] = page_count(data)
        for case in Case.objects.filter(organisation=org):
            data = plan_pdf(plan_data(organisation=org, case=case))
            keep(f"{language}-benefits-plan-{case.pk}.pdf", data)
            problems[f"benefits-plan-{case.pk}"] = outside_the_page(data)
            assert b"/StructTreeRoot" in pdf_objects(data)  # tagged like the other PDFs
        cases = Case.objects.filter(organisation=org).count()
    assert {key for key, _parameters in jobs} >= {"case_onepager", "council_report"}
    assert {name: found for name, found in problems.items() if found} == {}
    assert len(one_pagers) == cases >= 5
    assert set(one_pagers.values()) == {1}, one_pagers


@pytest.mark.django_db
def test_one_pager_of_a_case_with_everything_long_is_one_page(org, coordinator, leader):
    """A case with many long entries is summarised, not spread over more pages."""
    from slik.benefits.models import Benefit, Indicator
    from slik.cases.models import GateDecision, Hypothesis, Responsibility
    from slik.cases.services import case_create
    from slik.challenges.models import Challenge
    from slik.reports import registry
    from slik.reports.renderers import render

    long = "Ungdomsfrivillighetsarbeidsgruppemedlemmer " * 40
    today = datetime.date(2026, 11, 29)
    with scope(organisation=org.pk):
        floker = [Challenge.objects.create(organisation=org, title=long[:200]) for _n in range(5)]
        case = case_create(
            actor=coordinator, organisation=org, title=long[:200], challenges=floker,
            summary=long * 3, units=long[:300], partners=long[:300], owner=leader, leader=leader,
            budget=Decimal("1200000"), hours=900,
        )  # fmt: skip
        for n in range(8):
            GateDecision.objects.create(
                case=case, from_phase=1, to_phase=2, decision="go", decided_by=long[:200],
                decided_on=today - datetime.timedelta(days=n), conditions=long,
            )  # fmt: skip
            Hypothesis.objects.create(case=case, statement=long, learning=long)
            Responsibility.objects.create(case=case, name=long[:100], area=long[:100], raci="R")
            benefit = Benefit.objects.create(organisation=org, case=case, title=long[:200])
            for _m in range(2):
                Indicator.objects.create(
                    benefit=benefit, name=long[:200], unit="timer per uke",
                    baseline_value=Decimal("123456.78"), target_value=Decimal("1234567.5"),
                )  # fmt: skip
        document = registry.get("case_onepager").build(org, {"case_id": case.pk}, coordinator)
        data = render(document, "pdf")
    keep("one-pager-long.pdf", data)
    assert outside_the_page(data) == []
    assert page_count(data) == 1
    more = gettext("and %(n)s more on the case page") % {"n": 5}  # the gates beyond three
    assert more in pdf_text(data).replace("\u00ad", "").replace("- ", "")


@pytest.mark.django_db
def test_council_report_commission_table_fits_the_page(org, coordinator):
    """Long case numbers, words and comments in the widest table break inside their columns."""
    from slik.portfolio.models import Commission
    from slik.reports import registry
    from slik.reports.renderers import render

    with scope(organisation=org.pk):
        Commission.objects.create(
            organisation=org, body="Kommunestyret", decided_on=datetime.date(2026, 10, 15),
            case_number="2026/123456789", title="Forebyggende hjemmebesøk " * 5,
            status_comment="Piloten-er-i-gang-på-én-skole-den-andre-skolen-starter-i-januar "
            "https://www.hvaler.kommune.no/politikk/saksdokumenter/2026/123456789/vedlegg " * 3,
        )  # fmt: skip
        data = render(registry.get("council_report").build(org, {}, coordinator), "pdf")
    keep("council-long-comment.pdf", data)
    assert outside_the_page(data) == []
    assert "Piloten" in pdf_text(data)


# --- Charts on paper --------------------------------------------------------------------------


def axis_labels(svg: str) -> list[list[str]]:
    """The tick labels of each axis of a Vega SVG."""
    root = ET.fromstring(svg)
    found = []
    for group in root.iter("{http://www.w3.org/2000/svg}g"):
        if "role-axis-label" in (group.get("class") or ""):
            found.append(["".join(t.itertext()) for t in group.iter() if t.tag.endswith("text")])
    return found


def test_paper_axes_are_norwegian_and_have_few_ticks():
    from slik.core.charts import chart_svg
    from slik.portfolio.charts import bar_spec, resources_spec
    from slik.reports.definitions.common import bar_chart, grouped_bar_chart

    phases = [{"key": n, "label": f"Fase {n}", "budget": 250000 * n} for n in range(1, 7)]
    budget = resources_spec(phases, field="budget", title="Budsjett")
    budget["width"] = 1000  # as wide as the dashboard on a large screen
    [labels] = [axis for axis in axis_labels(chart_svg(budget)) if "0" in axis]
    assert 3 <= len(labels) <= 7, labels
    assert "1\u00a0000\u00a0000" in labels  # no-break space between thousands, not "1,000,000"

    values = [{"category": "A", "series": "Planlagt", "amount": 85000.0}]
    kroner = grouped_bar_chart(values, category="K", amount="Kroner", series="S", title="T")
    numbers = [label for axis in axis_labels(chart_svg(kroner)) for label in axis]
    assert "80\u00a0000" in numbers and not any("," in label for label in numbers)

    for largest in (1, 2, 7, 40):
        rows = [{"category": "A", "amount": largest}, {"category": "B", "amount": 0}]
        for spec in (
            bar_chart(rows, category="Fase", amount="Antall", title="T"),
            bar_spec(
                [{"label": r["category"], "count": r["amount"]} for r in rows],
                category_title="Fase",
                value_title="Antall",
            ),
        ):
            [counts] = [axis for axis in axis_labels(chart_svg(spec)) if "0" in axis]
            assert len(counts) == len(set(counts)) <= 7, counts  # not "0 1 1"
            assert all(label.isdigit() for label in counts), counts
            assert int(counts[-1]) >= largest


def test_paper_charts_in_a_pdf_write_norwegian_numbers():
    from slik.reports.definitions.common import grouped_bar_chart
    from slik.reports.document import Chart, ReportDocument, Section
    from slik.reports.renderers import render

    values = [
        {"category": "Tid", "series": "Planlagt", "amount": 85000.0},
        {"category": "Tid", "series": "Realisert", "amount": 1250000.0},
    ]
    spec = grouped_bar_chart(values, category="Kategori", amount="Kroner", series="S", title="T")
    document = ReportDocument("Tall", "Hvaler kommune", datetime.date(2026, 11, 29))
    document.sections = [Section("Gevinster", charts=[Chart("Gevinster", spec, "Tabellen")])]
    text = pdf_text(render(document, "pdf"))
    assert re.search(r"\b1 000 000\b", text), text
    assert not re.search(r"\d,\d{3}\b", text), text


@pytest.mark.django_db
def test_every_chart_in_word_has_alt_text(demo):
    import docx
    from docx.oxml.ns import qn

    from slik.reports import registry
    from slik.reports.renderers import render

    org, actor = demo
    with scope(organisation=org.pk):
        jobs = [(k, p) for k, p in pdf_jobs(org) if "docx" in registry.get(k).formats]
        pictures = 0
        for key, parameters in jobs:
            data = render(registry.get(key).build(org, parameters, actor), "docx")
            for shape in docx.Document(io.BytesIO(data)).inline_shapes:
                properties = shape._inline.find(qn("wp:docPr"))
                assert properties.get("descr", "").strip(), key
                assert properties.get("title", "").strip(), key
                pictures += 1
    assert pictures >= 2  # the council and annual reports have charts


# --- The portfolio export ---------------------------------------------------------------------


def oslo(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(OSLO).replace(tzinfo=None, second=0, microsecond=0)


def csv_number(text: str) -> Decimal:
    return Decimal(text.replace("\u00a0", "").replace(" ", "").replace(",", "."))


def csv_moment(text: str) -> datetime.datetime:
    return datetime.datetime.strptime(text, "%d.%m.%Y kl. %H.%M")


def csv_date(text: str) -> datetime.date:
    return datetime.datetime.strptime(text, "%d.%m.%Y").date()


@pytest.mark.django_db
def test_portfolio_export_writes_every_value_as_the_database_holds_it(demo):
    import openpyxl

    from slik.benefits.models import Indicator, Measurement
    from slik.cases.models import Case
    from slik.reports import registry
    from slik.reports.renderers import render

    org, actor = demo
    definition = registry.get("portfolio_export")
    assert set(definition.formats) == {"xlsx", "csv"}  # a new format needs its check below
    with scope(organisation=org.pk), translation.override("nb"):
        document = definition.build(org, {}, actor)
        csv_data = render(document, "csv", table=definition.csv_table)
        xlsx_data = render(document, "xlsx")
        cases = {case.pk: case for case in Case.objects.filter(organisation=org)}
        indicators = {i.pk: i for i in Indicator.objects.filter(benefit__organisation=org)}
        measurements = list(Measurement.objects.filter(indicator__benefit__organisation=org))
    keep("portfolio-export.csv", csv_data)
    keep("portfolio-export.xlsx", xlsx_data)
    budgets = {case.budget for case in cases.values()}
    assert {Decimal(60000), Decimal(250000), Decimal(1200000)} & budgets  # round amounts

    # CSV: the cases, one row each, every number and time as stored (local time).
    rows = list(csv.DictReader(io.StringIO(csv_data.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == len(cases)
    for row in rows:
        case = cases[int(row["ID"])]
        assert row["Tittel"].lstrip("'") == case.title
        assert int(row["Fasenummer"]) == case.phase
        assert csv_number(row["Budsjett (kr)"]) == case.budget, row
        assert csv_number(row["Anslått antall timer"]) == case.hours, row
        assert csv_moment(row["Opprettet"]) == oslo(case.created_at), row
        assert row["Publisert"] == ("Ja" if case.is_published else "Nei")

    # Excel: the same values typed, times in local time, on every sheet.
    book = openpyxl.load_workbook(io.BytesIO(xlsx_data))
    sheet = book["Case"]
    header = [cell.value for cell in sheet[1]]
    for line in sheet.iter_rows(min_row=2, values_only=True):
        row = dict(zip(header, line, strict=True))
        case = cases[row["ID"]]
        assert Decimal(str(row["Budsjett (kr)"])) == case.budget
        assert row["Anslått antall timer"] == case.hours
        assert row["Opprettet"].replace(second=0, microsecond=0) == oslo(case.created_at), row
    sheet = book["Måleindikatorer"]
    header = [cell.value for cell in sheet[1]]
    lines = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(lines) == len(indicators)
    for line in lines:
        row = dict(zip(header, line, strict=True))
        indicator = indicators[row["ID"]]
        for column, value in (
            ("Verdi ved nullpunkt", "baseline_value"),
            ("Verdi for måltall", "target_value"),
        ):
            stored = getattr(indicator, value)
            shown = row[column]
            assert (None if shown is None else Decimal(str(shown))) == stored, (column, row)
        assert _date(row["Dato for nullpunkt"]) == indicator.baseline_on
    sheet = book["Målinger"]
    header = [cell.value for cell in sheet[1]]
    exported = sorted(
        (row[0], _date(row[2]), Decimal(str(row[3])))
        for row in sheet.iter_rows(min_row=2, values_only=True)
    )
    stored = sorted((m.indicator_id, m.measured_on, m.value) for m in measurements)
    assert exported == stored
    # Every sheet: no number stored as text ("60 000" would be), dates as dates.
    for sheet in book.worksheets:
        for line in sheet.iter_rows(min_row=2):
            for cell in line:
                if isinstance(cell.value, str):
                    assert not re.fullmatch(r"-?[\d\u00a0 ]+(,\d+)?", cell.value), cell


def _date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    return value
