"""What the accessibility checks of every journey cannot see by themselves: charts named and
their labels whole, forms with errors that say so first, Designsystemet's controls and
breadcrumbs, and a portfolio dashboard that opens short. Every page visited is also checked by
axe at 1280 and 320 px after its charts are drawn (conftest.py)."""

import pytest
from django_scopes import scope
from playwright.sync_api import expect

from slik.cases.services import case_create
from slik.challenges.models import Challenge, Stakeholder

from .conftest import assert_accessible, follow, login, visit

# Long names at both edges of the grid: the ones that used to be cut off at the right.
STAKEHOLDERS = (
    ("Pårørende til hjemmeboende med demens", 5, 5),
    ("Fagforbundet", 4, 2),
    ("Hjemmetjenesten", 1, 4),
    ("Frivilligsentralen", 3, 3),
)
TEXT_OUTSIDE_SVG = """(svg) => { const box = svg.getBoundingClientRect();
  return [...svg.querySelectorAll('text')].filter(t => { const r = t.getBoundingClientRect();
    return r.width && (r.left < box.left - 1 || r.right > box.right + 1); })
  .map(t => t.textContent); }"""


@pytest.fixture
def floke(org):
    with scope(organisation=org.pk):
        floke = Challenge.objects.create(organisation=org, title="Ventetid i hjemmetjenesten")
        for name, interest, influence in STAKEHOLDERS:
            Stakeholder.objects.create(
                organisation=org,
                challenge=floke,
                name=name,
                interest=interest,
                influence=influence,
                strategy=Stakeholder.Strategy.MANAGE_CLOSELY,
            )
    return floke


def test_stakeholder_grid_is_named_and_its_labels_are_whole(page, org, leader, floke):
    login(page, leader)
    visit(page, f"/k/{org.slug}/floker/{floke.pk}/", "floke-with-grid")
    svg = page.locator(".slik-chart[data-vega-spec='stakeholder-grid-spec'] svg")
    expect(svg).to_have_attribute("role", "img")
    assert svg.get_attribute("aria-label").strip()
    names = svg.locator("text").all_text_contents()
    for name, _interest, _influence in STAKEHOLDERS:
        assert name in names
    assert page.evaluate(TEXT_OUTSIDE_SVG, svg.element_handle()) == []


def test_form_with_errors_leads_with_a_focused_summary(page, org, leader):
    login(page, leader)
    visit(page, f"/k/{org.slug}/floker/ny/", "new-floke")
    title = page.title()
    follow(page, lambda: page.locator("main form button[type=submit]").click(), "floke-errors")
    summary = page.locator(".ds-error-summary")
    expect(summary).to_be_focused()
    assert page.title() == f"Feil: {title}"
    # Each message links to its field.
    link = summary.locator("a[href='#id_title']")
    expect(link).to_be_visible()
    link.click()
    expect(page.locator("#id_title")).to_be_focused()


def test_checkboxes_breadcrumbs_scheme_and_icon(page, org, coordinator):
    with scope(organisation=org.pk):
        case = case_create(actor=coordinator, organisation=org, title="Digitalt nattilsyn")
    login(page, coordinator)
    visit(page, f"/k/{org.slug}/case/{case.pk}/", "case")
    box = page.locator("#checklist input[type=checkbox]").first.bounding_box()
    assert box["width"] >= 20 and box["height"] >= 20, box
    crumbs = page.locator(".slik-breadcrumbs ol").first
    assert crumbs.evaluate("ol => getComputedStyle(ol).display") == "flex"
    assert crumbs.evaluate("ol => getComputedStyle(ol.firstElementChild).listStyleType") == "none"
    assert page.locator("html").get_attribute("data-color-scheme") == "auto"
    icon = page.locator("link[rel=icon]").get_attribute("href")
    assert page.request.get(icon).ok


def test_portfolio_tables_start_collapsed_and_open_from_the_keyboard(page, org, leader):
    login(page, leader)
    visit(page, f"/k/{org.slug}/portefolje/", "dashboard")
    details = page.locator("main details")
    expect(details.first).to_be_visible()
    assert details.evaluate_all("all => all.filter(d => d.open).length") == 0
    summary = details.first.locator("summary")
    summary.focus()
    page.keyboard.press("Enter")
    expect(details.first.locator("table")).to_be_visible()
    assert_accessible(page, "dashboard-table-open")
