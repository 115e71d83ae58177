"""Hostile query parameters on every tenant GET page: never a 500, never reflected markup.

The pages come from the resolver walk (a new page is fuzzed the day it is added). The
parameters are the fields of every GET form the page shows (its filter form) plus a fixed set
of names list pages commonly read; each gets every hostile value, alone and all at once.
"""

from html.parser import HTMLParser

import pytest

from .clients import client_for
from .objects import build_tenant_objects
from .urls import tenant_urls

MARKUP = '"><script>slikfuzz()</script><img src=x onerror=slikfuzz()>'
HUGE = "99999999999999999999999"
HOSTILE = (
    HUGE,
    "-" + HUGE,
    "²",
    "-1",
    "0",
    "1e309",
    "NaN",
    "\x00",
    "1\x00",
    "x" * 5000,
    "'; DROP TABLE cases_case; --",
    MARKUP,
)
# Names list pages read, whether or not the page shows a form with them.
COMMON = (
    "side",
    "page",
    "sort",
    "order",
    "q",
    "year",
    "status",
    "phase",
    "owner",
    "challenge",
    "sector",
    "case",
    "case_id",
    "meeting_id",
    "code",
    "source",
    "body",
    "closed",
    "role",
    "vis",
    "kommune",
    "report",
    "file_format",
    "published",
    "innovation_type",
)
URLS = tenant_urls()


class _GetFormFields(HTMLParser):
    """The names of the fields of every form that submits with GET."""

    def __init__(self):
        super().__init__()
        self.names: set[str] = set()
        self._in_get_form = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._in_get_form = (attrs.get("method") or "get").lower() == "get"
        elif self._in_get_form and tag in ("input", "select", "textarea") and attrs.get("name"):
            self.names.add(attrs["name"])

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_get_form = False


def get_form_fields(html: str) -> set[str]:
    parser = _GetFormFields()
    parser.feed(html)
    return parser.names


@pytest.fixture
def ids(org, coordinator):
    return build_tenant_objects(org, coordinator, published=True, label="fuzz")


def _with(path: str, params: list[tuple[str, str]]) -> str:
    from urllib.parse import urlencode

    return path + ("&" if "?" in path else "?") + urlencode(params)


def _requests(path: str, fields: set[str]):
    """Every hostile value on every name at once; then each form field alone, and twice."""
    for value in HOSTILE:
        yield _with(path, [(name, value) for name in sorted(set(COMMON) | fields)])
    for name in sorted(fields):
        for value in HOSTILE:
            yield _with(path, [(name, value)])
            yield _with(path, [(name, "1"), (name, value)])


def _problem(response) -> str:
    if response.status_code >= 500:
        return f"status {response.status_code}"
    if "html" in response.get("Content-Type", "") and b"<script>slikfuzz" in response.content:
        return "markup reflected unescaped"
    return ""


@pytest.mark.parametrize("url", URLS, ids=[u.name for u in URLS])
def test_hostile_query_parameters_never_break_a_page(url, ids, coordinator):
    client = client_for(coordinator)
    path = url.path("hvaler", ids)
    first = client.get(path)
    if first.status_code in (403, 404, 405):
        return  # a page the coordinator cannot GET reads no query parameters
    assert first.status_code < 500, f"GET {path} → {first.status_code}"
    fields = set()
    if "html" in first.get("Content-Type", ""):
        fields = get_form_fields(first.content.decode())
    failures = []
    for request_path in _requests(path, fields):
        if problem := _problem(client.get(request_path)):
            failures.append(f"GET {request_path[:200]} → {problem}")
    assert not failures, "\n".join(failures)


def test_the_case_list_filter_form_is_discovered(ids, coordinator):
    """The fuzz reaches a list page's filters only if it finds them: guard the discovery."""
    html = client_for(coordinator).get("/k/hvaler/case/").content.decode()
    assert {"q", "phase", "status", "owner", "challenge"} <= get_form_fields(html)
