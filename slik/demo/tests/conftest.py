import pytest


@pytest.fixture(autouse=True)
def demo_mode(settings, tmp_path):
    settings.SLIK_DEMO = True
    settings.MEDIA_ROOT = tmp_path / "media"  # the council report's PDF


@pytest.fixture
def no_shared_data(settings, tmp_path):
    """The demo without the reference data: fast, and the fallback path is covered."""
    settings.SHARED_DATA_DIR = tmp_path / "missing"
