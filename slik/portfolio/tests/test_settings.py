"""Portfolio settings: created with the organisation, changed by the coordinator, audited."""

from django.urls import reverse
from django_scopes import scope

from slik.core.models import AuditEvent
from slik.core.tests.edit_conflict import loaded

from ..models import PortfolioSettings


def _url(org):
    return reverse("portfolio:settings", kwargs={"org_slug": org.slug})


def test_settings_exist_with_defaults(org):
    with scope(organisation=org.pk):
        settings = PortfolioSettings.objects.get(organisation=org)
    assert settings.wip_limit is None
    assert settings.stuck_after_days == 180


def test_coordinator_changes_settings(org, coordinator, client_as):
    client = client_as(coordinator)
    assert client.get(_url(org)).status_code == 200
    data = {**loaded(client, _url(org)), "wip_limit": "5", "stuck_after_days": "90"}
    response = client.post(_url(org), data)
    assert response.status_code == 302
    with scope(organisation=org.pk):
        settings = PortfolioSettings.objects.get(organisation=org)
        assert (settings.wip_limit, settings.stuck_after_days) == (5, 90)
        assert AuditEvent.objects.filter(action="portfolio.settings.changed").exists()


def test_bad_values_keep_the_input(org, coordinator, client_as):
    response = client_as(coordinator).post(
        _url(org), {"wip_limit": "0", "stuck_after_days": "mange"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"wip_limit", "stuck_after_days"}
    assert b'value="0"' in response.content


def test_only_the_coordinator_manages_settings(org, leader, politician, outsider, client_as):
    assert client_as(leader).get(_url(org)).status_code == 403
    assert client_as(politician).get(_url(org)).status_code == 403
    assert client_as(outsider).get(_url(org)).status_code == 404
