import pytest


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Keep uploaded and generated files out of the work tree."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
