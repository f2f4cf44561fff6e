"""backup → wipe → restore on a real SQLite file and a real PostgreSQL
database gives back the same content, media bytes, play logs and releases."""

import json
import os
import shutil

import pytest

from .sites import pg_recreate, site_make, tree_sha256

SEED = "from cms.operations.tests.seed import seed; seed()"


@pytest.fixture(params=["sqlite", "postgresql"])
def site(request, tmp_path):
    made = site_make(folder=tmp_path, vendor=request.param)
    made.ok("migrate", "--verbosity=0")
    made.shell(SEED)
    made.releases.joinpath("bo-y/7").mkdir(parents=True)
    made.releases.joinpath("bo-y/7/site.tar").write_bytes(os.urandom(300_000))
    made.releases.joinpath("bo-y/7/manifest.json").write_text('{"build": 7}')
    yield made
    if made.pg_name:
        pg_recreate(made.pg_name, drop_only=True)


def test_backup_then_wipe_then_restore_gives_back_everything(site):
    before = site.probe()
    media, releases = tree_sha256(site.media), tree_sha256(site.releases)
    assert before["AgentUpload"] == before["PlayRecord"] == 3 and len(media) >= 3

    name = site.ok("backup").split()[1]
    manifest = json.loads((site.backups / name / "manifest.json").read_text())
    assert manifest["db_vendor"] == site.vendor
    assert ["releases", "0001_initial"] in manifest["migrations"]
    listed = {f["path"]: f["sha256"] for f in manifest["files"]}
    assert {f"media/{p}": h for p, h in media.items()}.items() <= listed.items()
    assert listed["releases/bo-y/7/site.tar"] == releases["bo-y/7/site.tar"]

    site.wipe_database()
    shutil.rmtree(site.media)
    shutil.rmtree(site.releases)
    assert "Restored backup" in site.ok("restore", name)

    assert site.probe() == before
    assert tree_sha256(site.media) == media
    assert tree_sha256(site.releases) == releases


DROP_USER = (
    "from django.contrib.auth.models import User; "
    "User.objects.filter(username='bientap').delete()"
)


def test_restore_over_a_database_with_content_needs_yes(site):
    before = site.probe()
    name = site.ok("backup").split()[1]
    site.shell(DROP_USER)
    changed = site.probe()
    assert "bientap" not in changed["users"]

    refused = site.manage("restore", name)
    assert refused.returncode == 1
    assert "not empty" in refused.stderr and "--yes" in refused.stderr
    assert site.probe() == changed

    site.ok("restore", name, "--yes")
    assert site.probe() == before
