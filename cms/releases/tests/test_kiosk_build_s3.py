"""MEDIA_STORAGE=s3 and RELEASE_STORAGE=s3 together: a kiosk build whose media
and output live on the S3 server (a real SeaweedFS), checked by hash from the
uploads in the bucket, through the built site, to a release an agent installs
from the release bucket alone."""

import hashlib
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from cms.core.errors import MediaStorageError
from cms.core.tests.media_s3 import local_files, media_on_s3
from cms.headless.snapshot import cluster_snapshot
from cms.headless.tests.factories import (
    every_page_type,
    locale,
    make_image,
    site_home,
    tree_roots,
)
from cms.kiosks.services import kiosk_build
from cms.kiosks.tasks import kiosk_rebuild
from cms.programmes.tests.factories import ProgrammeFactory
from cms.releases.services import credential_issue
from kiosk_site.agent.layout import Layout
from kiosk_site.build.media import media_entries

from .factories import agent_config_make, tree_bytes
from .test_release_s3 import sync_without_local_store


@pytest.fixture
def media(s3_server, settings, monkeypatch, tmp_path):
    return media_on_s3(
        server=s3_server, settings=settings, monkeypatch=monkeypatch, tmp_path=tmp_path
    )


@pytest.fixture
def kiosk_site_on_s3(media, cluster, django_capture_on_commit_callbacks):
    """A home page with every page type, one image and one approved programme:
    its real clip, the renditions and poster the transcode made from it are
    all objects in the media bucket."""
    cluster.languages = ["vi"]
    cluster.save()
    tree_roots()  # an earlier transactional test's flush removed them
    home = site_home()
    programme = ProgrammeFactory(locale=locale("vi"))
    with django_capture_on_commit_callbacks(execute=True):
        programme.save_revision().publish()  # the transcode runs at once
    every_page_type(home, image=make_image(), programme=programme)
    return home


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _snapshot_media(cluster) -> dict[str, dict]:
    """Every media entry of the cluster's snapshot by sha256."""
    snapshot = cluster_snapshot(cluster=cluster, base_url="http://cms.example")
    return {entry["sha256"]: entry for entry in media_entries(snapshot)}


def _media_hashes(folder: Path) -> dict[str, str]:
    return {_sha256(p.read_bytes()): p.name for p in (folder / "media").iterdir()}


@pytest.mark.django_db(transaction=True)
def test_a_kiosk_built_from_s3_media_is_released_to_s3_and_installed_by_hash(
    media, s3_store, settings, cluster, kiosk_site_on_s3, live_server, tmp_path
):
    settings.RELEASE_PUBLISH_ON_BUILD = True
    token = credential_issue(cluster=cluster).token

    result = kiosk_rebuild.enqueue(cluster_code="bo-y")

    assert result.return_value["build"] == 1
    wanted = _snapshot_media(cluster)
    kinds = sorted(e.get("content_type", "image/png") for e in wanted.values())
    assert kinds == ["image/jpeg", "image/png", "video/mp4"]  # poster, image, video
    # The uploads are objects in the media bucket, the same bytes the snapshot hashed.
    assert set(wanted) <= set(media.sha256s())
    # The built site holds each under the builder's hashed name.
    built = Path(settings.KIOSK_BUILD_ROOT) / "bo-y"
    assert set(_media_hashes(built)) == set(wanted)
    assert all(name.startswith(sha[:20]) for sha, name in _media_hashes(built).items())
    # An agent installs the release from the release bucket alone.
    config = agent_config_make(
        live_server=live_server, settings=settings, token=token, folder=tmp_path / "pc"
    )
    outcome = sync_without_local_store(config, settings)
    assert (outcome.action, outcome.build) == ("installed", 1)
    layout = Layout(root=config.data_dir)
    installed = layout.releases / layout.current_name()
    assert set(_media_hashes(installed)) == set(wanted)
    assert tree_bytes(folder=installed) == tree_bytes(folder=built)
    # Nothing was written to the local media folder.
    assert local_files(settings.MEDIA_ROOT) == []
    assert django_settings.STORAGES["default"]["BACKEND"].endswith("S3Storage")


@pytest.mark.django_db
def test_a_rebuild_copies_only_new_media_from_the_bucket(
    media, settings, cluster, kiosk_site_on_s3, tmp_path
):
    out = tmp_path / "kiosk"
    kiosk_build(cluster=cluster, out_dir=out)
    before = {p.name: p.stat().st_mtime_ns for p in (out / "media").iterdir()}

    again = kiosk_build(cluster=cluster, out_dir=out)

    assert again.pages_rendered == 0
    assert {p.name: p.stat().st_mtime_ns for p in (out / "media").iterdir()} == before


@pytest.mark.django_db
def test_a_media_object_changed_in_the_bucket_stops_the_build_by_name(
    media, settings, cluster, kiosk_site_on_s3, tmp_path
):
    stored = media.objects()
    name = next(n for n in stored if n.startswith("original_images/"))
    kiosk_build(cluster=cluster, out_dir=tmp_path / "first")  # hashes recorded
    changed = bytes(b ^ 0xFF for b in stored[name])  # same size, other bytes
    media.server.client().put_object(
        Bucket=media.bucket, Key=f"{media.prefix}/{name}", Body=changed
    )

    with pytest.raises(MediaStorageError) as failed:
        kiosk_build(cluster=cluster, out_dir=tmp_path / "kiosk")

    message = str(failed.value)
    assert f"s3://{media.bucket}/{media.prefix}/{name}" in message
    assert _sha256(changed) in message and "upload it again" in message
    assert not any((tmp_path / "kiosk" / "media").glob("*.png"))
