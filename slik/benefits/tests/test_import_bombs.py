"""Hostile uploads to the measurement import: each is refused quickly, with a clear message and
a small response, never a 500. The files are built here, part by part (see `workbooks`)."""

import resource
import time
from functools import partial

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from slik.benefits.services import imports
from slik.benefits.services.imports import workbook as workbook_reader
from slik.core.tests.threads import run_together
from slik.core.uploads import StoppedUpload

from .workbooks import cell, declare_smaller, header_row, row, text, workbook

pytestmark = pytest.mark.django_db

# Each refusal is checked by its code: a reader stopped by its own wall-clock limit
# (workbook_reader.CHILD_SECONDS) says "too_slow" instead, and what is refused before parsing
# is checked as such (no part unpacked, no child started). The time bound only catches a hang:
# it is far above that limit, so a loaded CI runner does not fail it.
HANG_SECONDS = 60
HEADER = header_row("dato", "verdi")


def xlsx(content, name="malinger.xlsx"):
    return SimpleUploadedFile(name, content)


def refused(upload) -> tuple[str, float]:
    """The ImportFileError's code and the seconds it took to refuse."""
    started = time.monotonic()
    with pytest.raises(imports.ImportFileError) as caught:
        imports.read_upload(upload)
    return caught.value.code, time.monotonic() - started


def assert_refused_unopened(content: bytes) -> None:
    """Refused by the archive's directory alone: no part unpacked, no child started."""
    with pytest.raises(imports.ImportFileError) as caught:
        workbook_reader.check_archive(content)
    assert caught.value.code == "too_big"


def numbered_rows(count: int, start: int = 2) -> list[str]:
    return [row(n, text("2024-02-01"), cell(str(n))) for n in range(start, start + count)]


def test_million_row_sheet_is_refused_before_parsing():
    content = workbook(HEADER, filler="<row><c><v>1</v></c></row>", repeat=1_000_000)
    assert len(content) < 250_000  # packs to little, unpacks to 26 MB
    code, seconds = refused(xlsx(content))
    assert code == "too_big" and seconds < HANG_SECONDS
    assert_refused_unopened(content)


def test_rows_within_the_size_limits_stop_at_max_rows():
    content = workbook([HEADER, *numbered_rows(imports.MAX_ROWS + 500)])
    code, seconds = refused(xlsx(content))
    assert code == "too_many_rows" and seconds < HANG_SECONDS


def test_sheet_ending_far_below_its_data_is_refused():
    # One row at the bottom of the sheet: every row in between would be read as empty.
    content = workbook([HEADER, *numbered_rows(3), row(1_048_576, text("x"))])
    code, seconds = refused(xlsx(content))
    assert code == "too_many_rows" and seconds < HANG_SECONDS


def test_shared_strings_bomb_is_refused_before_parsing():
    strings = ("<si><t>" + "a" * 1000 + "</t></si>" for _ in range(64_000))
    content = workbook([HEADER, row(2, cell("0", "s"), cell("7"))], strings=strings)
    assert len(content) < 1_000_000  # 64 MB of strings
    code, seconds = refused(xlsx(content))
    assert code == "too_big" and seconds < HANG_SECONDS
    assert_refused_unopened(content)


def test_archive_that_understates_its_sizes_is_refused():
    strings = ("<si><t>" + "a" * 1000 + "</t></si>" for _ in range(10_000))
    content = workbook([HEADER, row(2, cell("0", "s"), cell("7"))], strings=strings)
    forged = declare_smaller(content, "xl/sharedStrings.xml", 2000)
    code, seconds = refused(xlsx(forged))
    assert code == "unreadable" and seconds < HANG_SECONDS


