"""RELEASE_STORAGE=s3: publish to a real SeaweedFS bucket; agents are served from it."""

import environ
import pytest
from botocore.exceptions import EndpointConnectionError
from django.core.exceptions import ImproperlyConfigured

from cms.releases.errors import PublishError
from cms.releases.services import (
    credential_issue,
    release_publish,
    release_timestamps_refresh,
)
from cms.releases.store import cluster_dir, release_store
from cms.settings.base import release_storage_settings
from kiosk_site.agent.layout import Layout
from kiosk_site.agent.sync import agent_sync

from .factories import agent_config_make, site_make, tree_bytes

S3_ENV = {
    "RELEASE_STORAGE": "s3",
    "RELEASE_S3_BUCKET": "kiosk-releases",
    "RELEASE_S3_ENDPOINT_URL": "https://s3.example.org",
    "RELEASE_S3_ACCESS_KEY_ID": "key",
    "RELEASE_S3_SECRET_ACCESS_KEY": "secret",
}


def _bucket_file(s3_store, settings, rel: str) -> bytes:
    key = f"{settings.RELEASE_S3_PREFIX}/bo-y/{rel}"
    answer = s3_store.client().get_object(Bucket=settings.RELEASE_S3_BUCKET, Key=key)
    return answer["Body"].read()


def _active(config) -> dict[str, bytes]:
    layout = Layout(root=config.data_dir)
    return tree_bytes(folder=layout.releases / layout.current_name())


def sync_without_local_store(config, settings):
    """Sync with the local working store moved away: every byte comes from S3."""
    local = cluster_dir(code="bo-y")
    hidden = local.with_name(".hidden-bo-y")
    local.rename(hidden)
    try:
        return agent_sync(config=config)
    finally:
        hidden.rename(local)


@pytest.fixture
def agent_config(live_server, settings, cluster, tmp_path):
    token = credential_issue(cluster=cluster).token
    return agent_config_make(
        live_server=live_server, settings=settings, token=token, folder=tmp_path / "pc"
    )


@pytest.mark.django_db(transaction=True)
def test_the_agent_installs_a_release_served_from_s3_byte_for_byte(
    s3_store, settings, cluster, built_site, agent_config
):
    release_publish(cluster=cluster)

    first = sync_without_local_store(agent_config, settings)

    assert (first.action, first.build) == ("installed", 1)
    assert _active(agent_config) == tree_bytes(folder=built_site)
    site_make(out_dir=built_site, version=2)
    release_publish(cluster=cluster)
    second = sync_without_local_store(agent_config, settings)
    assert (second.action, second.build) == ("installed", 2)
    assert _active(agent_config) == tree_bytes(folder=built_site)

    release_timestamps_refresh()
    local = cluster_dir(code="bo-y") / "metadata" / "timestamp.json"
    assert _bucket_file(s3_store, settings, "metadata/timestamp.json") == (
        local.read_bytes()
    )


@pytest.mark.django_db
def test_a_range_is_read_from_the_bucket(
    s3_store, settings, cluster, built_site, client
):
    release_publish(cluster=cluster)
    clip = max(
        (cluster_dir(code="bo-y") / "objects").glob("*/*"),
        key=lambda path: path.stat().st_size,
    )
    rel = clip.relative_to(cluster_dir(code="bo-y")).as_posix()
    data = clip.read_bytes()
    clip.unlink()  # not in the local store any more: only the bucket has it
    token = credential_issue(cluster=cluster).token

    response = client.get(
        f"/api/agent/v1/clusters/bo-y/{rel}",
        HTTP_AUTHORIZATION=f"Bearer {token}",
        HTTP_RANGE="bytes=1000-1999",
    )

    assert response.status_code == 206
    assert b"".join(response.streaming_content) == data[1000:2000]
    assert response["Content-Range"] == f"bytes 1000-1999/{len(data)}"
    head = s3_store.client().head_object(
        Bucket=settings.RELEASE_S3_BUCKET,
        Key=f"{settings.RELEASE_S3_PREFIX}/bo-y/{rel}",
    )
    assert response["ETag"] == head["ETag"]


def _fail_from_write(monkeypatch, number: int) -> list[str]:
    """Make the S3 backend's N-th and later saves fail like a lost connection."""
    storage = release_store().storage
    real_save = storage.save
    saved: list[str] = []

    def save(name, content, *args, **kwargs):
        if len(saved) + 1 >= number:
            raise EndpointConnectionError(endpoint_url=storage.endpoint_url)
        saved.append(name)
        return real_save(name, content, *args, **kwargs)

    monkeypatch.setattr(storage, "save", save)
    return saved


@pytest.mark.django_db(transaction=True)
def test_an_interrupted_upload_keeps_the_previous_release_until_a_retry(
    s3_store, settings, cluster, built_site, agent_config, monkeypatch
):
    release_publish(cluster=cluster)
    assert agent_sync(config=agent_config).build == 1
    first_site = tree_bytes(folder=built_site)
    timestamp = _bucket_file(s3_store, settings, "metadata/timestamp.json")
    site_make(out_dir=built_site, version=2)
    saved = _fail_from_write(monkeypatch, number=4)

    with pytest.raises(PublishError) as failed:
        release_publish(cluster=cluster)

    assert len(saved) == 3 and not any("metadata/" in key for key in saved)
    message = str(failed.value)
    assert f"s3://{settings.RELEASE_S3_BUCKET}/{settings.RELEASE_S3_PREFIX}/bo-y/" in (
        message
    )
    assert "RELEASE_S3_ENDPOINT_URL" in message and "Publishing again" in message
    assert _bucket_file(s3_store, settings, "metadata/timestamp.json") == timestamp
    assert agent_sync(config=agent_config).action == "up-to-date"
    assert _active(agent_config) == first_site

    monkeypatch.undo()
    retried = release_publish(cluster=cluster)
    outcome = agent_sync(config=agent_config)
    assert (outcome.action, outcome.build) == ("installed", retried.build)
    assert _active(agent_config) == tree_bytes(folder=built_site)


def test_s3_storage_needs_every_bucket_setting(monkeypatch):
    for name, value in S3_ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("RELEASE_S3_SECRET_ACCESS_KEY")

    with pytest.raises(ImproperlyConfigured, match="RELEASE_S3_SECRET_ACCESS_KEY"):
        release_storage_settings(environ.Env())

    monkeypatch.setenv("RELEASE_S3_SECRET_ACCESS_KEY", "secret")
    found = release_storage_settings(environ.Env())
    assert found["RELEASE_S3_BUCKET"] == "kiosk-releases"
    assert (found["RELEASE_S3_REGION"], found["RELEASE_S3_PREFIX"]) == ("us-east-1", "")


def test_an_unknown_release_storage_is_refused_by_name(monkeypatch):
    monkeypatch.setenv("RELEASE_STORAGE", "ftp")
    with pytest.raises(ImproperlyConfigured, match='RELEASE_STORAGE is "ftp"'):
        release_storage_settings(environ.Env())


def test_local_storage_needs_no_bucket(monkeypatch):
    for name in S3_ENV:
        monkeypatch.delenv(name, raising=False)
    assert release_storage_settings(environ.Env())["RELEASE_STORAGE"] == "local"
