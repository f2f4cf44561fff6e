"""manage.py kiosk_build and the rebuild a publish queues."""

import hashlib
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django_tasks import default_task_backend

from cms.headless.tests.factories import (
    ClusterFactory,
    every_page_type,
    information,
    make_image,
    site_home,
    text,
    translate,
)
from cms.kiosks.services import kiosk_build

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    home = site_home()
    image = make_image()
    pages = list(every_page_type(home, image=image).values())
    place = information(home, slug="gio-mo-cua", title="Giờ mở cửa")
    for page in (home, place):
        translate(page, "en")
    return {"home": home, "pages": pages, "place": place}


def test_kiosk_build_makes_a_site_in_every_language_of_the_cluster(site, tmp_path):
    cluster = ClusterFactory(code="bo-y", languages=["vi", "en"])
    out = tmp_path / "kiosk"

    call_command("kiosk_build", "--cluster", "bo-y", "--out", str(out))

    assert (out / "vi" / "index.html").exists()
    assert (out / "en" / "index.html").exists()
    html = (out / "vi" / "index.html").read_text(encoding="utf-8")
    assert 'lang="vi"' in html
    media = list((out / "media").iterdir())
    assert media, "the page image was not copied into the site"
    assert not any("http" in p.name for p in media)
    assert cluster.code == "bo-y"


def test_a_rebuild_after_one_page_edit_re_renders_only_what_it_affects(site, tmp_path):
    cluster = ClusterFactory(code="bo-y", languages=["vi", "en"])
    out = tmp_path / "kiosk"
    first = kiosk_build(cluster=cluster, out_dir=out)
    again = kiosk_build(cluster=cluster, out_dir=out)
    assert again.pages_rendered == 0

    page = site["place"]
    # Same characters as before, so the font subsets stay as they are.
    page.body = [text("<p>Cửa khẩu mở từ 7 giờ.</p>")]
    page.save_revision().publish()
    edited = kiosk_build(cluster=cluster, out_dir=out)

    assert 0 < edited.pages_rendered < first.pages_total / 2
    rendered = out.rglob("*.html")
    assert any("mở từ 7 giờ.<" in p.read_text(encoding="utf-8") for p in rendered)


def test_kiosk_build_of_an_unknown_cluster_names_the_known_codes():
    ClusterFactory(code="bo-y")
    with pytest.raises(CommandError) as err:
        call_command("kiosk_build", "--cluster", "bo-z", "--out", "/tmp/unused")
    assert "bo-z" in str(err.value) and "bo-y" in str(err.value)


def test_publishing_a_page_queues_a_rebuild_of_only_the_clusters_it_targets(
    site, settings, django_capture_on_commit_callbacks
):
    settings.KIOSK_REBUILD_ON_PUBLISH = True
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    gate = ClusterFactory(code="bo-y", languages=["vi", "en"])
    ClusterFactory(code="le-thanh", languages=["vi", "km"])
    page = site["place"]
    page.all_clusters = False
    page.save()
    page.target_clusters.set([gate])

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    queued = [
        r.args or r.kwargs
        for r in default_task_backend.results
        if r.task.name == "kiosk_rebuild"
    ]
    assert queued == [{"cluster_code": "bo-y"}]


def test_snapshot_media_point_at_copies_in_the_build_so_no_server_is_needed(
    site, tmp_path
):
    from cms.kiosks.services import cluster_snapshot_local

    cluster = ClusterFactory(code="bo-y", languages=["vi"])
    snapshot = cluster_snapshot_local(cluster=cluster, out_dir=tmp_path)
    entries = list(snapshot["images"].values())
    assert entries and all(e["url"].startswith("file:///") for e in entries)
    for entry in entries:
        copy = Path(entry["url"].removeprefix("file://"))
        assert copy.parent == tmp_path / "media"
        assert hashlib.sha256(copy.read_bytes()).hexdigest() == entry["sha256"]
    json.dumps(snapshot)


def test_builder_and_cms_agree_on_snapshot_and_page_hashes(site):
    from cms.headless.snapshot import cluster_snapshot
    from kiosk_site.snapshot import page_content_hash, snapshot_content_hash

    cluster = ClusterFactory(code="bo-y", languages=["vi", "en"])
    snapshot = cluster_snapshot(cluster=cluster, base_url="http://cms.example")

    assert snapshot_content_hash(snapshot) == snapshot["content_hash"]
    assert all(page_content_hash(p) == p["content_hash"] for p in snapshot["pages"])
