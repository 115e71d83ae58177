"""Ready figures from the population statistics: offered once, and shown in the reader's
language."""

import pytest
from django.conf import settings
from django_scopes import scope

from slik.challenges.models import KeyFigure
from slik.challenges.population import population_import

from .conftest import url


@pytest.fixture
def population(tmp_path, db):
    path = tmp_path / "pop.csv"
    path.write_text(
        "kommunenummer,aar,aldersgruppe,personer\n"
        "3110,2016,20-44,100\n3110,2016,45-66,100\n3110,2016,80-89,40\n"
        "3110,2016,90+,10\n3110,2016,alle,1000\n"
        "3110,2026,20-44,90\n3110,2026,45-66,90\n3110,2026,80-89,50\n"
        "3110,2026,90+,10\n3110,2026,alle,1200\n",
        encoding="utf-8",
    )
    population_import(path=path)


def _offers(client, address, code):
    return f'name="code" value="{code}"' in client.get(address).content.decode()


def test_a_ready_figure_already_added_is_not_offered_again(
    population, org, challenge, employee, client_as
):
    client = client_as(employee)
    floke_page = url("challenge_figures", org, challenge_id=challenge.pk)
    add = url("challenge_figure_add_ready", org, challenge_id=challenge.pk)
    assert _offers(client, floke_page, "share80:2026")
    assert client.post(add, {"code": "share80:2026"}).status_code == 302
    assert not _offers(client, floke_page, "share80:2026")
    assert _offers(client, floke_page, "share80:2016")
    # Sent again (a second tab, a double click): still one figure.
    client.post(add, {"code": "share80:2026"})
    with scope(organisation=org.pk):
        assert KeyFigure.objects.filter(computed_code="share80:2026").count() == 1
    # The whole municipality's figures are another place: offered there still.
    assert _offers(client, url("figures", org), "share80:2026")


def test_computed_figure_words_follow_the_reader_language(
    population, org, challenge, employee, client_as
):
    client = client_as(employee)
    add = url("challenge_figure_add_ready", org, challenge_id=challenge.pk)
    client.post(add, {"code": "share80:2026"})
    client.post(add, {"code": "workers80:2026"})
    with scope(organisation=org.pk):
        stored = KeyFigure.objects.get(computed_code="share80:2026")
        rewritten = KeyFigure.objects.get(computed_code="workers80:2026")
    assert stored.label == "Andelen av innbyggerne som er 80 år og over"  # saved in Norwegian
    rewritten.label = "Våre egne ord om eldrebølgen"
    rewritten.save()

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # as the language switch leaves it
    page = client.get(url("challenge_figures", org, challenge_id=challenge.pk))
    text = page.content.decode()
    table = text.split('id="figure-table"')[1].split("</table>")[0]
    assert "Share of the population aged 80 or over" in table
    assert "SSB, population on 1 January (table 07459)" in table
    assert "Andelen av innbyggerne" not in table
    # A label someone wrote themselves is theirs, in whatever language they wrote it.
    assert "Våre egne ord om eldrebølgen" in table
    detail = client.get(url("detail", org, challenge_id=challenge.pk))
    assert "Share of the population aged 80 or over" in detail.content.decode()