@pytest.mark.parametrize(
    "rows,strings",
    [
        ([row(2, text("2024-02-01"), cell("0", "s"))], None),  # no shared-strings part
        ([row(2, text("2024-02-01"), cell("99", "s"))], "<si><t>a</t></si>"),  # index too high
        ([row(2, text("2024-02-01"), cell("sju", "n"))], None),  # t="n" holding text
        ([row(2, cell("1. februar", "d"), cell("7"))], None),  # t="d" that is no date
        ([row(2, text("2024-02-01"), cell("1" * 5000))], None),  # a number of 5000 digits
        ([row(2, text("2024-02-01"), "<c><v>7</v>")], None),  # broken XML
    ],
    ids=["no-strings-part", "bad-string-index", "n-text", "bad-d", "huge-number", "broken-xml"],
)
def test_malformed_cells_are_a_clear_error(rows, strings):
    code, seconds = refused(xlsx(workbook([HEADER, *rows], strings=strings)))
    assert code in {"bad_cell", "unreadable"} and seconds < HANG_SECONDS


def test_entity_expansion_is_refused():
    laughs = (
        '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa">'
        + "".join(
            f'<!ENTITY {x} "{("&" + p + ";") * 10}">'
            for p, x in zip("abcdefgh", "bcdefghi", strict=True)
        )
        + "]>"
    )
    content = workbook([HEADER, row(2, text("2024-02-01"), text("&i;"))], prologue=laughs)
    code, seconds = refused(xlsx(content))
    assert code in {"bad_cell", "unreadable", "too_big"} and seconds < HANG_SECONDS


@pytest.mark.parametrize(
    "content,name,expected",
    [
        (b"PK\x03\x04 not a zip at all", "malinger.xlsx", "unreadable"),
        (None, "rapport.docx", "not_workbook"),
        (b"%PDF-1.7\n" + b"x" * 100, "malinger.xlsx", "unreadable"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "malinger.csv", "not_text"),
        ("dato;verdi\n2024-02-01;7\n".encode("utf-16"), "malinger.csv", "not_text"),
        (b"dato;verdi\n" + b"2024-02-01;" * 150_000, "malinger.csv", "line_too_long"),
        (b'dato;verdi\n2024-02-01;"7\n' + (b"x" * 999 + b"\n") * 150, "malinger.csv", "unreadable"),
    ],
    ids=["broken-zip", "docx", "pdf", "png", "utf-16", "one-long-line", "open-quote"],
)
def test_wrong_content_is_a_clear_error(content, name, expected):
    if content is None:
        import io
        import zipfile

        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("word/document.xml", "<document/>")
        content = buffer.getvalue()
    code, seconds = refused(SimpleUploadedFile(name, content))
    assert code == expected and seconds < HANG_SECONDS


def test_slow_reading_is_stopped_by_the_time_limit():
    content = workbook([HEADER, *numbered_rows(100)])
    with pytest.raises(imports.ImportFileError) as caught:
        workbook_reader.read_workbook(content, seconds=0.01)
    assert caught.value.code == "too_slow"


def test_reading_is_stopped_by_the_memory_limit():
    content = workbook([HEADER, *numbered_rows(100)])
    with pytest.raises(imports.ImportFileError) as caught:
        # A time limit far off, so that only the memory limit can stop it on a loaded machine.
        workbook_reader.read_workbook(content, seconds=HANG_SECONDS, memory_bytes=16 * 1024 * 1024)
    assert caught.value.code == "too_big"


def test_workbook_within_the_limits_is_read_whole_in_the_child():
    strings = "".join(f"<si><t>kommentar {n} " + "x" * 200 + "</t></si>" for n in range(5000))
    rows = [row(n, text("2024-02-01"), cell("7"), cell(str(n - 2), "s")) for n in range(2, 5002)]
    content = workbook([header_row("dato", "verdi", "kommentar"), *rows], strings=strings)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    header, read = workbook_reader.read_workbook(content, seconds=HANG_SECONDS)
    grown_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert header == ["dato", "verdi", "kommentar"] and len(read) == 5000
    assert read[0] == (2, ["2024-02-01", 7, "kommentar 0 " + "x" * 200])
    assert grown_kb < 64 * 1024


# --- through the page: small responses, never a 500 -------------------------------------------


def import_url(indicator):
    return reverse(
        "benefits:import_indicator", kwargs={"org_slug": "hvaler", "indicator_id": indicator.pk}
    )


