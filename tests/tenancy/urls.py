"""Every URL pattern under `/k/<org_slug>/`, found by walking the resolver, filled with ids."""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

TENANT_PREFIX = "k/<slug:org_slug>/"
_PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")


@dataclass(frozen=True)
class TenantUrl:
    name: str
    route: str

    @property
    def kwargs(self) -> tuple[str, ...]:
        return tuple(m["name"] for m in _PARAM.finditer(self.route))

    @property
    def object_kwargs(self) -> tuple[str, ...]:
        return tuple(k for k in self.kwargs if k != "org_slug")

    def path(self, org_slug: str, ids: dict[str, int]) -> str:
        def fill(match):
            name = match["name"]
            return org_slug if name == "org_slug" else str(ids[name])

        return "/" + _PARAM.sub(fill, self.route)


def _walk(patterns, prefix="", namespace=""):
    for entry in patterns:
        if not isinstance(entry.pattern, RoutePattern):
            # A regex pattern cannot be filled in reliably: make the sweep learn it first.
            raise AssertionError(f"Tenancy sweep cannot fill regex URL {prefix}{entry.pattern}")
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry.url_patterns, route, inner)
        elif isinstance(entry, URLPattern):
            name = f"{namespace}:{entry.name}" if namespace else (entry.name or route)
            yield TenantUrl(name=name, route=route)


def tenant_urls() -> list[TenantUrl]:
    """All URL patterns of the tenant area (admin and other roots are skipped)."""
    found = []
    for entry in get_resolver().url_patterns:
        route = str(entry.pattern)
        if not route.startswith(TENANT_PREFIX):
            continue
        if isinstance(entry, URLResolver):
            found.extend(_walk(entry.url_patterns, route, entry.namespace or ""))
        else:
            found.append(TenantUrl(name=entry.name or route, route=route))
    return found
