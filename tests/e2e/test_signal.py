"""Signal or noise, honestly: a coordinator reads an indicator with too little data (no noise
verdict), one whose chart must draw its baseline and target lines with a readable time axis,
and starts a new period after a lasting shift (a wrong entry first), then removes it again.
Every page goes through axe (after the charts have rendered) at 1280 and 320 px."""

import datetime
from decimal import Decimal

import pytest
from django.utils import translation
from django_scopes import scope
from playwright.sync_api import expect

from slik.benefits.models import Measurement
from slik.benefits.models.indicator import LimitPeriod
from slik.benefits.services.summaries import indicator_summaries_update
from slik.benefits.tests.factories import BenefitFactory, IndicatorFactory
from slik.cases.tests.factories import CaseFactory
from slik.core.formats import format_date
from slik.core.models import AuditEvent

from .conftest import follow, login, visit

BEFORE = [14.2, 13.6, 14.5, 13.9, 14.1, 14.6, 13.7, 14.0, 14.4, 13.8, 14.3, 13.9]
AFTER = [11.6, 11.1, 11.8, 11.2, 11.5, 11.9, 11.3, 11.7, 11.1, 11.4]


def _month(index) -> datetime.date:
    return datetime.date(2023 + index // 12, index % 12 + 1, 1)


def _series(indicator, values):
    with scope(organisation=indicator.benefit.organisation_id):
        Measurement.objects.bulk_create(
            Measurement(indicator=indicator, measured_on=_month(i), value=Decimal(str(v)))
            for i, v in enumerate(values)
        )
        indicator_summaries_update([indicator.pk])


@pytest.fixture
def indicators(org, coordinator):
    case = CaseFactory(organisation=org, actor=coordinator, title="Familieforum")
    benefit = BenefitFactory(case=case, actor=coordinator, title="Mindre koordinering")
    shifted = IndicatorFactory(
        benefit=benefit,
        actor=coordinator,
        name="Tid til koordinering",
        unit="timer per uke",
        baseline_value=Decimal("14.1"),
        baseline_on=_month(11),
        target_value=Decimal("10"),
        target_on=datetime.date(2026, 6, 1),
    )
    _series(shifted, BEFORE + AFTER)
    young = IndicatorFactory(
        benefit=benefit,
        actor=coordinator,
        name="Andel som forteller én gang",
        unit="%",
        direction="higher",
        baseline_value=Decimal("20"),
        baseline_on=_month(1),
        target_value=Decimal("70"),
        target_on=datetime.date(2026, 6, 1),
    )
    _series(young, [20, 45, 30])
    return shifted, young


def _url(org, indicator) -> str:
    return f"/k/{org.slug}/gevinster/indikator/{indicator.pk}/"


def test_coordinator_reads_the_verdict_and_starts_a_new_period(page, org, coordinator, indicators):
    shifted, young = indicators
    with translation.override("nb"):
        baseline_label, target_label = (
            translation.gettext("Baseline"),
            translation.gettext("Target"),
        )
        no_reason = translation.gettext(
            "Say what changed, so others can see why the limits were renewed."
        )
        new_period = translation.gettext("New period")
    login(page, coordinator)

    # Three measurements: too little data, no noise verdict and no control chart.
    visit(page, _url(org, young), "too-little")
    verdict = page.locator("#signal-verdict")
    expect(verdict).to_have_attribute("data-state", "too_little")
    expect(page.locator("[data-vega-spec=xmr-spec]")).to_have_count(0)

    # The line chart draws the baseline and target lines its label promises, and its time
    # axis has a few month ticks, not one a week.
    visit(page, _url(org, shifted), "indicator")
    chart = page.locator("[data-vega-spec=indicator-spec]")
    expect(chart).to_have_attribute("data-chart", "rendered")
    texts = chart.locator("svg text").all_text_contents()
    assert baseline_label in texts and target_label in texts, texts
    months = [
        t
        for t in texts
        if t[:3]
        in ["jan", "feb", "mar", "apr", "mai", "jun", "jul", "aug", "sep", "okt", "nov", "des"]
    ]
    assert 3 <= len(months) <= 8, months
    expect(page.locator("#signal-verdict")).to_have_attribute("data-signal", "yes")

    # A new period: a missing reason first (nothing saved), then the real one.
    follow(page, lambda: page.locator("#period-start").click(), "period-form")
    page.locator("#id_starts_on").fill(_month(12).isoformat())
    follow(page, lambda: page.locator("#period-form button[type=submit]").click(), "period-error")
    expect(page.locator("#period-form")).to_contain_text(no_reason)
    with scope(organisation=org.pk):
        assert not LimitPeriod.objects.filter(indicator=shifted).exists()
    page.locator("#id_reason").fill("Forumet ble fast rutine i alle enheter")
    follow(page, lambda: page.locator("#period-form button[type=submit]").click(), "period-started")
    expect(page.locator("#period-list li")).to_have_count(1)
    expect(page.locator("#baseline-note")).to_contain_text(format_date(_month(12)))
    xmr = page.locator("[data-vega-spec=xmr-spec]")
    expect(xmr).to_have_attribute("data-chart", "rendered")
    assert new_period in xmr.locator("svg text").all_text_contents()
    with scope(organisation=org.pk):
        assert AuditEvent.objects.filter(action="indicator.period.started").count() == 1

    # And back: the period is removed, the first limits apply again.
    follow(page, lambda: page.locator("#period-undo").click(), "period-undo")
    follow(page, lambda: page.locator("#period-undo-form button[type=submit]").click(), "undone")
    expect(page.locator("#period-list")).to_have_count(0)
    expect(page.locator("#signal-verdict")).to_have_attribute("data-signal", "yes")
    with scope(organisation=org.pk):
        assert AuditEvent.objects.filter(action="indicator.period.removed").count() == 1
        assert not LimitPeriod.objects.filter(indicator=shifted).exists()
