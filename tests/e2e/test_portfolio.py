"""The chief executive steers the portfolio and reports to the council; a politician reads it.

Filter the dashboard (htmx: charts and tables change, the page does not reload), open a case
from a chart's table view, hold a board meeting with two decisions (one a gate decision that
shows on the case page), approve the minutes and download them as Word; order the council
report as PDF, read it, publish it, and download it as a politician. Every page goes through axe.
"""

import datetime
import re
import subprocess

import docx
import pytest
from django.utils import timezone
from django_scopes import scope
from playwright.sync_api import expect

from slik.cases.models import Case, GateDecision, Phase
from slik.cases.services import case_create
from slik.challenges.models import Challenge
from slik.portfolio.models import AgendaItem, BoardMeeting
from slik.reports.models import ReportRun

from .conftest import assert_accessible, follow, login, logout, visit

CHARTS = ("chart-funnel", "chart-challenge")


@pytest.fixture
def portfolio(org, leader, project_leader):
    """Two floker; one case on the first, two on the second (one of them in Insight)."""
    started = timezone.localdate() - datetime.timedelta(days=60)
    with scope(organisation=org.pk):
        lonely = Challenge.objects.create(organisation=org, title="Ensomhet blant eldre på øyene")
        school = Challenge.objects.create(organisation=org, title="Frafall i videregående")
        cases = {}
        for key, title, floke in (
            ("alarm", "Trygghetsalarm på Sørøya", lonely),
            ("school", "Digital skolestart", school),
            ("mentor", "Mentorordning for elever", school),
        ):
            cases[key] = case_create(
                actor=leader,
                organisation=org,
                title=title,
                challenges=[floke],
                started_on=started,
                owner=project_leader,
                budget=250_000,
                hours=400,
                is_published=True,
            )
        Case.objects.filter(pk=cases["mentor"].pk).update(phase=Phase.INNSIKT)
    return {"lonely": lonely, "school": school, **cases}


def _submit(page, form, label):
    follow(page, lambda: page.locator(f"{form} button[type=submit]").click(), label)


def _charts_drawn(page):
    # The floke chart is in the balance panel, which loads when it is scrolled into view.
    # Scrolled from the page itself: the placeholder may be swapped for the panel meanwhile.
    page.evaluate("document.getElementById('balance-panel').scrollIntoView()")
    for chart in CHARTS:
        expect(page.locator(f".slik-chart[data-vega-spec='{chart}'] svg").first).to_be_visible()


def _filter_the_dashboard(page, portfolio):
    visit(page, "/k/hvaler/portefolje/", "dashboard")
    _charts_drawn(page)
    assert_accessible(page, "dashboard-charts")
    expect(page.locator("#case-count")).to_have_attribute("data-count", "3")
    page.evaluate("window.slikNotReloaded = true")
    spec_before = page.locator("#chart-funnel").text_content()

    with page.expect_response(lambda response: "challenge=" in response.url):
        page.locator("#id_challenge").select_option(str(portfolio["lonely"].pk))
    expect(page.locator("#case-count")).to_have_attribute("data-count", "1")
    assert page.evaluate("window.slikNotReloaded === true"), "the filter reloaded the page"
    # The filtered view can be shared: htmx pushes its address once the answer is swapped in.
    expect(page).to_have_url(re.compile(rf"[?&]challenge={portfolio['lonely'].pk}(&|$)"))
    expect(page.locator("#chart-funnel")).not_to_have_text(spec_before)
    _charts_drawn(page)
    table = page.locator("#table-challenge")
    expect(table.locator("tbody tr")).to_have_count(1)
    expect(table).to_contain_text(portfolio["alarm"].title)
    expect(page.locator("#table-funnel")).not_to_contain_text(portfolio["school"].title)
    assert_accessible(page, "dashboard-filtered")

    # Open the case from the chart's table view (collapsed until asked for).
    page.locator("details:has(#table-challenge) > summary").click()
    link = table.locator(f"a[href='/k/hvaler/case/{portfolio['alarm'].pk}/']")
    follow(page, link.click, "case-from-chart")
    expect(page.locator("h1")).to_contain_text(portfolio["alarm"].title)


def _decide(page, meeting, case, decision, comment):
    with scope(organisation=meeting.organisation_id):
        item = AgendaItem.objects.get(meeting=meeting, case=case)
    row = page.locator(f"#agenda-item-{item.pk}")
    follow(page, lambda: row.locator("a[href$='/vedtak/']").click(), f"decide-{decision}")
    page.locator(f"#decision-form input[name=decision][value={decision}]").check()
    page.locator("#decision-form textarea[name=comment]").fill(comment)
    confirm = page.locator("#decision-form input[name=confirm_warnings]")
    if confirm.count():
        confirm.check()
    _submit(page, "#decision-form", f"decided-{decision}")
    expect(page.locator(f"#agenda-item-{item.pk} strong")).to_be_visible()
    with scope(organisation=meeting.organisation_id):
        item.refresh_from_db()
    assert item.decision == decision and item.case_decision_id
    return item


