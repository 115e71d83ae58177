"""Shared by the browser journeys and the tenancy sweep."""

import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Report files and uploads go to a throw-away folder, never to var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
