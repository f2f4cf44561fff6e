"""manage.py release_keygen, release_publish and release_bundle."""

import json
import re
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from cms.releases.models import Release
from cms.releases.services import release_publish
from kiosk_site.release.manifest import manifest_loads

pytestmark = pytest.mark.django_db


@pytest.fixture
def key_settings(settings, tmp_path):
    settings.RELEASE_SIGNING_KEY = str(tmp_path / "keys" / "signing.pem")
    settings.RELEASE_ROOT_METADATA = str(tmp_path / "public" / "root.json")
    return settings


def test_keygen_writes_both_files_and_says_where_the_root_is(key_settings, capsys):
    call_command("release_keygen")
    out = capsys.readouterr().out
    key = Path(key_settings.RELEASE_SIGNING_KEY)
    root = Path(key_settings.RELEASE_ROOT_METADATA)
    assert key.stat().st_mode & 0o777 == 0o600
    assert json.loads(root.read_bytes())["signed"]["_type"] == "root"
    assert str(root) in out and "every agent" in out


def test_keygen_refuses_to_replace_a_key_unless_forced(key_settings):
    call_command("release_keygen")
    key = Path(key_settings.RELEASE_SIGNING_KEY)
    before = key.read_bytes()
    with pytest.raises(CommandError) as err:
        call_command("release_keygen")
    assert str(key) in str(err.value) and "--force" in str(err.value)
    assert key.read_bytes() == before

    call_command("release_keygen", "--force")
    assert key.read_bytes() != before


def test_publish_command_records_a_release(cluster, built_site, capsys):
    call_command("release_publish", "--cluster", "bo-y")
    assert Release.objects.get().trigger == Release.Trigger.COMMAND
    assert "Published build 1 of bo-y" in capsys.readouterr().out


def test_bundle_holds_what_the_last_build_needs_under_store_paths(
    settings, cluster, built_site, tmp_path
):
    release_publish(cluster=cluster)
    (built_site / "vi" / "page-2.html").write_text("sửa", encoding="utf-8")
    release_publish(cluster=cluster)
    out = tmp_path / "usb" / "bo-y.tar"

    call_command("release_bundle", "--cluster", "bo-y", "--out", str(out))

    repo = Path(settings.RELEASE_STORE_ROOT) / "bo-y"
    with tarfile.open(out) as tar:
        members = tar.getmembers()
        assert members[0].name == "kiosk-bundle.json"
        header = json.load(tar.extractfile(members[0]))
        files = {m.name: tar.extractfile(m).read() for m in members[1:]}
    assert (header["cluster"], header["build"]) == ("bo-y", 2)
    assert header["members"] == list(files)
    for name, data in files.items():
        assert name.startswith("bo-y/")
        assert (repo / name.removeprefix("bo-y/")).read_bytes() == data
    names = set(files)
    assert {
        "bo-y/metadata/1.root.json",
        "bo-y/metadata/timestamp.json",
        "bo-y/metadata/2.snapshot.json",
        "bo-y/metadata/2.targets.json",
    } <= names
    assert "bo-y/metadata/1.targets.json" not in names
    assert any(n.endswith(".manifest.json.zst") for n in names)
    assert any(n.endswith(".full.pack") for n in names)
    manifest = manifest_loads(data=(repo / "builds" / "2.json").read_bytes())
    raw = {e.sha256 for e in manifest.files if e.raw}
    assert raw and {f"bo-y/objects/{s[:2]}/{s}" for s in raw} <= names


def test_bundle_of_an_unknown_cluster_lists_the_known_codes(cluster, tmp_path):
    with pytest.raises(CommandError) as err:
        call_command(
            "release_bundle", "--cluster", "bo-z", "--out", str(tmp_path / "x")
        )
    assert '"bo-z"' in str(err.value) and "bo-y" in str(err.value)
    assert not (tmp_path / "x").exists()


def test_bundle_before_any_release_says_to_publish(cluster, tmp_path):
    with pytest.raises(CommandError, match="publish it first"):
        call_command(
            "release_bundle", "--cluster", "bo-y", "--out", str(tmp_path / "x")
        )


def test_timestamp_refresh_re_signs_each_published_cluster(
    settings, cluster, other_cluster, built_site, capsys
):
    release_publish(cluster=cluster)
    path = Path(settings.RELEASE_STORE_ROOT) / "bo-y" / "metadata" / "timestamp.json"
    before = json.loads(path.read_bytes())["signed"]

    call_command("release_timestamp_refresh")

    after = json.loads(path.read_bytes())["signed"]
    assert after["version"] == before["version"] + 1
    assert after["meta"] == before["meta"]
    assert "bo-y" in capsys.readouterr().out
    assert not (Path(settings.RELEASE_STORE_ROOT) / "le-thanh").exists()


def test_credential_command_prints_a_token_the_api_accepts(cluster, client, capsys):
    call_command("release_credential", "--cluster", cluster.code)
    token = capsys.readouterr().out.strip()
    url = f"/api/agent/v1/clusters/{cluster.code}/report"
    auth = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    ok = client.post(url, data="{}", content_type="application/json", **auth)
    assert ok.status_code == 200
    # A second issue names the active credential instead of replacing it.
    with pytest.raises(CommandError, match=re.escape(token[:8])):
        call_command("release_credential", "--cluster", cluster.code)
    call_command("release_credential", "--cluster", cluster.code, "--rotate")
    new = capsys.readouterr().out.strip()
    assert new != token
    old = client.post(url, data="{}", content_type="application/json", **auth)
    assert old.status_code == 401
    with pytest.raises(CommandError, match="known codes"):
        call_command("release_credential", "--cluster", "nowhere")
