"""Publishing a built kiosk records a Release and leaves a verifiable store."""

import hashlib
from pathlib import Path

import pytest
from tuf.api.metadata import Metadata, Root, Targets
from wagtail.models import ModelLogEntry

from cms.releases.errors import PublishError, SigningKeyError
from cms.releases.models import Release
from cms.releases.services import release_publish
from kiosk_site.release.manifest import manifest_loads

from .factories import site_make, tree_bytes

pytestmark = pytest.mark.django_db


def _store(settings, code: str) -> Path:
    return Path(settings.RELEASE_STORE_ROOT) / code


def test_publish_records_the_release_and_signs_it_with_the_province_key(
    settings, cluster, built_site
):
    release = release_publish(cluster=cluster)

    repo = _store(settings, "bo-y")
    manifest_data = (repo / "builds" / "1.json").read_bytes()
    files = tree_bytes(folder=built_site)
    assert (release.build, release.file_count) == (1, len(files))
    assert release.total_bytes == sum(len(data) for data in files.values())
    assert release.manifest_sha256 == hashlib.sha256(manifest_data).hexdigest()
    assert release.trigger == Release.Trigger.BUILD
    manifest = manifest_loads(data=manifest_data)
    assert {e.path for e in manifest.files} == set(files)
    root = Metadata[Root].from_bytes(Path(settings.RELEASE_ROOT_METADATA).read_bytes())
    targets = Metadata[Targets].from_file(str(repo / "metadata" / "1.targets.json"))
    root.signed.verify_delegate("targets", targets.signed_bytes, targets.signatures)
    custom = targets.signed.targets["manifest.json.zst"].custom
    assert custom["manifest_sha256"] == release.manifest_sha256
    assert custom["cluster"] == "bo-y"


def test_each_publish_is_the_next_build_and_is_audit_logged(
    settings, cluster, built_site, django_user_model
):
    first = release_publish(cluster=cluster)
    (built_site / "vi" / "page-1.html").write_text("sửa một trang", encoding="utf-8")
    user = django_user_model.objects.create(username="tech")
    second = release_publish(cluster=cluster, user=user)

    assert (first.build, second.build) == (1, 2)
    assert second.trigger == Release.Trigger.ADMIN and second.published_by == user
    entries = ModelLogEntry.objects.filter(
        object_id=str(cluster.pk), action="releases.publish"
    )
    assert sorted(e.data["build"] for e in entries) == [1, 2]
    assert entries.get(data__build=2).user == user


def test_publish_without_a_built_site_says_to_build_first(settings, cluster):
    with pytest.raises(PublishError) as err:
        release_publish(cluster=cluster)
    message = str(err.value)
    assert str(Path(settings.KIOSK_BUILD_ROOT) / "bo-y") in message
    assert "build it first" in message
    assert not Release.objects.exists()


def test_a_missing_key_stops_publishing_and_names_the_setting(
    settings, tmp_path, cluster, built_site
):
    settings.RELEASE_SIGNING_KEY = str(tmp_path / "nowhere" / "key.pem")
    with pytest.raises(SigningKeyError) as err:
        release_publish(cluster=cluster)
    assert "RELEASE_SIGNING_KEY" in str(err.value)
    assert "release_keygen" in str(err.value)
    assert not (tmp_path / "nowhere").exists()


def test_dev_makes_the_key_pair_on_the_first_publish(
    settings, tmp_path, cluster, built_site
):
    settings.RELEASE_KEYGEN_IF_MISSING = True
    settings.RELEASE_SIGNING_KEY = str(tmp_path / "dev-keys" / "signing.pem")
    settings.RELEASE_ROOT_METADATA = str(tmp_path / "dev-keys" / "root.json")

    release = release_publish(cluster=cluster)

    assert release.build == 1
    key = tmp_path / "dev-keys" / "signing.pem"
    assert key.stat().st_mode & 0o777 == 0o600
    root = _store(settings, "bo-y") / "metadata" / "1.root.json"
    assert root.read_bytes() == (tmp_path / "dev-keys" / "root.json").read_bytes()


def test_the_kiosk_task_publishes_after_the_build_when_enabled(
    settings, cluster, monkeypatch
):
    from cms.kiosks import services as kiosk_services
    from cms.kiosks.tasks import kiosk_rebuild

    class Report:
        def summary(self):
            return "built"

    def fake_build(*, cluster, **kwargs):
        site_make(out_dir=Path(settings.KIOSK_BUILD_ROOT) / cluster.code)
        return Report()

    monkeypatch.setattr(kiosk_services, "kiosk_build", fake_build)
    settings.RELEASE_PUBLISH_ON_BUILD = False
    kiosk_rebuild.call(cluster_code="bo-y")
    assert not Release.objects.exists()

    settings.RELEASE_PUBLISH_ON_BUILD = True
    result = kiosk_rebuild.call(cluster_code="bo-y")
    assert result["build"] == 1
    assert Release.objects.get().trigger == Release.Trigger.BUILD


def test_the_kiosk_task_publishes_a_build_only_when_its_files_changed(
    settings, cluster, monkeypatch
):
    from cms.kiosks import services as kiosk_services
    from cms.kiosks.tasks import kiosk_rebuild

    versions = iter([1, 1, 2])

    class Report:
        def summary(self):
            return "built"

    def fake_build(*, cluster, **kwargs):
        out = Path(settings.KIOSK_BUILD_ROOT) / cluster.code
        site_make(out_dir=out, version=next(versions))
        return Report()

    monkeypatch.setattr(kiosk_services, "kiosk_build", fake_build)
    settings.RELEASE_PUBLISH_ON_BUILD = True
    assert kiosk_rebuild.call(cluster_code="bo-y")["build"] == 1
    assert kiosk_rebuild.call(cluster_code="bo-y")["build"] == "unchanged"
    assert kiosk_rebuild.call(cluster_code="bo-y")["build"] == 2
    assert list(Release.objects.values_list("build", flat=True).order_by("build")) == [
        1,
        2,
    ]
