import uuid
from pathlib import Path

import pytest

from kiosk_site.release.keys import keygen

from .factories import ClusterFactory, site_make


@pytest.fixture(scope="session")
def province_keys(tmp_path_factory):
    """One province key pair for the session (keygen itself is tested apart)."""
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


@pytest.fixture
def cluster(db):
    return ClusterFactory(code="bo-y")


@pytest.fixture
def other_cluster(db):
    return ClusterFactory(code="le-thanh")


@pytest.fixture
def built_site(settings, cluster) -> Path:
    """The cluster's built kiosk where kiosk_build writes it."""
    return site_make(out_dir=Path(settings.KIOSK_BUILD_ROOT) / cluster.code)


@pytest.fixture(scope="session")
def release_bucket(s3_server) -> str:
    """One bucket on the session's SeaweedFS; each test uses its own prefix."""
    return s3_server.bucket_make(prefix="releases")


@pytest.fixture
def s3_store(settings, s3_server, release_bucket):
    """RELEASE_STORAGE=s3 on the real SeaweedFS, under a prefix of this test's own."""
    settings.RELEASE_STORAGE = "s3"
    settings.RELEASE_S3_BUCKET = release_bucket
    settings.RELEASE_S3_ENDPOINT_URL = s3_server.endpoint_url
    settings.RELEASE_S3_ACCESS_KEY_ID = s3_server.access_key_id
    settings.RELEASE_S3_SECRET_ACCESS_KEY = s3_server.secret_access_key
    settings.RELEASE_S3_REGION = s3_server.region
    settings.RELEASE_S3_PREFIX = f"t-{uuid.uuid4().hex[:10]}"
    return s3_server
