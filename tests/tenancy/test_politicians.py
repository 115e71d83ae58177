"""Politicians read only what is published, and write nothing."""

import re

import pytest
from django.urls import reverse
from django_scopes import scope

from slik.core.models import AuditEvent

from .clients import client_for
from .objects import build_tenant_objects
from .urls import tenant_urls

URLS = tenant_urls()
# Everything hanging under a floke or a case is as unpublished as the floke or case itself;
# draft status reports and unpublished report runs are hidden, board meetings always are.
UNPUBLISHED_PARENTS = {"challenge_id", "case_id", "report_id", "run_id", "meeting_id", "item_id"}
# Writes that touch only the person's own things, not the municipality's data.
PERSONAL_ACTIONS = {"benefits:calendar_regenerate"}


@pytest.fixture
def politician_client(politician):
    return client_for(politician)


@pytest.fixture
def hidden(org, coordinator):
    return build_tenant_objects(org, coordinator, published=False, label="hidden")


@pytest.fixture
def shown(org, coordinator):
    return build_tenant_objects(org, coordinator, published=True, label="shown")


@pytest.mark.parametrize(
    ("name", "kwarg"), [("challenges:detail", "challenge_id"), ("cases:detail", "case_id")]
)
def test_politician_sees_published_and_not_unpublished(
    name, kwarg, politician_client, hidden, shown
):
    def status(ids):
        url = reverse(name, kwargs={"org_slug": "hvaler", kwarg: ids[kwarg]})
        return politician_client.get(url).status_code

    assert status(hidden) == 404
    assert status(shown) == 200


@pytest.mark.parametrize(("name", "title"), [("challenges:list", "Floke"), ("cases:list", "Case")])
def test_politician_lists_show_only_published(name, title, politician_client, hidden, shown):
    html = politician_client.get(reverse(name, kwargs={"org_slug": "hvaler"})).content.decode()
    assert f"{title} shown" in html
    assert f"{title} hidden" not in html


def test_no_page_under_an_unpublished_floke_or_case_opens_for_a_politician(
    politician_client, hidden
):
    under = [u for u in URLS if UNPUBLISHED_PARENTS & set(u.object_kwargs)]
    assert under
    opened = []
    for url in under:
        path = url.path("hvaler", hidden)
        status = politician_client.get(path).status_code
        if status not in (403, 404, 405):
            opened.append(f"GET {path} → {status}")
    assert not opened, "\n".join(opened)


def test_politician_cannot_change_anything(politician_client, shown, org):
    """A POST anywhere in the tenant, even on published things, is refused and logs nothing.

    A read page that ignores the method may answer 200; a redirect means a write went through.
    """
    before = _audit_count(org)
    accepted = []
    for url in URLS:
        if url.name in PERSONAL_ACTIONS:
            continue
        path = url.path("hvaler", shown)
        status = politician_client.post(path, {}).status_code
        readable = politician_client.get(path).status_code == 200
        if 300 <= status < 400 or (status < 300 and not readable):
            accepted.append(f"POST {path} → {status}")
    assert not accepted, "\n".join(accepted)
    assert _audit_count(org) == before


def _audit_count(org):
    with scope(organisation=org.pk):
        return AuditEvent.objects.count()


ACCOUNT_FORM = re.compile(r'action="/konto/[^"]*"')


def test_politician_pages_offer_no_changes(politician_client, shown):
    """Every page a politician can open has no form that writes (only sign-out, language and
    the person's own things, such as renewing their calendar address)."""
    personal = {u.path("hvaler", shown) for u in URLS if u.name in PERSONAL_ACTIONS}
    offered = []
    for url in URLS:
        path = url.path("hvaler", shown)
        response = politician_client.get(path)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        forms = re.findall(r"<form[^>]*>", html)
        writes = [
            f
            for f in forms
            if 'method="post"' in f.lower()
            and not ACCOUNT_FORM.search(f)
            and not any(f'action="{action}"' in f for action in personal)
        ]
        if writes or "hx-post" in html:
            offered.append(f"{path}: {writes or 'hx-post'}")
    assert not offered, "\n".join(offered)
