"""A politician never reads unpublished material: not on a page, in a filter, a count or a file.

Every kind of unpublished object carries a marker in each of its texts (`objects.py`,
`build_marked_objects`), hung on published objects wherever a published page could let it
slip through. The politician then opens every tenant page the resolver knows (ids filled with
the published objects, so pages open), every report in every format, and every tenant link
those pages offer, and reads everything: HTML (attributes and `<option>` lists included),
PDF through `pdftotext`, Excel through openpyxl, Word through python-docx, CSV and the rest as
text. Counts are checked against the published count.
"""

import html
import io
import re
import subprocess
import zipfile
from collections import deque

import docx
import openpyxl
import pytest
from django.urls import reverse
from django_scopes import scope

from slik.reports import registry
from slik.reports import services as report_services

from .clients import client_for
from .objects import TODAY, build_marked_objects, build_tenant_objects
from .urls import tenant_urls

MARKER = "Zqxskjult"
URLS = tenant_urls()
LINK = re.compile(r'(?:href|src|hx-get|action)="(/k/hvaler/[^"#]*)')
# Pages the crawl may follow beyond the resolver walk (pagination, filters, downloads).
CRAWL_LIMIT = 1500


@pytest.fixture
def world(org, coordinator, leader, django_capture_on_commit_callbacks):
    shown = build_tenant_objects(org, coordinator, published=True, label="shown")
    hidden = build_marked_objects(org, shown=shown, marker=MARKER)
    with scope(organisation=org.pk), django_capture_on_commit_callbacks(execute=True):
        run = report_services.report_order(
            actor=leader,
            organisation=org,
            key="council_report",
            file_format="pdf",
            parameters={},
        )
    with scope(organisation=org.pk):
        run.refresh_from_db()
        report_services.report_publish(actor=leader, run=run, published=True)
    return {"shown": shown, "hidden": hidden, "council_run_id": run.pk}


# --- Reading every kind of file ---------------------------------------------------------------


def _body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def _pdf_text(body: bytes) -> str:
    done = subprocess.run(
        ["pdftotext", "-q", "-", "-"], input=body, capture_output=True, timeout=60, check=False
    )
    return done.stdout.decode("utf-8", "replace") + body.decode("latin-1")


def _xlsx_text(body: bytes) -> str:
    book = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
    cells = [sheet.title for sheet in book.worksheets]
    for sheet in book.worksheets:
        cells += [str(v) for row in sheet.iter_rows(values_only=True) for v in row if v]
    return "\n".join(cells) + _zip_text(body)


def _docx_text(body: bytes) -> str:
    document = docx.Document(io.BytesIO(body))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    parts.append(document.core_properties.title or "")
    return "\n".join(parts) + _zip_text(body)


def _zip_text(body: bytes) -> str:
    """Every part of an Office file as text: metadata, comments, charts, shared strings."""
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        return "\n".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())


def read_text(response) -> str:
    body = _body(response)
    content_type = response.get("Content-Type", "")
    if "pdf" in content_type:
        return _pdf_text(body)
    if "spreadsheetml" in content_type:
        return _xlsx_text(body)
    if "wordprocessingml" in content_type:
        return _docx_text(body)
    return body.decode("utf-8", "replace")


# --- The crawl --------------------------------------------------------------------------------


def _report_paths(shown) -> list[str]:
    """Every report rendered in the request, in every format, about the published objects."""
    values = {**shown, "year": TODAY.year}
    paths = []
    for definition in registry.REGISTRY.values():
        query = "&".join(f"{name}={values[name]}" for name in definition.parameters)
        for file_format in definition.formats:
            path = f"/k/hvaler/rapporter/lag/{definition.key}.{file_format}"
            paths.append(f"{path}?{query}" if query else path)
    return paths


def _hidden_paths(hidden) -> list[str]:
    """Addresses of hidden objects: a link to one tells that it exists."""
    kwargs = {"org_slug": "hvaler"}
    return [
        reverse("cases:detail", kwargs={**kwargs, "case_id": hidden["case_id"]}),
        reverse("challenges:detail", kwargs={**kwargs, "challenge_id": hidden["challenge_id"]}),
        reverse("benefits:benefit", kwargs={**kwargs, "benefit_id": hidden["benefit_id"]}),
        reverse("benefits:indicator", kwargs={**kwargs, "indicator_id": hidden["indicator_id"]}),
        reverse("portfolio:board_detail", kwargs={**kwargs, "meeting_id": hidden["meeting_id"]}),
        reverse("reports:detail", kwargs={**kwargs, "run_id": hidden["run_id"]}),
    ]


