"""The dashboard's panels load when scrolled into view, page in place and keep the filters.

A leader opens the dashboard: the stuck cases, the benefits and the latest status reports are
not on the page until they scroll into view; then each loads (htmx), the benefits chart is
drawn, and the status list pages without leaving the dashboard. Checked with axe once loaded.
"""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from django_scopes import scope
from playwright.sync_api import expect

from slik.benefits.models import Benefit, Indicator, Measurement
from slik.benefits.services.summaries import indicator_summaries_update
from slik.cases.tests.factories import CaseFactory, set_phase
from slik.portfolio.tests.factories import StatusReportFactory

from .conftest import assert_accessible, login, visit

LONG_AGO = timezone.localdate() - datetime.timedelta(days=400)
TITLES = ("Digital hjemmeoppfølging", "Felles inntak", "Sommerskole")


@pytest.fixture
def cases(org, coordinator, leader):
    made = []
    for title in TITLES:
        case = CaseFactory(organisation=org, actor=coordinator, title=title, budget=Decimal(900))
        set_phase(case, 2, since=LONG_AGO)
        StatusReportFactory(case=case, actor=leader, publish=True)
        with scope(organisation=org.pk):
            benefit = Benefit.objects.create(organisation=org, case=case, title=f"{title}: tid")
            indicator = Indicator.objects.create(
                benefit=benefit,
                name="Kostnad",
                unit="kr",
                baseline_value=Decimal(1000),
                baseline_on=LONG_AGO,
                target_value=Decimal(3000),
                target_on=timezone.localdate(),
            )
            Measurement.objects.create(indicator=indicator, measured_on=LONG_AGO, value=1500)
            indicator_summaries_update([indicator.pk])
        made.append(case)
    return made


def _reveal(page, panel: str, table: str):
    page.locator(f"#{panel}").scroll_into_view_if_needed()
    expect(page.locator(f"#{table}")).to_be_attached()
    # A table behind a chart starts collapsed on the dashboard: open it as a reader would.
    collapsed = page.locator(f"details:not([open]):has(#{table}) > summary")
    if collapsed.count():
        collapsed.click()
    expect(page.locator(f"#{table}")).to_be_visible()


def test_panels_load_when_revealed_and_page_in_place(page, org, leader, cases, settings):
    settings.PAGE_SIZE = 2
    login(page, leader)
    visit(page, "/k/hvaler/portefolje/?phase=2", "dashboard-before-panels")
    # Far below the fold: not loaded yet.
    expect(page.locator("#table-benefits")).to_have_count(0)
    expect(page.locator("#table-status")).to_have_count(0)

    _reveal(page, "stuck-panel", "table-stuck")
    expect(page.locator("#table-stuck tbody tr")).to_have_count(2)
    _reveal(page, "benefits-panel", "table-benefits")
    expect(page.locator(".slik-chart[data-vega-spec='chart-benefits'] svg").first).to_be_visible()
    _reveal(page, "status-panel", "table-status")
    expect(page.locator("#table-status tbody tr")).to_have_count(2)
    assert_accessible(page, "dashboard-panels")

    page.evaluate("window.slikNotReloaded = true")
    page.locator("#status-panel a[href*='side=2']").click()
    expect(page.locator("#table-status tbody tr")).to_have_count(1)
    assert page.evaluate("window.slikNotReloaded === true"), "paging reloaded the page"
    assert "phase=2" in page.locator("#status-panel a[href*='side=1']").get_attribute("href")
    assert_accessible(page, "dashboard-status-page-2")
