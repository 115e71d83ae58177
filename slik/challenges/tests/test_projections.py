"""Importing SSB's population projection (table 14288) and the figures it gives."""

import datetime
import json
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scope

from slik.challenges.models import KeyFigure, PopulationProjection
from slik.challenges.projections.figures import projection_ready
from slik.core.audit import AuditEvent

from . import projection_files as files
from .conftest import url


def _upload(content: bytes, name="14288.csv"):
    return SimpleUploadedFile(name, content, content_type="text/csv")


def _import(client, org, content, name="14288.csv"):
    return client.post(url("figure_projection", org), {"file": _upload(content, name)})


def _projection(org):
    with scope(organisation=org.pk):
        return PopulationProjection.objects.filter(organisation=org).first()


def _q(value, places="0.01"):
    return Decimal(value).quantize(Decimal(places), rounding=ROUND_HALF_UP)


def _imports(org):
    with scope(organisation=org.pk):
        return AuditEvent.objects.filter(action="population.imported").count()


def _stored(org):
    projection = _projection(org)
    return {int(year): sums for year, sums in projection.counts.items()}


def test_long_latin1_csv_with_title_is_imported(org, coordinator, client_as):
    client = client_as(coordinator)
    response = _import(client, org, files.long_csv())
    assert response.status_code == 302
    projection = _projection(org)
    assert (projection.alternative, projection.first_year, projection.table) == (
        "MMMM",
        2024,
        "14288",
    )
    assert _stored(org) == {year: files.expected(year) for year in files.YEARS}
    assert _imports(org) == 1


def test_wide_csv_with_age_groups_gives_the_same_sums(org, coordinator, client_as):
    assert _import(client_as(coordinator), org, files.wide_csv()).status_code == 302
    assert _stored(org) == {year: files.expected(year) for year in files.YEARS}


def test_jsonstat_picks_the_main_alternative(org, coordinator, client_as):
    response = _import(client_as(coordinator), org, files.jsonstat(), name="14288.json")
    assert response.status_code == 302
    projection = _projection(org)
    assert projection.alternative == "MMMM"
    assert _stored(org) == {year: files.expected(year) for year in files.YEARS}


def test_page_names_the_alternative_and_year_and_shows_chart_and_table(org, coordinator, client_as):
    client = client_as(coordinator)
    _import(client, org, files.long_csv())
    page = client.get(url("figures", org)).content.decode()
    assert "(MMMM)" in page and "2024" in page and "14288" in page
    assert 'id="projection-source"' in page
    assert 'data-vega-spec="projection-spec"' in page and 'id="projection-table"' in page
    spec = json.loads(page.split('id="projection-spec" type="application/json">')[1].split("<")[0])
    assert [v["old"] for v in spec["data"]["values"]] == [
        files.expected(y)["80+"] for y in files.YEARS
    ]


def test_ready_figures_now_2030_2040_and_ratio(org, coordinator):
    from slik.challenges.services.figures import projection_import

    with scope(organisation=org.pk):
        projection = projection_import(
            actor=coordinator, organisation=org, upload=_upload(files.long_csv())
        )
        ready = projection_ready(projection=projection, today=datetime.date(2026, 11, 29))
    values = {f.code.split(":")[0] + f":{f.year}": f.value for f in ready["figures"]}
    assert values == {
        "p80:2026": files.expected(2026)["80+"],
        "p80:2030": files.expected(2030)["80+"],
        "p80:2040": files.expected(2040)["80+"],
        "pratio:2040": _q(Decimal(files.expected(2040)["20-66"]) / files.expected(2040)["80+"]),
    }
    assert ready["now"] == 2026 and "(MMMM)" in ready["source"]


def test_care_labour_years_give_the_needed_labour_years_per_1000(org, coordinator, client_as):
    client = client_as(coordinator)
    _import(client, org, files.long_csv())
    year = projection_ready(projection=_projection(org))["now"]
    response = client.post(
        url("figure_labour_years", org), {"labour_years": "412,5", "year": str(year)}
    )
    assert response.status_code == 302
    projection = _projection(org)
    assert projection.care_labour_years == Decimal("412.5")
    ready = projection_ready(projection=projection)
    care = {f.year: f.value for f in ready["figures"] if f.code.startswith("pcare:")}
    now = files.expected(year)
    for target in (year, 2030, 2040):
        then = files.expected(target)
        needed = Decimal("412.5") * then["80+"] / now["80+"]
        assert care[target] == _q(needed * 1000 / then["20-66"])
    assert care[2040] > care[year]  # more old people, fewer of working age
    bad = client.post(url("figure_labour_years", org), {"labour_years": "mange", "year": "2030"})
    assert bad.status_code == 200 and _projection(org).care_labour_years == Decimal("412.5")


