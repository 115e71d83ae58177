"""Population import (idempotent, fast) and the ready figures, checked against the real file."""

import csv
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django_scopes import scope

from slik.challenges.models import KeyFigure, PopulationCount
from slik.challenges.population import (
    POPULATION_FILE,
    PopulationFileError,
    population_import,
    ready_figure,
    ready_figures,
)

DATA = settings.SHARED_DATA_DIR / POPULATION_FILE
needs_data = pytest.mark.skipif(not DATA.exists(), reason="shared population data not present")


def _expected_from_csv(number):
    """year → group → persons for one municipality, read independently with the csv module."""
    table = {}
    with open(DATA, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["kommunenummer"] == number:
                table.setdefault(int(row["aar"]), {})[row["aldersgruppe"]] = int(row["personer"])
    return table


def _q(value):
    return Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@pytest.fixture
def small_file(tmp_path):
    path = tmp_path / "pop.csv"
    path.write_text(
        "kommunenummer,aar,aldersgruppe,personer\n"
        "3110,2016,20-44,0100\n3110,2016,45-66,0100\n3110,2016,80-89,0040\n"
        "3110,2016,90+,0010\n3110,2016,alle,1000\n"
        "3110,2026,20-44,0090\n3110,2026,45-66,0090\n3110,2026,80-89,0050\n"
        "3110,2026,90+,0010\n3110,2026,alle,1200\n",
        encoding="utf-8",
    )
    return path


def test_import_is_idempotent_and_updates(small_file, db):
    assert population_import(path=small_file) == 10
    assert population_import(path=small_file) == 10
    assert PopulationCount.objects.count() == 10
    small_file.write_text(
        small_file.read_text().replace("3110,2026,alle,1200", "3110,2026,alle,1300")
    )
    population_import(path=small_file)
    assert PopulationCount.objects.count() == 10
    assert PopulationCount.objects.get(year=2026, age_group="alle").persons == 1300
    assert PopulationCount.objects.get(year=2016, age_group="80-89").persons == 40


def test_ready_figures_small_file(small_file, org):
    population_import(path=small_file)
    ready = ready_figures(organisation=org)
    values = {f.code: f.value for f in ready["figures"]}
    assert values == {
        "share80:2026": _q(Decimal(60) * 100 / 1200),
        "share80:2016": _q(Decimal(50) * 100 / 1000),
        "workers80:2026": _q(Decimal(180) / 60),
        "workers80:2016": _q(Decimal(200) / 50),
    }
    assert ready["series"] == [{"year": 2016, "share_80": 5.0}, {"year": 2026, "share_80": 5.0}]


def test_bad_file_is_refused_without_changes(tmp_path, db):
    path = tmp_path / "bad.csv"
    path.write_text("kommunenummer,aar,aldersgruppe,personer\n3110,2026,alle,mange\n")
    with pytest.raises(PopulationFileError):
        population_import(path=path)
    assert not PopulationCount.objects.exists()


def test_no_data_gives_none(org):
    assert ready_figures(organisation=org) is None
    assert ready_figure(organisation=org, code="share80:2026") is None
    assert ready_figure(organisation=org, code="nonsense") is None


@needs_data
def test_real_file_import_is_idempotent_and_correct_for_hvaler(org):
    # Its speed is not asserted here: a wall-clock bound fails on a loaded machine.
    call_command("import_population", str(DATA))
    total = PopulationCount.objects.count()
    call_command("import_population")  # default path, second run
    assert PopulationCount.objects.count() == total

    expected = _expected_from_csv("3110")
    latest = max(expected)

    def share(year):
        counts = expected[year]
        return _q(Decimal(counts["80-89"] + counts["90+"]) * 100 / counts["alle"])

    def workers(year):
        counts = expected[year]
        return _q(Decimal(counts["20-44"] + counts["45-66"]) / (counts["80-89"] + counts["90+"]))

    ready = ready_figures(organisation=org)
    values = {f.code: f.value for f in ready["figures"]}
    assert ready["latest"] == latest
    assert values[f"share80:{latest}"] == share(latest)
    assert values[f"share80:{latest - 10}"] == share(latest - 10)
    assert values[f"workers80:{latest}"] == workers(latest)
    assert values[f"workers80:{latest - 10}"] == workers(latest - 10)
    assert [p["year"] for p in ready["series"]] == sorted(expected)
    assert ready["series"][0]["share_80"] == float(share(min(expected)))


def test_figure_page_offers_ready_figures_and_adds_one(
    small_file, org, challenge, employee, client_as
):
    population_import(path=small_file)
    client = client_as(employee)
    url = reverse(
        "challenges:challenge_figures", kwargs={"org_slug": org.slug, "challenge_id": challenge.pk}
    )
    page = client.get(url)
    assert page.status_code == 200
    assert (
        b'id="share-80-table"' in page.content and b'data-vega-spec="share-80-spec"' in page.content
    )
    add = reverse(
        "challenges:challenge_figure_add_ready",
        kwargs={"org_slug": org.slug, "challenge_id": challenge.pk},
    )
    assert client.post(add, {"code": "share80:2026"}).status_code == 302
    assert client.post(add, {"code": "share80:1999"}).status_code == 302  # not computable
    with scope(organisation=org.pk):
        figure = KeyFigure.objects.get()
    assert figure.challenge == challenge and figure.computed_code == "share80:2026"
    assert figure.value == _q(Decimal(60) * 100 / 1200) and figure.year == 2026
    assert figure.source.startswith("SSB")


def test_figure_page_without_data_says_so(org, employee, client_as):
    page = client_as(employee).get(reverse("challenges:figures", kwargs={"org_slug": org.slug}))
    assert page.status_code == 200
    assert b'id="no-population"' in page.content
