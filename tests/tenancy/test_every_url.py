"""Every URL under `/k/<org_slug>/`, requested with another municipality's objects, is a 404.

The patterns are found by walking the resolver, so a new URL is swept the day it is added; a
new kind of id in a URL fails the sweep until `objects.py` learns to build one.
"""

import pytest

from .clients import client_for
from .objects import build_tenant_objects
from .urls import tenant_urls

# The tenant area had this many URL patterns when the sweep was written; fewer means the walk
# lost some (a moved include), not that the app shrank. Raise it as URLs are added.
MIN_PATTERNS = 136
URLS = tenant_urls()
METHODS = ("get", "post")


@pytest.fixture
def world(org, other_org, coordinator, outsider):
    return {
        "hvaler": build_tenant_objects(org, coordinator),
        "rade": build_tenant_objects(other_org, outsider),
    }


def _status(client, method, path):
    return getattr(client, method)(path).status_code


def test_sweep_knows_every_kwarg_and_covers_every_pattern(world):
    ids = world["hvaler"]
    unknown = {
        f"{url.name}: {kwarg}" for url in URLS for kwarg in url.object_kwargs if kwarg not in ids
    }
    assert not unknown, f"URL kwargs the tenancy sweep has no object for: {sorted(unknown)}"
    assert all(url.route.startswith("k/<slug:org_slug>/") for url in URLS)
    assert len(URLS) >= MIN_PATTERNS, f"only {len(URLS)} tenant URL patterns found"


@pytest.mark.parametrize("url", URLS, ids=[u.name for u in URLS])
def test_outsider_gets_404_with_our_slug_and_our_ids(url, world, outsider):
    client = client_for(outsider)
    path = url.path("hvaler", world["hvaler"])
    for method in METHODS:
        assert _status(client, method, path) == 404, f"{method.upper()} {path}"


def _assert_foreign_ids_404(client, url, slug, ids, own_ids):
    """404 for every method; a 405 only counts if the view says 405 to its own objects too."""
    failures = []
    for method in METHODS:
        path = url.path(slug, ids)
        status = _status(client, method, path)
        if status == 405 and _status(client, method, url.path(slug, own_ids)) == 405:
            continue
        if status != 404:
            failures.append(f"{method.upper()} {path} → {status}")
    return failures


def _mixes(url, own, foreign):
    """The foreign ids all at once, then each foreign id alone among our own ids."""
    yield {k: foreign[k] for k in url.object_kwargs}
    if len(url.object_kwargs) > 1:
        for kwarg in url.object_kwargs:
            yield {**{k: own[k] for k in url.object_kwargs}, kwarg: foreign[kwarg]}


@pytest.mark.parametrize(
    "url", [u for u in URLS if u.object_kwargs], ids=[u.name for u in URLS if u.object_kwargs]
)
def test_foreign_ids_under_own_slug_are_404(url, world, outsider, coordinator):
    hvaler, rade = world["hvaler"], world["rade"]
    failures = []
    client = client_for(outsider)
    for ids in _mixes(url, rade, hvaler):
        failures += _assert_foreign_ids_404(client, url, "rade", ids, rade)
    client = client_for(coordinator)
    for ids in _mixes(url, hvaler, rade):
        failures += _assert_foreign_ids_404(client, url, "hvaler", ids, hvaler)
    assert not failures, "Foreign objects reachable:\n" + "\n".join(failures)
