"""Benefits (gevinster) in the tenancy sweep: the patterns are all there, politicians see only
published cases and change nothing, and the calendar feed outside `/k/` leaks nothing."""

import re

import pytest
from django.urls import get_resolver, reverse

from slik.benefits.models import CalendarToken

from .clients import client_for
from .objects import build_tenant_objects
from .urls import tenant_urls

URLS = tenant_urls()
BENEFIT_URLS = [u for u in URLS if u.name.startswith("benefits:")]
# benefits had this many URL patterns under /k/<org_slug>/gevinster/ when this was written.
MIN_BENEFIT_PATTERNS = 32
# Every kwarg that hangs an object under a case: unpublished case → unpublished object.
UNDER_CASE = {"case_id", "benefit_id", "indicator_id", "measurement_id", "node_id", "edge_id"}
READABLE = ("benefits:case_benefits", "benefits:benefit", "benefits:indicator")
READABLE += ("benefits:map", "benefits:map_svg", "benefits:plan")
EXPORTS = {"benefits:plan_xlsx": "spreadsheetml", "benefits:plan_pdf": "application/pdf"}
POST_FORM = re.compile(r"<form[^>]*method=\"post\"[^>]*>", re.IGNORECASE)


@pytest.fixture
def hidden(org, coordinator):
    return build_tenant_objects(org, coordinator, published=False, label="hidden")


@pytest.fixture
def shown(org, coordinator):
    return build_tenant_objects(org, coordinator, published=True, label="shown")


def _url(name):
    return next(u for u in BENEFIT_URLS if u.name == name)


def test_every_benefits_pattern_is_in_the_sweep():
    assert len(BENEFIT_URLS) >= MIN_BENEFIT_PATTERNS, [u.name for u in BENEFIT_URLS]
    kwargs = {k for u in BENEFIT_URLS for k in u.object_kwargs}
    assert kwargs >= UNDER_CASE | {"category_id"}


def test_the_calendar_feed_is_the_only_benefits_url_outside_the_tenant_area():
    outside = [
        str(entry.pattern)
        for entry in get_resolver().url_patterns
        if "benefits" in str(getattr(entry, "urlconf_name", ""))
        and not str(entry.pattern).startswith("k/")
    ]
    assert outside == ["kalender/"]
    assert reverse("calendar:feed", kwargs={"token": "x" * 43}) == f"/kalender/{'x' * 43}.ics"


def _status(client, method, path):
    return getattr(client, method)(path).status_code


def test_politician_gets_404_on_every_benefits_page_under_an_unpublished_case(
    politician, hidden, shown
):
    """GET and POST: 404, or 405 only where the method is refused on a published case too."""
    client = client_for(politician)
    under = [u for u in BENEFIT_URLS if UNDER_CASE & set(u.object_kwargs)]
    assert len(under) >= 25
    opened = []
    for url in under:
        for method in ("get", "post"):
            status = _status(client, method, url.path("hvaler", hidden))
            if status == 405 and _status(client, method, url.path("hvaler", shown)) == 405:
                continue
            if status != 404:
                opened.append(f"{method.upper()} {url.path('hvaler', hidden)} → {status}")
    assert not opened, "\n".join(opened)


@pytest.mark.parametrize("name", READABLE)
def test_politician_reads_benefit_pages_of_a_published_case_without_write_forms(
    name, politician, shown
):
    response = client_for(politician).get(_url(name).path("hvaler", shown))
    assert response.status_code == 200
    html = response.content.decode()
    writes = [f for f in POST_FORM.findall(html) if 'action="/konto/' not in f]
    assert not writes, writes
    assert "hx-post" not in html
    for link in ("/endre/", "/slett/", "/ny/", "/import/"):
        assert f'{link}"' not in html, f"{name} links to a write page ({link})"


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_politician_exports_the_plan_only_of_a_published_case(name, politician, hidden, shown):
    client = client_for(politician)
    assert client.get(_url(name).path("hvaler", hidden)).status_code == 404
    response = client.get(_url(name).path("hvaler", shown))
    assert response.status_code == 200
    assert EXPORTS[name] in response["Content-Type"]
    assert response["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_plan_exports_are_404_for_another_municipality(name, outsider, shown):
    assert client_for(outsider).get(_url(name).path("hvaler", shown)).status_code == 404


def _feed(client, token):
    return client.get(reverse("calendar:feed", kwargs={"token": token}))


@pytest.mark.parametrize("token", ["nope", "A" * 43, "a-b_c" * 10])
def test_calendar_feed_with_an_unknown_token_is_404(client, token, db):
    assert _feed(client, token).status_code == 404


def test_calendar_feed_with_another_users_old_token_is_404(client, employee, outsider, org):
    """Råde's coordinator renews the address; the old one is dead for everyone, session or not."""
    rade = client_for(outsider)
    assert rade.get(reverse("benefits:calendar", kwargs={"org_slug": "rade"})).status_code == 200
    old = CalendarToken.objects.get(user=outsider).token
    regenerate = reverse("benefits:calendar_regenerate", kwargs={"org_slug": "rade"})
    assert rade.post(regenerate).status_code == 302
    new = CalendarToken.objects.get(user=outsider).token
    assert new != old

    assert _feed(client_for(employee), old).status_code == 404
    client.logout()
    assert _feed(client, old).status_code == 404
    assert _feed(client, new).status_code == 200
    # Hvaler's employee cannot renew Råde's address, nor reach Råde's calendar page.
    hvaler = client_for(employee)
    assert hvaler.post(regenerate).status_code == 404
    assert CalendarToken.objects.get(user=outsider).token == new
