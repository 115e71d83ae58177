"""A floke's stakeholder analysis: the rows and the grid."""

import pytest
from django_scopes import scope

from slik.challenges.models import Stakeholder
from slik.core.tests.edit_conflict import loaded

from .conftest import url


@pytest.fixture
def stakeholder(org, challenge):
    with scope(organisation=org.pk):
        return Stakeholder.objects.create(
            organisation=org,
            challenge=challenge,
            name="Eldrerådet",
            interest=4,
            influence=2,
            strategy=Stakeholder.Strategy.KEEP_INFORMED,
        )


def test_stakeholder_crud_and_grid(org, coordinator, employee, client_as, challenge, stakeholder):
    client = client_as(coordinator)
    listing = client.get(url("stakeholders", org, challenge_id=challenge.pk))
    assert listing.status_code == 200
    assert (
        b'id="stakeholder-grid-spec"' in listing.content
        and b'id="stakeholder-table"' in listing.content
    )
    create = url("stakeholder_create", org, challenge_id=challenge.pk)
    assert client_as(employee).get(create).status_code == 403
    client = client_as(coordinator)
    bad = client.post(
        create, {"name": "Ungdomsrådet", "interest": "9", "influence": "1", "attitude": "unknown"}
    )
    assert bad.status_code == 200 and b"Ungdomsr" in bad.content
    ok = client.post(
        create,
        {
            "name": "Ungdomsrådet",
            "interest": "2",
            "influence": "4",
            "attitude": "positive",
            "strategy": "",
        },
    )
    assert ok.status_code == 302
    with scope(organisation=org.pk):
        assert Stakeholder.objects.get(name="Ungdomsrådet").strategy == "keep_satisfied"
    edit = url("stakeholder_edit", org, challenge_id=challenge.pk, stakeholder_id=stakeholder.pk)
    assert (
        client.post(
            edit,
            {
                **loaded(client, edit),
                "name": "Eldrerådet",
                "interest": "5",
                "influence": "5",
                "attitude": "negative",
                "strategy": "",
            },
        ).status_code
        == 302
    )
    delete = url(
        "stakeholder_delete", org, challenge_id=challenge.pk, stakeholder_id=stakeholder.pk
    )
    assert client.get(delete).status_code == 200
    assert client.post(delete).status_code == 302


def test_stakeholder_of_another_floke_is_404(
    org, coordinator, client_as, make_challenge, stakeholder
):
    other = make_challenge(org, title="Annen")
    edit = url("stakeholder_edit", org, challenge_id=other.pk, stakeholder_id=stakeholder.pk)
    assert client_as(coordinator).get(edit).status_code == 404
