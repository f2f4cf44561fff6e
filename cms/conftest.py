"""Fixtures any CMS test may use."""

import pytest

from cms.core.tests.s3server import s3_server_start


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory):
    """A real SeaweedFS S3 server on 127.0.0.1 for the session (never skipped)."""
    server = s3_server_start(work_dir=tmp_path_factory.mktemp("seaweedfs"))
    yield server
    server.stop()
