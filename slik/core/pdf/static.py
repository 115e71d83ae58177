"""Which URLs a PDF may load: the app's own static files, found the way Django serves them."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.utils._os import safe_join

# Relative URLs in a PDF's HTML ("/static/…" from {% static %}) resolve against this base. The
# `.invalid` domain can never resolve, and nothing under it is fetched from the network anyway.
PDF_BASE_URL = "https://slik.invalid/"


class PdfResourceRefused(ValueError):
    """A PDF asked for something other than a static file or a data: URL."""


def _static_prefix() -> str:
    return urljoin(PDF_BASE_URL, settings.STATIC_URL)


def _static_name(url: str) -> str:
    """The static file name the URL asks for, or "" when it is not a plain static file URL."""
    prefix = _static_prefix()
    if not url.startswith(prefix):
        return ""
    name = unquote(urlsplit(url[len(prefix) :]).path)
    parts = name.split("/")
    # Percent-encoded dots and slashes decode only here, after the URL was normalised: any
    # "..", empty or absolute segment, backslash or NUL is refused rather than cleaned up.
    if any(part in ("", ".", "..") for part in parts) or "\\" in name or "\x00" in name:
        return ""
    return name


def _find(name: str) -> str | None:
    try:
        found = finders.find(name)
        if not found and settings.STATIC_ROOT:
            # Collected (and hashed) names exist only in STATIC_ROOT in production.
            found = safe_join(settings.STATIC_ROOT, name)
    except SuspiciousFileOperation:
        return None
    return found if isinstance(found, str) else None


def static_path_for(url: str) -> Path:
    """The static file at `url`; PdfResourceRefused for anything else (and for a missing file)."""
    name = _static_name(url)
    found = _find(name) if name else None
    if not found or not Path(found).is_file():
        raise PdfResourceRefused(f"Only static files and data: URLs are loaded, not {url[:200]}")
    return Path(found)
