"""Thought-provoking figures: adding, editing, deleting, and who may."""

from decimal import Decimal

import pytest
from django_scopes import scope

from slik.challenges.models import KeyFigure
from slik.core.tests.edit_conflict import loaded

from .conftest import url


@pytest.fixture
def figure(org, challenge):
    with scope(organisation=org.pk):
        return KeyFigure.objects.create(
            organisation=org, challenge=challenge, label="Eldre", value=10, year=2025
        )


def test_figure_crud(org, employee, politician, client_as, challenge, figure):
    client = client_as(employee)
    assert client.get(url("figures", org)).status_code == 200
    create = url("challenge_figure_create", org, challenge_id=challenge.pk)
    bad = client.post(create, {"label": "Tall", "value": "mye", "year": "2025"})
    assert bad.status_code == 200 and b'value="Tall"' in bad.content
    # Typed the Norwegian way, with a decimal comma and spaces between thousands.
    comma = client.post(create, {"label": "Komma", "value": "1 203,5", "year": "2025"})
    assert comma.status_code == 302
    assert client.post(create, {"label": "Tall", "value": "3.5", "year": "2025"}).status_code == 302
    too_fine = client.post(create, {"label": "Fin", "value": "3,125", "year": "2025"})
    assert too_fine.status_code == 200 and list(too_fine.context["form"].errors) == ["value"]
    with scope(organisation=org.pk):
        assert KeyFigure.objects.get(label="Komma").value == Decimal("1203.5")
        assert KeyFigure.objects.get(label="Tall").value == Decimal("3.5")
        assert not KeyFigure.objects.filter(label="Fin").exists()
    edit = url("figure_edit", org, figure_id=figure.pk)
    data = {**loaded(client, edit), "label": "Eldre", "value": "11", "year": "2024"}
    assert client.post(edit, data).status_code == 302
    assert client.get(url("figure_delete", org, figure_id=figure.pk)).status_code == 200
    # The figure belongs to an unpublished floke: hidden from politicians altogether.
    assert (
        client_as(politician).post(url("figure_delete", org, figure_id=figure.pk)).status_code
        == 404
    )
    assert (
        client_as(employee).post(url("figure_delete", org, figure_id=figure.pk)).status_code == 302
    )
    with scope(organisation=org.pk):
        assert not KeyFigure.objects.filter(pk=figure.pk).exists()
