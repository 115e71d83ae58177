import datetime
import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope
from openpyxl import Workbook

from slik.benefits.models import Indicator, Measurement
from slik.benefits.services import imports
from slik.core.models import AuditEvent

pytestmark = pytest.mark.django_db


def csv_file(text, name="malinger.csv", bom=False):
    data = text.encode("utf-8")
    return SimpleUploadedFile(name, (b"\xef\xbb\xbf" if bom else b"") + data, "text/csv")


def xlsx_file(rows, sheet="Målinger", extra_sheet=None):
    workbook = Workbook()
    ws = workbook.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    if extra_sheet:
        workbook.create_sheet(extra_sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("malinger.xlsx", buffer.getvalue())


def ind_url(name, indicator):
    return reverse(f"benefits:{name}", kwargs={"org_slug": "hvaler", "indicator_id": indicator.pk})


def case_url(name, case):
    return reverse(f"benefits:{name}", kwargs={"org_slug": "hvaler", "case_id": case.pk})


def count(indicator):
    with scope(organisation=indicator.benefit.organisation_id):
        return Measurement.objects.filter(indicator=indicator).count()


def validate(upload, indicator):
    with scope(organisation=indicator.benefit.organisation_id):
        rows = imports.validate_rows(
            imports.read_upload(upload), indicators=[indicator], fixed=indicator
        )
    return rows


@pytest.mark.parametrize("bom", [True, False])
def test_semicolon_csv_with_decimal_comma_and_norwegian_dates(indicator, bom):
    rows = validate(
        csv_file("dato;verdi;kommentar\n2024-02-01;7,5;Første\n01.03.2024;1 234,25;\n", bom=bom),
        indicator,
    )
    assert [r.errors for r in rows] == [[], []]
    assert rows[0].value == Decimal("7.5") and rows[0].measured_on == datetime.date(2024, 2, 1)
    assert rows[1].value == Decimal("1234.25") and rows[1].measured_on == datetime.date(2024, 3, 1)
    assert rows[0].comment == "Første"


def test_comma_csv(indicator):
    rows = validate(csv_file('date,value\n2024-02-01,"7,5"\n2024-03-01,7.25\n'), indicator)
    assert [r.value for r in rows] == [Decimal("7.5"), Decimal("7.25")]


def test_row_errors(indicator):
    future = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    text = (
        "dato;verdi;enhet\n"
        "2024-02-02;sju;%\n"  # 2 not a number
        "2024-13-01;7;%\n"  # 3 bad date
        f"{future};7;%\n"  # 4 future
        "2010-01-01;7;%\n"  # 5 far before baseline
        "2024-02-01;7;%\n"  # 6 ok
        "2024-02-01;7;%\n"  # 7 duplicate of 6
        "2024-04-01;7;timer\n"  # 8 wrong unit
        "2024-05-01;NaN;%\n"  # 9 NaN
    )
    rows = validate(csv_file(text), indicator)
    errors = {r.line: r.errors for r in rows}
    assert all(errors[line] for line in (2, 3, 4, 5, 7, 8, 9))
    assert errors[6] == []


def test_existing_measurement_date_is_marked_as_on_record(indicator):
    with scope(organisation=indicator.benefit.organisation_id):
        on_record = Measurement.objects.create(
            indicator=indicator, measured_on=datetime.date(2024, 2, 1), value=1
        )
    rows = validate(csv_file("dato;verdi\n2024-02-01;7\n2024-03-01;7\n"), indicator)
    assert [row.errors for row in rows] == [[], []]
    assert rows[0].existing == on_record and rows[1].existing is None


@pytest.mark.parametrize(
    "upload",
    [
        lambda: csv_file("when;how much\n2024-01-01;1\n"),
        lambda: csv_file("dato;verdi\n"),
        lambda: SimpleUploadedFile("x.pdf", b"%PDF-1.4"),
        lambda: SimpleUploadedFile("x.xlsx", b"PK\x03\x04not a zip"),
        lambda: xlsx_file([["dato", "verdi"]], sheet="Ark1", extra_sheet="Ark2"),
    ],
)
def test_file_errors(indicator, upload):
    with pytest.raises(imports.ImportFileError):
        imports.read_upload(upload())


def test_xlsx_with_typed_cells_and_a_formula(indicator):
    upload = xlsx_file(
        [
            ["Dato", "Verdi"],
            [datetime.date(2024, 2, 1), 7.5],
            ["01.03.2024", "7,25"],
            [datetime.date(2024, 4, 1), "=A2*2"],
        ],
        sheet="Ark1",
    )
    rows = validate(upload, indicator)
    assert rows[0].errors == [] and rows[0].value == Decimal("7.5")
    assert rows[1].errors == []
    assert rows[2].errors  # formula refused


def _upload(client, url, upload):
    return client.post(url, {"file": upload})


def test_bad_row_imports_nothing_then_fixed_file_imports_all(client_as, coordinator, indicator):
    client = client_as(coordinator)
    bad = _upload(
        client,
        ind_url("import_indicator", indicator),
        csv_file("dato;verdi\n2024-02-01;7,5\n2024-03-01;x\n"),
    )
    assert bad.status_code == 422
    html = bad.content.decode()
    assert (
        'id="import-errors"' in html
        and 'data-line="3"' in html
        and 'id="import-confirm"' not in html
    )
    assert count(indicator) == 0
    good = _upload(
        client,
        ind_url("import_indicator", indicator),
        csv_file("dato;verdi\n2024-02-01;7,5\n2024-03-01;7\n"),
    )
    assert good.status_code == 200
    token = good.context["token"]
    assert count(indicator) == 0  # preview saves nothing
    done = client.post(case_url("import_confirm", indicator.benefit.case), {"token": token})
    assert done.status_code == 302
    assert done["Location"] == ind_url("indicator", indicator)
    assert count(indicator) == 2
    with scope(organisation=indicator.benefit.organisation_id):
        event = AuditEvent.objects.get(action="measurement.imported")
    assert event.data["count"] == 2
    again = client.post(case_url("import_confirm", indicator.benefit.case), {"token": token})
    assert again.status_code == 302 and count(indicator) == 2  # token used up


def test_confirm_revalidates(client_as, coordinator, indicator):
    client = client_as(coordinator)
    preview = _upload(
        client,
        ind_url("import_indicator", indicator),
        csv_file("dato;verdi\n2024-02-01;7,5\n2024-03-01;7\n"),
    )
    with scope(organisation=indicator.benefit.organisation_id):
        # Now 2024-02-01 is more than ten years before the baseline.
        Indicator.objects.filter(pk=indicator.pk).update(baseline_on=datetime.date(2035, 1, 1))
    response = client.post(
        case_url("import_confirm", indicator.benefit.case), {"token": preview.context["token"]}
    )
    assert response.status_code == 422
    assert count(indicator) == 0


def test_case_import_matches_indicator_names(client_as, coordinator, case, benefit, make_indicator):
    first = make_indicator(benefit, name="Sykefravær")
    second = make_indicator(benefit, name="Brukertilfredshet", unit="poeng")
    client = client_as(coordinator)
    text = (
        "indikator;dato;verdi\nsykefravær;2024-02-01;7\n"
        "Brukertilfredshet;2024-02-01;4,2\nUkjent;2024-02-01;1\n"
    )
    bad = _upload(client, case_url("import_case", case), csv_file(text))
    assert bad.status_code == 422 and bad.context["bad"][0].line == 4
    good = _upload(client, case_url("import_case", case), csv_file(text.rsplit("Ukjent", 1)[0]))
    assert good.status_code == 200
    client.post(case_url("import_confirm", case), {"token": good.context["token"]})
    assert count(first) == 1 and count(second) == 1


def test_upload_form_and_file_error_are_not_500(client_as, coordinator, indicator):
    client = client_as(coordinator)
    assert client.get(ind_url("import_indicator", indicator)).status_code == 200
    assert client.post(ind_url("import_indicator", indicator), {}).status_code == 422
    response = _upload(
        client, ind_url("import_indicator", indicator), SimpleUploadedFile("x.exe", b"MZ")
    )
    assert response.status_code == 422
    bogus = client.post(case_url("import_confirm", indicator.benefit.case), {"token": "nope"})
    assert bogus.status_code == 302


@pytest.mark.parametrize(
    "role,status",
    [
        ("coordinator", 200),
        ("leader", 200),
        ("project_leader", 200),
        ("employee", 200),
        ("observer", 403),
        ("politician", 404),
    ],
)
def test_permission_matrix(client_as, personas, indicator, role, status):
    # The benefit fixture makes the employee its responsible.
    assert (
        client_as(personas[role]).get(ind_url("import_indicator", indicator)).status_code == status
    )


def test_employee_not_responsible_cannot_import_for_case(client_as, employee, case):
    assert client_as(employee).get(case_url("import_case", case)).status_code == 403


def test_foreign_ids_are_404(client_as, coordinator, outsider, indicator, other_case):
    client = client_as(coordinator)
    assert client.get(case_url("import_case", other_case)).status_code == 404
    assert client.post(case_url("import_confirm", other_case), {"token": "x"}).status_code == 404
    assert client_as(outsider).get(ind_url("import_indicator", indicator)).status_code == 404
