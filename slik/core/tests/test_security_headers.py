"""Every response carries a Content Security Policy and a Permissions-Policy.

The policy allows no inline script, no inline style and no eval; the browser tests in
tests/e2e fail on any CSP violation, so they prove the pages still work under it. The template
scan below keeps inline code from creeping back in (PDF templates are rendered by WeasyPrint,
not a browser, and are left out).
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

PAGES = ["accounts:login", "accounts:password_reset"]


def _directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.mark.parametrize("name", PAGES)
def test_page_has_a_strict_content_security_policy(client, db, name):
    directives = _directives(client.get(reverse(name)))
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["base-uri"] == ["'none'"]
    assert directives["form-action"] == ["'self'"]


def test_signed_in_tenant_page_has_the_policy(client_as, coordinator, org):
    response = client_as(coordinator).get(reverse("organisations:overview", args=[org.slug]))
    assert response.status_code == 200
    assert _directives(response)["script-src"] == ["'self'"]
    assert "camera=()" in response["Permissions-Policy"]


def test_not_found_page_has_the_policy_too(client, db):
    response = client.get("/finnes-ikke/")
    assert response.status_code == 404
    assert "Content-Security-Policy" in response
    assert "Permissions-Policy" in response


def test_permissions_policy_switches_off_device_features(client, db):
    policy = client.get(reverse("accounts:login"))["Permissions-Policy"]
    features = dict(part.strip().split("=") for part in policy.split(","))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()"


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=", re.I)
INLINE_HANDLER = re.compile(r"\son[a-z]+=|\shx-on[:-]|javascript:", re.I)


def _browser_templates():
    root = Path(settings.BASE_DIR) / "slik"
    for path in root.rglob("templates/**/*.html"):
        if not path.name.endswith("_pdf.html") and "/pdf/" not in str(path):
            yield path


def test_templates_have_no_inline_script_style_or_handlers():
    offenders = []
    for path in _browser_templates():
        text = path.read_text()
        for pattern in (INLINE_SCRIPT, INLINE_STYLE, INLINE_HANDLER):
            offenders += [f"{path}: {m.group(0)}" for m in pattern.finditer(text)]
    assert not offenders, "\n".join(offenders)
