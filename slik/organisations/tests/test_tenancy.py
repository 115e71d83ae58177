"""The tenant middleware: members in, strangers see the same 404 as a missing organisation."""

import re

import pytest
from django.urls import reverse

OVERVIEW = "organisations:overview"


def _url(slug):
    return reverse(OVERVIEW, kwargs={"org_slug": slug})


def test_member_gets_the_page(client_as, employee, org):
    assert client_as(employee).get(_url(org.slug)).status_code == 200


def test_every_role_gets_the_overview(client_as, personas, org):
    for user in personas.values():
        assert client_as(user).get(_url(org.slug)).status_code == 200


def test_non_member_gets_404(client_as, outsider, org):
    assert client_as(outsider).get(_url(org.slug)).status_code == 404


def test_anonymous_is_redirected_to_login(client, org):
    response = client.get(_url(org.slug))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert "next=" in response["Location"]


def _normalised(response, slug) -> str:
    """The page without what differs per request anyway: CSRF tokens and the requested path."""
    html = response.content.decode().replace(f"/k/{slug}/", "/k/<slug>/")
    return re.sub(r'(csrfmiddlewaretoken" value=|X-CSRFToken": )"[^"]+"', r"\1", html)


def test_unknown_slug_is_404_identical_to_foreign_slug(client_as, outsider, org):
    client = client_as(outsider)
    foreign = client.get(_url(org.slug))
    missing = client.get(_url("finnes-ikke"))
    assert foreign.status_code == missing.status_code == 404
    assert _normalised(foreign, org.slug) == _normalised(missing, "finnes-ikke")


def test_request_carries_organisation_and_membership(client_as, coordinator, org):
    response = client_as(coordinator).get(_url(org.slug))
    assert response.wsgi_request.organisation == org
    assert response.wsgi_request.membership.role == "coordinator"


@pytest.mark.parametrize(
    "name", ["organisations:members", "organisations:settings", "organisations:member_add"]
)
def test_outsider_gets_404_on_every_organisation_page(client_as, outsider, org, name):
    url = reverse(name, kwargs={"org_slug": org.slug})
    assert client_as(outsider).get(url).status_code == 404


def test_pages_outside_a_tenant_run_without_scope(client_as, coordinator):
    assert client_as(coordinator).get(reverse("accounts:profile")).status_code == 200