def _hold_a_board_meeting(page, org, portfolio, tmp_path):
    visit(page, "/k/hvaler/portefolje/moter/", "board-list")
    follow(page, lambda: page.locator("#board-create").click(), "board-new")
    page.locator("#id_title").fill("Porteføljerådet mars")
    # The server's calendar (Europe/Oslo), not this machine's: they differ around midnight.
    page.locator("#id_held_on").fill(timezone.localdate().isoformat())
    page.locator("#id_participants").fill("Lars Leder, kommunedirektør\nKari Koordinator")
    _submit(page, "#board-form", "board")
    with scope(organisation=org.pk):
        meeting = BoardMeeting.objects.get(organisation=org)
    assert page.url.endswith(f"/moter/{meeting.pk}/")
    expect(page.locator("#no-agenda")).to_be_visible()
    for key in ("alarm", "school"):
        page.locator("#agenda-add-form select[name=case]").select_option(str(portfolio[key].pk))
        _submit(page, "#agenda-add-form", f"agenda-{key}")
    expect(page.locator("#agenda-table tbody tr")).to_have_count(2)

    go = _decide(page, meeting, portfolio["alarm"], "continue", "Gå videre til innsikt.")
    adjusted = _decide(page, meeting, portfolio["school"], "adjust", "Smalere målgruppe.")
    assert go.gate_decision_id and adjusted.case_decision_id

    # The gate decision is on the case page, and the case moved on to Insight.
    alarm = portfolio["alarm"]
    visit(page, f"/k/hvaler/case/{alarm.pk}/", "case-after-board")
    with scope(organisation=org.pk):
        gate = GateDecision.objects.get(pk=go.gate_decision_id)
        assert (gate.case_id, gate.decision, gate.to_phase) == (alarm.pk, "go", Phase.INNSIKT)
    expect(page.locator(f"#gate-table a[href$='/{gate.pk}/']")).to_be_visible()

    visit(page, f"/k/hvaler/portefolje/moter/{meeting.pk}/", "board-decided")
    follow(page, lambda: page.locator("#board-close").click(), "board-close")
    follow(page, lambda: page.locator("main form button[type=submit]").click(), "board-closed")
    with scope(organisation=org.pk):
        meeting.refresh_from_db()
    assert meeting.is_closed
    _minutes_in_word(page, portfolio, tmp_path)


def _minutes_in_word(page, portfolio, tmp_path):
    with page.expect_download() as info:
        page.locator("#minutes-docx").click()
    download = info.value
    assert download.suggested_filename.endswith(".docx")
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    document = docx.Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(cell.text for t in document.tables for row in t.rows for cell in row.cells)
    assert "Porteføljerådet mars" in text
    for key in ("alarm", "school"):
        assert portfolio[key].title in text


def _pdf_text(path) -> str:
    result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return " ".join(result.stdout.decode().split())


def _download_pdf(page, tmp_path, name) -> str:
    with page.expect_download() as info:
        page.locator("#run-download").click()
    path = tmp_path / name
    info.value.save_as(path)
    assert path.read_bytes().startswith(b"%PDF")
    return _pdf_text(path)


def _order_the_council_report(page, org, tmp_path):
    visit(page, "/k/hvaler/rapporter/", "reports")
    offer = page.locator("#offer-council_report")
    offer.locator("input[name=file_format][value=pdf]").check()
    follow(page, lambda: offer.locator("button[type=submit]").click(), "run")
    with scope(organisation=org.pk):
        run = ReportRun.objects.get(organisation=org, report="council_report")
    assert page.url.endswith(f"/rapporter/{run.pk}/")
    expect(page.locator("#run-live[role=status]")).to_be_attached()
    expect(page.locator("#run-status")).to_have_attribute("data-status", "done")
    text = _download_pdf(page, tmp_path, "council.pdf")
    assert org.name in text
    follow(page, lambda: page.locator("#run-publish").click(), "run-published")
    expect(page.locator("#run-unpublish")).to_be_visible()
    with scope(organisation=org.pk):
        run.refresh_from_db()
    assert run.is_published
    return run


def test_leader_steers_the_portfolio_and_the_politician_reads_the_report(
    page, org, leader, politician, portfolio, tmp_path
):
    login(page, leader)
    _filter_the_dashboard(page, portfolio)
    _hold_a_board_meeting(page, org, portfolio, tmp_path)
    run = _order_the_council_report(page, org, tmp_path)
    logout(page)

    login(page, politician)
    visit(page, "/k/hvaler/portefolje/", "politician-dashboard")
    expect(page.locator("#aggregate-note")).to_be_visible()
    expect(page.locator("#id_owner")).to_have_count(0)  # no filtering on staff
    visit(page, "/k/hvaler/rapporter/", "politician-reports")
    link = page.locator(f"#run-table a[href='/k/hvaler/rapporter/{run.pk}/']")
    follow(page, link.click, "politician-run")
    expect(page.locator("#run-publish")).to_have_count(0)
    assert org.name in _download_pdf(page, tmp_path, "council-politician.pdf")
