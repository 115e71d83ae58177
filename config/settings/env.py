"""Reading settings from environment variables only (healthchecks-style helpers)."""

import os

from django.core.exceptions import ImproperlyConfigured


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def envbool(name: str, default: str = "False") -> bool:
    return env(name, default).strip().lower() in {"1", "true", "yes", "on"}


def envint(name: str, default: int) -> int:
    return int(env(name, str(default)))


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def envrequired(name: str) -> str:
    """A value that production must be given; there is no fallback on purpose."""
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"Environment variable {name} must be set in production.")
    return value


def envsecret(name: str) -> str:
    """A secret that production must be given; there is no fallback on purpose."""
    return envrequired(name)
