"""Settings: sectors (add, rename, in use or not) and the organisation's history."""

import pytest
from django.urls import reverse
from django_scopes import scope

from slik.core.tests.edit_conflict import loaded
from slik.organisations.models import Sector


def _url(name, org, **kwargs):
    return reverse(f"organisations:{name}", kwargs={"org_slug": org.slug, **kwargs})


def _sector(org, name="Oppvekst"):
    with scope(organisation=org.pk):
        return Sector.objects.get(organisation=org, name=name)


@pytest.mark.parametrize("role", ["leader", "project_leader", "employee", "politician", "observer"])
def test_only_coordinator_sees_settings(client_as, personas, org, role):
    client = client_as(personas[role])
    assert client.get(_url("settings", org)).status_code == 403
    sector = _sector(org)
    assert client.post(_url("sector_toggle", org, sector_id=sector.pk)).status_code == 403
    assert client.post(_url("sector_add", org), {"name": "Ny"}).status_code == 403


def test_settings_page_lists_sectors_and_history(client_as, coordinator, org):
    client = client_as(coordinator)
    client.post(_url("sector_add", org), {"name": "Klima og miljø"})
    response = client.get(_url("settings", org))
    assert response.status_code == 200
    names = [s.name for s in response.context["sectors"]]
    assert "Klima og miljø" in names
    assert [e.action for e in response.context["history"]] == ["sector.added"]


def test_add_duplicate_sector_is_a_form_error(client_as, coordinator, org):
    response = client_as(coordinator).post(_url("sector_add", org), {"name": "oppvekst"})
    assert response.status_code == 200
    assert "name" in response.context["form"].errors
    assert response.context["form"]["name"].value() == "oppvekst"


def test_add_empty_sector_is_a_form_error(client_as, coordinator, org):
    response = client_as(coordinator).post(_url("sector_add", org), {"name": "  "})
    assert response.status_code == 200
    assert response.context["form"].errors


def test_rename_sector(client_as, coordinator, org):
    sector = _sector(org)
    client = client_as(coordinator)
    url = _url("sector_edit", org, sector_id=sector.pk)
    assert client.get(url).status_code == 200
    state = loaded(client, url)
    assert client.post(url, {**state, "name": "Oppvekst og utdanning"}).status_code == 302
    assert _sector(org, "Oppvekst og utdanning").pk == sector.pk
    response = client.post(url, {**loaded(client, url), "name": "Kultur"})
    assert "name" in response.context["form"].errors


def test_toggle_sector_in_use(client_as, coordinator, org):
    sector = _sector(org)
    client = client_as(coordinator)
    url = _url("sector_toggle", org, sector_id=sector.pk)
    assert client.get(url).status_code == 405
    client.post(url)  # no state asked for: nothing changes
    assert _sector(org).is_active
    client.post(url, {"active": "0"})
    assert not _sector(org).is_active
    client.post(url, {"active": "1"})
    assert _sector(org).is_active


def test_foreign_sector_is_404(client_as, coordinator, org, other_org):
    foreign = _sector(other_org)
    client = client_as(coordinator)
    assert client.get(_url("sector_edit", org, sector_id=foreign.pk)).status_code == 404
    assert client.post(_url("sector_toggle", org, sector_id=foreign.pk)).status_code == 404
    assert _sector(other_org).is_active


def test_other_apps_settings_are_linked(client_as, coordinator, org):
    response = client_as(coordinator).get(_url("settings", org))
    assert response.status_code == 200
    page = response.content.decode()
    for link in response.context["more_settings"]:
        url = reverse(link.url_name, kwargs={"org_slug": org.slug})
        assert f'href="{url}">{link.label}</a>' in page