def test_huge_cells_are_not_echoed_back(client_as, coordinator, indicator):
    # One 700-character shared string in both cells of 5000 rows: 7 MB if echoed (longer
    # strings are cut when read, and a sheet of more text is refused before the preview).
    strings = "<si><t>" + "9" * 700 + "</t></si>"
    rows = [row(n, cell("0", "s"), cell("0", "s")) for n in range(2, 5002)]
    content = workbook([HEADER, *rows], strings=strings)
    assert len(content) < 60_000
    started = time.monotonic()
    response = client_as(coordinator).post(import_url(indicator), {"file": xlsx(content)})
    assert response.status_code == 422
    assert time.monotonic() - started < HANG_SECONDS
    assert len(response.content) < 300_000
    html = response.content.decode()
    assert html.count("<li data-line=") == imports.PREVIEW_ERRORS
    assert 'id="import-errors-hidden"' in html
    assert html.count('<tr class="slik-row--error"') == imports.PREVIEW_ROWS


@pytest.mark.parametrize(
    "upload",
    [
        lambda: xlsx(workbook(HEADER, filler="<row><c><v>1</v></c></row>", repeat=1_000_000)),
        lambda: xlsx(workbook([HEADER, row(2, text("2024-02-01"), cell("sju", "n"))])),
        lambda: SimpleUploadedFile("malinger.csv", b"dato;verdi\x00\n2024-02-01;7\n"),
        lambda: SimpleUploadedFile("malinger.csv", b"dato;verdi\n" + b"7" * 2_000_000),
    ],
    ids=["million-rows", "n-text", "nul", "long-line"],
)
def test_hostile_upload_gets_the_form_back_with_a_message(
    client_as, coordinator, indicator, upload
):
    response = client_as(coordinator).post(import_url(indicator), {"file": upload()})
    assert response.status_code == 422
    assert response.context["form"].errors["file"]
    assert len(response.content) < 100_000


def test_file_past_the_upload_limit_is_dropped_while_it_arrives(client_as, coordinator, indicator):
    content = b"dato;verdi\n" + b"7" * settings.SLIK_MAX_UPLOAD_BYTES
    upload = SimpleUploadedFile("malinger.csv", content)
    response = client_as(coordinator).post(import_url(indicator), {"file": upload})
    assert response.status_code == 422
    form = response.context["form"]
    # What reached the view is the empty stand-in, not the file.
    assert isinstance(form.files["file"], StoppedUpload)
    assert form.files["file"].size == len(content)
    assert form.has_error("file", "too_large") and not form.has_error("file", "required")
    assert "5 MB" in form.errors["file"][0]


def test_file_within_the_upload_limit_gets_the_import_limit(client_as, coordinator, indicator):
    upload = SimpleUploadedFile("malinger.csv", b"dato;verdi\n" + b"7" * (3 * 1024 * 1024))
    response = client_as(coordinator).post(import_url(indicator), {"file": upload})
    assert response.status_code == 422
    form = response.context["form"]
    assert form.has_error("file", "too_large") and "2 MB" in form.errors["file"][0]


@pytest.mark.django_db(transaction=True)
def test_two_bombs_at_once_are_refused_while_other_pages_are_served(coordinator, indicator):
    bomb = workbook(HEADER, filler="<row><c><v>1</v></c></row>", repeat=1_000_000)
    clients = []
    for _ in range(3):
        client = Client()
        client.force_login(coordinator)
        clients.append(client)
    page = reverse(
        "benefits:indicator", kwargs={"org_slug": "hvaler", "indicator_id": indicator.pk}
    )
    started = time.monotonic()
    responses = run_together(
        partial(clients[0].post, import_url(indicator), {"file": xlsx(bomb)}),
        partial(clients[1].post, import_url(indicator), {"file": xlsx(bomb)}),
        partial(clients[2].get, page),
    )
    assert [getattr(r, "status_code", r) for r in responses] == [422, 422, 200]
    # Both refused from the archive's directory, without a child (before the checks, two such
    # files stalled every user for 29 s).
    assert_refused_unopened(bomb)
    assert time.monotonic() - started < HANG_SECONDS
