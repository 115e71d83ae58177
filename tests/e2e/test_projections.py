"""The coordinator imports SSB's population projection, is told plainly when a file is wrong,
enters the care labour-years and adds a projected figure to a floke."""

from django_scopes import scope
from playwright.sync_api import expect

from slik.challenges.models import Challenge, KeyFigure, PopulationProjection
from slik.challenges.tests import projection_files as files
from slik.core.formats import format_number

from .conftest import follow, login, visit


def _choose(page, tmp_path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    page.locator("#id_file").set_input_files(str(path))


def test_coordinator_imports_a_projection_and_adds_a_figure(page, org, coordinator, tmp_path):
    with scope(organisation=org.pk):
        floke = Challenge.objects.create(organisation=org, title="Eldrebølgen i pleie og omsorg")
    login(page, coordinator)
    visit(page, f"/k/{org.slug}/floker/tall/", "figures-empty")
    expect(page.locator("#no-projection")).to_be_visible()
    follow(page, lambda: page.locator("#import-projection").click(), "projection-import")

    # Råde's file is refused with a message on the field; nothing is stored.
    _choose(page, tmp_path, "rade.csv", files.long_csv(region="3112 Råde"))
    follow(page, lambda: page.locator("#projection-import-form [type=submit]").click(), "refused")
    expect(page.locator("#projection-import-form")).to_contain_text("3112 Råde")
    with scope(organisation=org.pk):
        assert not PopulationProjection.objects.exists()

    _choose(page, tmp_path, "hvaler.csv", files.long_csv())
    follow(page, lambda: page.locator("#projection-import-form [type=submit]").click(), "figures")
    expect(page.locator("#projection-source")).to_contain_text("(MMMM)")
    expect(page.locator("#projection-source")).to_contain_text("14288")
    expect(page.locator("#no-labour-years")).to_be_visible()

    follow(page, lambda: page.locator("#import-projection").click(), "projection-change")
    page.locator("#id_labour_years").fill("412,5")
    follow(page, lambda: page.locator("#labour-years-form [type=submit]").click(), "with-care")
    table = page.locator("#projection-figure-table")
    expect(table.locator("tbody tr")).to_have_count(7)  # 80+ ×3, ratio, labour-years ×3

    visit(page, f"/k/{org.slug}/floker/{floke.pk}/tall/", "floke-figures")
    button = page.locator("#projection-figure-table tbody tr").nth(2).locator("button")
    follow(page, lambda: button.click(), "floke-figure-added")
    persons = format_number(files.expected(2040)["80+"], 0)
    expect(page.locator("#figure-table")).to_contain_text(persons)
    expect(page.locator("#projection-figure-table tbody tr")).to_have_count(6)
    with scope(organisation=org.pk):
        figure = KeyFigure.objects.get(challenge=floke)
    assert figure.year == 2040 and "14288" in figure.source