def _links(text: str) -> set[str]:
    return {html.unescape(link) for link in LINK.findall(text)}


def _markers_in(text: str) -> list[str]:
    found = [m.start() for m in re.finditer(MARKER, text, flags=re.IGNORECASE)]
    return [f"…{text[max(at - 100, 0) : at + 30]!r}…" for at in found]


def crawl(client, start: list[str], hidden_paths: list[str]) -> tuple[set[str], list[str]]:
    """Open every page from `start` and every tenant link they offer; return what was read
    and where a marker or a hidden object's address showed."""
    queue, seen, leaks = deque(start), set(), []
    while queue and len(seen) < CRAWL_LIMIT:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200:
            continue
        text = read_text(response)
        leaks += [f"{path}: {snippet}" for snippet in _markers_in(text)]
        leaks += [f"{path}: links to {p}" for p in hidden_paths if f'"{p}' in text]
        if "html" in response.get("Content-Type", ""):
            queue.extend(_links(text) - seen)
    return seen, leaks


def test_politician_reads_no_marker_anywhere(world, politician):
    shown = world["shown"]
    start = [url.path("hvaler", shown) for url in URLS] + _report_paths(shown)
    seen, leaks = crawl(client_for(politician), start, _hidden_paths(world["hidden"]))
    assert len(seen) < CRAWL_LIMIT, "the crawl stopped early: raise CRAWL_LIMIT"
    download = reverse(
        "reports:download", kwargs={"org_slug": "hvaler", "run_id": world["council_run_id"]}
    )
    assert download in seen, "the published council report was never downloaded"
    assert not leaks, "Unpublished material shown to a politician:\n" + "\n".join(leaks)


def test_staff_see_the_markers(world, coordinator):
    """The markers are there to be found: the same crawl finds them as a coordinator."""
    shown = world["shown"]
    client = client_for(coordinator)
    html_page = client.get(reverse("cases:list", kwargs={"org_slug": "hvaler"})).content
    assert MARKER.encode() in html_page
    _, leaks = crawl(client, [url.path("hvaler", shown) for url in URLS[:20]], [])
    assert leaks


# --- Counts equal the published count -------------------------------------------------------


def _get(client, name, **kwargs):
    response = client.get(reverse(name, kwargs={"org_slug": "hvaler", **kwargs}))
    assert response.status_code == 200, name
    return response


def test_plan_goal_counts_only_published_cases_and_their_benefits(world, politician):
    client = client_for(politician)
    (goal,) = _get(client, "portfolio:goal_list").context["page"].object_list
    assert (goal.case_count, goal.benefit_count) == (1, 1)


def test_commission_counts_only_published_cases(world, politician):
    client = client_for(politician)
    (commission,) = _get(client, "portfolio:commission_list").context["page"].object_list
    assert commission.case_count == 1


def test_overview_counts_only_published(world, politician):
    cards = _get(client_for(politician), "organisations:overview").context["cards"]
    assert {card.key: card.total for card in cards} == {"challenges": 1, "cases": 1}


def test_list_captions_count_only_published(world, politician):
    client = client_for(politician)
    assert _get(client, "cases:list").context["page"].paginator.count == 1
    assert _get(client, "challenges:list").context["page"].paginator.count == 1


def test_case_list_filters_offer_only_what_the_politician_sees(world, politician, coordinator):
    form = _get(client_for(politician), "cases:list").context["filter_form"]
    assert [c.title for c in form.fields["challenge"].queryset] == ["Floke shown"]
    assert [u.pk for u in form.fields["owner"].queryset] == [coordinator.pk]


def test_hidden_ids_in_filters_are_refused_not_applied(world, politician):
    client = client_for(politician)
    hidden = world["hidden"]
    for name, value in (("challenge", hidden["challenge_id"]), ("owner", hidden["user_id"])):
        response = client.get(reverse("cases:list", kwargs={"org_slug": "hvaler"}), {name: value})
        assert response.status_code == 200
        assert name in response.context["filter_form"].errors
        assert response.context["page"].paginator.count == 1
