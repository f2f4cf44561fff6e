import pytest

from kiosk_site.release.keys import keygen


@pytest.fixture(scope="session")
def province_keys(tmp_path_factory):
    """One province key pair (the release signing key) for the session."""
    return keygen(out_dir=tmp_path_factory.mktemp("keys"))


@pytest.fixture
def signing_key(settings, province_keys):
    settings.RELEASE_SIGNING_KEY = str(province_keys.private_key)
    settings.RELEASE_ROOT_METADATA = str(province_keys.root)
    settings.RELEASE_KEYGEN_IF_MISSING = False
    return province_keys
