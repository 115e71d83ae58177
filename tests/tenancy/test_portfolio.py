"""Portfolio and reports in the tenancy sweep: politicians see published material only, a
politician of another municipality sees nothing, and the render variants are all swept."""

import pytest
from django.urls import reverse
from django_scopes import scope

from slik.organisations.models import Membership
from slik.portfolio.models import StatusReport
from slik.reports.models import ReportRun

from .clients import client_for
from .objects import TODAY, build_tenant_objects
from .urls import tenant_urls

URLS = tenant_urls()
PORTFOLIO_URLS = [u for u in URLS if u.name.startswith("portfolio:")]
REPORT_URLS = [u for u in URLS if u.name.startswith("reports:")]
RUN_URLS = [u for u in REPORT_URLS if "run_id" in u.object_kwargs]
BOARD_URLS = [u for u in URLS if "meeting_id" in u.object_kwargs or "board_" in u.name]
# Patterns of the two apps when this was written (reports:render counts once per variant).
MIN_PORTFOLIO_PATTERNS, MIN_REPORT_PATTERNS = 29, 9


@pytest.fixture
def hidden(org, coordinator):
    return build_tenant_objects(org, coordinator, published=False, label="hidden")


@pytest.fixture
def shown(org, coordinator):
    return build_tenant_objects(org, coordinator, published=True, label="shown")


@pytest.fixture
def foreign_politician(make_user, other_org):
    user = make_user("politiker@rade.test", "Rolf Råde-Politiker")
    Membership.objects.create(user=user, organisation=other_org, role="politician")
    return user


@pytest.fixture
def refused_methods(coordinator, shown):
    """(name, method) pairs a view refuses (405) even to our own staff on our own objects:
    there a 405 tells nothing about the object, so it counts as closed. (Report URLs only: a
    POST to them changes nothing here – the run is already published and not failed.)"""
    client = client_for(coordinator)
    return {
        (url.name, method)
        for url in REPORT_URLS
        for method in ("get", "post")
        if getattr(client, method)(url.path("hvaler", shown)).status_code == 405
    }


def _get(client, name, **kwargs):
    return client.get(reverse(name, kwargs={"org_slug": "hvaler", **kwargs}))


def _status_of(client, urls, ids, method="get"):
    return {u.name: getattr(client, method)(u.path("hvaler", ids)).status_code for u in urls}


def test_every_portfolio_and_report_pattern_is_swept():
    assert len(PORTFOLIO_URLS) >= MIN_PORTFOLIO_PATTERNS, [u.name for u in PORTFOLIO_URLS]
    assert len(REPORT_URLS) >= MIN_REPORT_PATTERNS, [u.name for u in REPORT_URLS]
    kwargs = {k for u in PORTFOLIO_URLS + REPORT_URLS for k in u.object_kwargs}
    assert kwargs >= {"case_id", "report_id", "meeting_id", "item_id", "goal_id"}
    assert kwargs >= {"commission_id", "run_id"}
    names = {u.name for u in REPORT_URLS}
    assert {"reports:render[case_onepager]", "reports:render[board_minutes]"} <= names


def test_render_variants_put_the_objects_in_the_query(shown):
    paths = {u.name: u.path("hvaler", shown) for u in REPORT_URLS if u.query}
    assert paths == {
        "reports:render[case_onepager]": (
            f"/k/hvaler/rapporter/lag/case_onepager.pdf?case_id={shown['case_id']}"
        ),
        "reports:render[board_minutes]": (
            f"/k/hvaler/rapporter/lag/board_minutes.docx?meeting_id={shown['meeting_id']}"
        ),
    }


def test_staff_open_what_the_sweep_requests(coordinator, shown):
    """The 404s of the sweep mean something only if our own objects open for our own staff."""
    client = client_for(coordinator)
    reads = [u for u in PORTFOLIO_URLS + REPORT_URLS if u.object_kwargs]
    refused = {
        name: status
        for name, status in _status_of(client, reads, shown).items()
        if status not in (200, 302, 405)  # 302: a published report cannot be changed
    }
    assert not refused


