"""A project leader plans a benefit, imports its measurements and reads whether it worked.

Add a benefit and an indicator (each with a validation error first), import a CSV with one bad
row (nothing imported), fix it and import, then read the chart, the table and the verdict; draw
the benefit map, and look at the plan, the roll-up and the pitfalls. Every page goes through axe.
"""

import datetime

import pytest
from django.utils import translation
from django_scopes import scope
from playwright.sync_api import expect

from slik.benefits.models import Benefit, BenefitMapNode, Indicator, Measurement
from slik.benefits.truth import indicator_truth
from slik.cases.services import case_create

from .conftest import assert_accessible, follow, login, visit

BASELINE = ["8,4", "8,7", "8,3", "8,6", "8,5", "8,4"]  # Aug 2024 – Jan 2025: noise around 8.5
AFTER = ["7,0", "6,9", "7,1", "6,8", "6,9", "6,7", "6,8", "6,6", "6,7"]  # Feb – Oct 2025: a shift


def _month_end(index) -> datetime.date:
    """The last day of the index-th month from August 2024."""
    months = 2024 * 12 + 7 + index + 1  # the month after, counted from year 0
    return datetime.date(months // 12, months % 12 + 1, 1) - datetime.timedelta(days=1)


def _csv(values, bad_row=None) -> str:
    lines = ["dato;verdi;kommentar"]
    for index, value in enumerate(values):
        shown = "sju komma null" if index == bad_row else value
        lines.append(f"{_month_end(index).isoformat()};{shown};Måned {index + 1}")
    return "\n".join(lines) + "\n"


@pytest.fixture
def case(org, coordinator, project_leader):
    with scope(organisation=org.pk):
        return case_create(
            actor=coordinator,
            organisation=org,
            title="Digitalt nattilsyn",
            owner=project_leader,
            started_on=datetime.date(2024, 6, 1),
        )


def _submit(page, form_id, label):
    follow(page, lambda: page.locator(f"#{form_id} button[type=submit]").click(), label)


def _count(org, model, **lookup):
    with scope(organisation=org.pk):
        return model.objects.filter(**lookup).count()


def _add_benefit(page, org, case, leader):
    follow(page, lambda: page.locator("#benefit-create").click(), "benefit-new")
    # No title: the form says so and keeps what was typed.
    page.locator("#id_description").fill("Færre **unødvendige** nattbesøk.")
    page.locator("#id_realisation").select_option("quality")
    page.locator("#id_responsible").select_option(str(leader.pk))
    _submit(page, "benefit-form", "benefit-error")
    expect(page.locator("#id_title")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_description")).to_have_value("Færre **unødvendige** nattbesøk.")
    expect(page.locator("#id_responsible")).to_have_value(str(leader.pk))
    assert _count(org, Benefit, case=case) == 0
    page.locator("#id_title").fill("Bedre søvn for beboerne")
    _submit(page, "benefit-form", "benefit")
    with scope(organisation=org.pk):
        benefit = Benefit.objects.get(case=case)
    assert page.url.endswith(f"/gevinster/{benefit.pk}/")
    assert benefit.responsible == leader
    return benefit


def _add_indicator(page, org, benefit):
    follow(page, lambda: page.locator("#indicator-create").click(), "indicator-new")
    page.locator("#id_name").fill("Sykefravær")
    page.locator("#id_unit").fill("%")
    page.locator("#id_direction").select_option("lower")
    page.locator("#id_baseline_value").fill("8,5")
    page.locator("#id_baseline_on").fill("2025-01-31")
    page.locator("#id_target_value").fill("8,5")  # the same as the baseline: no change to measure
    page.locator("#id_target_on").fill("2026-12-31")
    _submit(page, "indicator-form", "indicator-error")
    target = page.locator("#id_target_value")
    expect(target).to_have_attribute("aria-invalid", "true")
    with translation.override("nb"):
        message = translation.gettext(
            "The target must differ from the baseline – otherwise there is no change to measure."
        )
    expect(page.locator("#indicator-form")).to_contain_text(message)
    typed_values = {"name": "Sykefravær", "baseline_value": "8,5", "target_value": "8,5"}
    for field, typed in typed_values.items():
        expect(page.locator(f"#id_{field}")).to_have_value(typed)
    expect(page.locator("#id_baseline_on")).to_have_value("2025-01-31")
    assert _count(org, Indicator, benefit=benefit) == 0
    target.fill("6,5")
    _submit(page, "indicator-form", "indicator")
    with scope(organisation=org.pk):
        indicator = Indicator.objects.get(benefit=benefit)
    assert page.url.endswith(f"/indikator/{indicator.pk}/")
    expect(page.locator("#no-measurements")).to_be_visible()
    return indicator


def _upload(page, tmp_path, name, content, label):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    page.locator("#id_file").set_input_files(str(path))
    _submit(page, "import-form", label)


def _import_measurements(page, org, case, indicator, tmp_path):
    visit(page, f"/k/hvaler/gevinster/case/{case.pk}/plan/", "plan")
    follow(page, lambda: page.locator(f"main a[href$='/indikator/{indicator.pk}/import/']").click())

    # One bad row (line 5 of the file): the preview names it and nothing is imported.
    _upload(page, tmp_path, "malinger-feil.csv", _csv(BASELINE + AFTER, bad_row=3), "preview-bad")
    expect(page.locator("#import-errors")).to_be_visible()
    expect(page.locator("#import-errors li")).to_have_count(1)
    expect(page.locator("#import-errors li[data-line='5']")).to_be_visible()
    expect(page.locator("#import-rows tbody tr.slik-row--error")).to_have_count(1)
    expect(page.locator("#import-confirm")).to_have_count(0)
    assert _count(org, Measurement, indicator=indicator) == 0

    follow(page, lambda: page.locator("main .slik-actions a[href$='/import/']").click(), "again")
    _upload(page, tmp_path, "malinger.csv", _csv(BASELINE + AFTER), "preview-ok")
    expect(page.locator("#import-ok")).to_be_visible()
    expect(page.locator("#import-rows tbody tr")).to_have_count(len(BASELINE + AFTER))
    assert _count(org, Measurement, indicator=indicator) == 0  # not before confirming
    _submit(page, "import-confirm", "imported")
    assert page.url.endswith(f"/indikator/{indicator.pk}/")
    assert _count(org, Measurement, indicator=indicator) == len(BASELINE + AFTER)


def _read_the_truth(page, org, indicator):
    # Both charts are drawn as SVG with a text alternative; check the page again once drawn.
    for spec in ("indicator-spec", "xmr-spec"):
        chart = page.locator(f".slik-chart[data-vega-spec='{spec}'] svg").first
        expect(chart).to_be_visible()
        expect(chart).to_have_attribute("role", "img")
    assert_accessible(page, "charts-drawn")
    expect(page.locator("#measurement-table tbody tr")).to_have_count(len(BASELINE + AFTER))
    expect(page.locator("#measurement-table caption")).not_to_be_empty()
    verdict = page.locator("#signal-verdict")
    expect(verdict).to_have_attribute("data-signal", "yes")
    with scope(organisation=org.pk), translation.override("nb"):
        measurements = list(indicator.measurements.order_by("measured_on"))
        truth = indicator_truth(indicator, measurements)
    assert truth.fired and truth.improvement
    expect(verdict).to_have_text(truth.verdict)
    expect(page.locator("#xmr-heading")).to_be_visible()
    expect(page.locator("#baseline-note")).to_be_visible()


def _draw_the_map(page, org, case, benefit):
    visit(page, f"/k/hvaler/gevinster/case/{case.pk}/kart/", "map-empty")
    expect(page.locator("#map-empty")).to_be_visible()
    page.locator("#id_node-kind").select_option("measure")
    page.locator("#id_node-label").fill("Sensorer om natten")
    _submit(page, "map-node-form", "map-measure")
    page.locator("#id_node-kind").select_option("benefit")
    page.locator("#id_node-benefit").select_option(str(benefit.pk))
    _submit(page, "map-node-form", "map-benefit")
    expect(page.locator("#map-miracles")).to_be_visible()  # no path from a measure yet
    with scope(organisation=org.pk):
        measure = BenefitMapNode.objects.get(case=case, kind="measure")
        mapped = BenefitMapNode.objects.get(case=case, benefit=benefit)
    page.locator("#id_edge-source").select_option(str(measure.pk))
    page.locator("#id_edge-target").select_option(str(mapped.pk))
    _submit(page, "map-edge-form", "map-linked")
    expect(page.locator("#map-miracles")).to_have_count(0)
    svg = page.locator("#benefit-map-figure svg")
    expect(svg).to_have_attribute("role", "img")
    with translation.override("nb"):
        name = translation.gettext("Benefit map for %s") % case.title
    expect(svg).to_have_attribute("aria-label", name)


def test_project_leader_plans_measures_and_reads_a_benefit(
    page, org, case, project_leader, leader, tmp_path
):
    login(page, project_leader)
    visit(page, f"/k/hvaler/case/{case.pk}/", "case")
    visit(page, f"/k/hvaler/gevinster/case/{case.pk}/", "case-benefits")
    benefit = _add_benefit(page, org, case, leader)
    indicator = _add_indicator(page, org, benefit)
    _import_measurements(page, org, case, indicator, tmp_path)
    _read_the_truth(page, org, indicator)
    _draw_the_map(page, org, case, benefit)
    follow(page, lambda: page.locator("main a[href$='/plan/']").first.click(), "plan-filled")
    expect(page.locator("main table").first).to_contain_text("Sykefravær")
    visit(page, "/k/hvaler/gevinster/", "rollup")
    visit(page, "/k/hvaler/gevinster/fallgruver/", "pitfalls")