@pytest.mark.parametrize(
    ("content", "name", "words"),
    [
        (files.long_csv(region="3112 Råde"), "r.csv", "3112 Råde"),
        (files.long_csv(top_age=89), "young.csv", "80 år og over"),
        (files.long_csv(years=(2024, 2026, 2030)), "short.csv", "2040"),
        (files.long_csv(value="12,5"), "decimal.csv", "er ikke et antall personer"),
        (files.long_csv().replace(b"(MMMM)", b""), "noalt.csv", "hvilket framskrivingsalternativ"),
        (files.jsonstat(alternatives=("LLML",), region=("3112", "Råde")), "x.json", "Råde"),
        (b'{"class": "dataset", "id": ["Region"], "size": [1]}', "x.json", "JSON-stat"),
        (b"PK\x03\x04 not really a workbook", "x.xlsx", "statistikkbank"),
        (b"just some text\nwithout a header\n", "x.csv", "overskriftsrad"),
    ],
)
def test_a_bad_file_is_refused_with_a_message_and_changes_nothing(
    org, coordinator, client_as, content, name, words
):
    client = client_as(coordinator)
    _import(client, org, files.wide_csv())
    before = _projection(org)
    response = _import(client, org, content, name)
    assert response.status_code == 200
    assert words in response.content.decode()
    after = _projection(org)
    assert (after.counts, after.imported_at, after.alternative) == (
        before.counts,
        before.imported_at,
        before.alternative,
    )
    assert _imports(org) == 1


def test_several_alternatives_without_the_main_one_are_refused(org, coordinator, client_as):
    content = files.jsonstat(alternatives=("LLML",)).replace(b"Lav nasjonal", b"Lav")
    two = json.loads(files.jsonstat())
    two["dimension"]["ContentsCode"]["category"]["label"]["Personer0"] = "Sterk aldring (LHML)"
    response = _import(client_as(coordinator), org, json.dumps(two).encode(), "two.json")
    assert "hovedalternativet" in response.content.decode() and _projection(org) is None
    assert _import(client_as(coordinator), org, content, "one.json").status_code == 302
    assert _projection(org).alternative == "LLML"


def test_a_huge_jsonstat_is_refused_before_it_is_expanded(org, coordinator, client_as):
    bomb = json.loads(files.jsonstat())
    bomb["size"] = [1000, 1000, 1000, 1, 1]
    response = _import(client_as(coordinator), org, json.dumps(bomb).encode(), "bomb.json")
    assert "mer enn" in response.content.decode() and _projection(org) is None


def test_text_from_the_file_is_escaped_and_never_stored(org, coordinator, client_as):
    hostile = files.long_csv(region="<script>alert(1)</script>=HYPERLINK(1)", encoding="utf-8")
    response = _import(client_as(coordinator), org, hostile)
    page = response.content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    assert _projection(org) is None
    _import(client_as(coordinator), org, files.long_csv())
    stored = json.dumps(_projection(org).counts)
    assert "<" not in stored and "=" not in stored


def test_only_the_coordinator_imports(org, employee, politician, client_as):
    for user in (employee, politician):
        assert client_as(user).get(url("figure_projection", org)).status_code == 403
        assert _import(client_as(user), org, files.long_csv()).status_code == 403
    assert _projection(org) is None


def test_a_projection_figure_is_added_once_to_a_floke(org, coordinator, challenge, client_as):
    client = client_as(coordinator)
    _import(client, org, files.long_csv())
    figures = url("challenge_figures", org, challenge_id=challenge.pk)
    add = url("challenge_figure_add_ready", org, challenge_id=challenge.pk)
    code = projection_ready(projection=_projection(org))["figures"][1].code
    assert f'value="{code}"' in client.get(figures).content.decode()
    assert client.post(add, {"code": code}).status_code == 302
    assert f'value="{code}"' not in client.get(figures).content.decode()
    client.post(add, {"code": code})
    with scope(organisation=org.pk):
        figure = KeyFigure.objects.get(challenge=challenge)
    assert figure.computed_code == code and figure.year == 2030
    assert figure.value == files.expected(2030)["80+"] and "14288" in figure.source
