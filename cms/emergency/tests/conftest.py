import pytest

from kiosk_site.release.keys import keygen


@pytest.fixture(scope="session")
def province_keys(tmp_path_factory):
    """One province key pair for the session."""
    return keygen(out_dir=tmp_path_factory.mktemp("keys"))


@pytest.fixture(autouse=True)
def release_settings(settings, tmp_path, province_keys):
    """Release store and build root in the test's folder; the session's keys."""
    settings.RELEASE_STORE_ROOT = str(tmp_path / "store")
    settings.KIOSK_BUILD_ROOT = str(tmp_path / "kiosk")
    settings.RELEASE_SIGNING_KEY = str(province_keys.private_key)
    settings.RELEASE_ROOT_METADATA = str(province_keys.root)
    settings.RELEASE_KEYGEN_IF_MISSING = False
    return settings