def test_politician_gets_404_for_a_draft_status_report_of_a_published_case(politician, org, shown):
    with scope(organisation=org.pk):
        draft = StatusReport.objects.create(
            case_id=shown["case_id"],
            reported_on=TODAY,
            **dict.fromkeys(StatusReport.DIMENSIONS, "delayed"),
        )
    client = client_for(politician)
    case_id = shown["case_id"]
    assert (
        _get(client, "portfolio:status_detail", case_id=case_id, report_id=draft.pk).status_code
        == 404
    )
    published = _get(
        client, "portfolio:status_detail", case_id=case_id, report_id=shown["report_id"]
    )
    assert published.status_code == 200
    listing = _get(client, "portfolio:status_list", case_id=case_id)
    assert listing.status_code == 200
    html = listing.content.decode()
    base = f"/k/hvaler/portefolje/status/{case_id}/"
    assert f'"{base}{shown["report_id"]}/"' in html
    assert f"{base}{draft.pk}/" not in html
    for name in ("status_edit", "status_publish", "status_delete"):
        response = _get(client, f"portfolio:{name}", case_id=case_id, report_id=draft.pk)
        assert response.status_code in (403, 404), name


def test_politician_gets_404_for_unpublished_runs_and_downloads_published_ones(
    politician, hidden, shown, refused_methods
):
    client = client_for(politician)
    for url in RUN_URLS:
        for method in ("get", "post"):
            status = getattr(client, method)(url.path("hvaler", hidden)).status_code
            if status == 405 and (url.name, method) in refused_methods:
                continue
            assert status == 404, f"{method.upper()} {url.name} of an unpublished run → {status}"
    assert _get(client, "reports:detail", run_id=shown["run_id"]).status_code == 200
    download = _get(client, "reports:download", run_id=shown["run_id"])
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_politician_run_list_shows_only_published_runs(politician, hidden, shown):
    html = _get(client_for(politician), "reports:list").content.decode()
    assert f"/rapporter/{shown['run_id']}/" in html
    assert f"/rapporter/{hidden['run_id']}/" not in html


def test_politician_never_opens_a_board_meeting(politician, shown):
    assert BOARD_URLS
    opened = {
        name: status
        for name, status in _status_of(client_for(politician), BOARD_URLS, shown).items()
        if status not in (403, 404, 405)
    }
    assert not opened


def test_politician_dashboard_counts_only_published_cases_and_no_personal_data(
    politician, coordinator, hidden, shown
):
    response = _get(client_for(politician), "portfolio:dashboard")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Case shown" in html
    assert "Case hidden" not in html
    assert 'id="aggregate-note"' in html
    for staff in Membership.objects.exclude(role="politician").select_related("user"):
        assert staff.user.email not in html, staff.user.email
    assert "@" not in html.split("<main", 1)[1].split("</main>", 1)[0]


def test_politician_of_another_municipality_gets_404_for_every_report_and_run(
    foreign_politician, shown, refused_methods
):
    """Under Hvaler's address (not a member) and under Råde's own address with Hvaler's ids."""
    client = client_for(foreign_politician)
    seen = {}
    for url in REPORT_URLS:
        for slug in ("hvaler", "rade"):
            if slug == "rade" and not url.object_kwargs:
                continue
            for method in ("get", "post"):
                path = url.path(slug, shown)
                status = getattr(client, method)(path).status_code
                if status == 405 and (url.name, method) in refused_methods:
                    continue
                if status != 404:
                    seen[f"{method.upper()} {path}"] = status
    assert not seen


def test_politician_of_another_municipality_gets_404_for_every_portfolio_page(
    foreign_politician, shown
):
    client = client_for(foreign_politician)
    for method in ("get", "post"):
        opened = {
            name: status
            for name, status in _status_of(client, PORTFOLIO_URLS, shown, method).items()
            if status != 404
        }
        assert not opened, method


def test_council_report_runs_are_published_only_when_done(coordinator, org, hidden):
    with scope(organisation=org.pk):
        ReportRun.objects.filter(pk=hidden["run_id"]).update(status=ReportRun.Status.RUNNING)
    client = client_for(coordinator)
    client.post(
        reverse("reports:publish", kwargs={"org_slug": "hvaler", "run_id": hidden["run_id"]})
    )
    with scope(organisation=org.pk):
        assert not ReportRun.objects.get(pk=hidden["run_id"]).is_published
