"""Every URL pattern under `/k/<org_slug>/`, found by walking the resolver, filled with ids."""

import re
from dataclasses import dataclass, field, replace

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

TENANT_PREFIX = "k/<slug:org_slug>/"
_PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")

# Patterns whose kwargs name no object (a report key, a file format): each variant fixes those
# kwargs and names the objects in the query string instead, e.g. ?case_id=<id>.
VARIANTS = {
    "reports:render": (
        ("case_onepager", {"key": "case_onepager", "file_format": "pdf"}, ("case_id",)),
        ("board_minutes", {"key": "board_minutes", "file_format": "docx"}, ("meeting_id",)),
    ),
}


@dataclass(frozen=True)
class TenantUrl:
    name: str
    route: str
    fixed: dict[str, str] = field(default_factory=dict, hash=False)
    query: tuple[str, ...] = ()

    @property
    def kwargs(self) -> tuple[str, ...]:
        return tuple(m["name"] for m in _PARAM.finditer(self.route))

    @property
    def object_kwargs(self) -> tuple[str, ...]:
        in_route = tuple(k for k in self.kwargs if k != "org_slug" and k not in self.fixed)
        return in_route + self.query

    def path(self, org_slug: str, ids: dict[str, int]) -> str:
        def fill(match):
            name = match["name"]
            if name == "org_slug":
                return org_slug
            return self.fixed[name] if name in self.fixed else str(ids[name])

        path = "/" + _PARAM.sub(fill, self.route)
        if self.query:
            path += "?" + "&".join(f"{name}={ids[name]}" for name in self.query)
        return path


def _variants(url: TenantUrl):
    if url.name not in VARIANTS:
        yield url
        return
    for label, fixed, query in VARIANTS[url.name]:
        yield replace(url, name=f"{url.name}[{label}]", fixed=fixed, query=query)


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
            yield from _variants(TenantUrl(name=name, route=route))


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
