"""Production settings refuse to start with weak defaults (each case in a fresh interpreter)."""

import os
import subprocess
import sys

from django.conf import settings

GOOD = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "x" * 60,
    "ALLOWED_HOSTS": "slik.example.no",
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "SITE_URL": "https://slik.example.no",
    "SLIK_BEHIND_PROXY": "false",
}
IS_SECURE = """
from django.conf import settings
from django.test import RequestFactory
settings.ALLOWED_HOSTS
print(RequestFactory().get("/", HTTP_X_FORWARDED_PROTO="https").is_secure())
"""


def _run(code, **overrides):
    env = {k: v for k, v in os.environ.items() if k not in GOOD}
    env.update(GOOD)
    for name, value in overrides.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def _import(**overrides):
    return _run("import config.settings.production", **overrides)


def test_production_settings_start_with_everything_set():
    result = _import()
    assert result.returncode == 0, result.stderr


def test_production_refuses_the_console_mail_backend():
    result = _import(EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend")
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "EMAIL_BACKEND" in result.stderr


def test_production_refuses_a_missing_mail_backend():
    result = _import(EMAIL_BACKEND=None)
    assert "ImproperlyConfigured" in result.stderr


def test_production_refuses_mail_that_never_leaves_the_machine():
    for backend in ("locmem", "dummy", "filebased"):
        result = _import(EMAIL_BACKEND=f"django.core.mail.backends.{backend}.EmailBackend")
        assert "ImproperlyConfigured" in result.stderr, backend


def test_production_requires_the_site_url():
    result = _import(SITE_URL=None)
    assert "ImproperlyConfigured" in result.stderr
    assert "SITE_URL" in result.stderr


def test_forwarded_proto_is_ignored_unless_behind_a_proxy():
    result = _run(IS_SECURE)
    assert result.stdout.strip() == "False", result.stderr


def test_forwarded_proto_is_trusted_when_configured_behind_a_proxy():
    result = _run(IS_SECURE, SLIK_BEHIND_PROXY="true")
    assert result.stdout.strip() == "True", result.stderr


def test_production_requires_a_stated_choice_about_the_proxy():
    """Behind a proxy that is not declared, every client has the proxy's address, and one
    address's sign-in and reset limits would lock out the whole municipality."""
    for value in (None, "", "maybe"):
        result = _import(SLIK_BEHIND_PROXY=value)
        assert "ImproperlyConfigured" in result.stderr, value
        assert "SLIK_BEHIND_PROXY" in result.stderr, value
