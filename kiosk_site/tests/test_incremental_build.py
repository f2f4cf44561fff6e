import json

import pytest

from bench.sample import make_snapshot, snapshot_write
from kiosk_site.build import site_build
from kiosk_site.errors import SnapshotError
from kiosk_site.snapshot import page_output

from .conftest import SMALL, site_files
from .programme_media import add_programme, programme_entry, set_programme


def _edit(snap, change) -> dict:
    data = json.loads(snap.read_text(encoding="utf-8"))
    page = next(
        p for p in data["pages"] if p["type"] == "information" and p["locale"] == "vi"
    )
    change(page)
    snapshot_write(snap, data)
    return page


def test_rebuild_validates_only_pages_whose_hash_changed(tmp_path, warm_out):
    snap = make_snapshot(tmp_path / "snap", **SMALL)
    out = warm_out("site")
    first = site_build(snapshot=snap, out_dir=out)
    assert first.timings["validated_pages"] == first.pages_total
    _edit(snap, lambda p: p.update(body_html=p["body_html"] + "<p>Mới.</p>"))
    assert site_build(snapshot=snap, out_dir=out).timings["validated_pages"] == 1


def test_rebuild_still_rejects_a_changed_page_that_breaks_the_schema(
    tmp_path, warm_out
):
    snap = make_snapshot(tmp_path / "snap", **SMALL)
    out = warm_out("site")
    site_build(snapshot=snap, out_dir=out)
    _edit(snap, lambda p: p.update(title=42))
    with pytest.raises(SnapshotError, match=r"\$\.pages\[\d+\]\.title"):
        site_build(snapshot=snap, out_dir=out)


def test_stray_file_is_removed_on_a_build_without_state(tmp_path, warm_out):
    snap = make_snapshot(tmp_path / "snap", **SMALL)
    out = warm_out("site")
    site_build(snapshot=snap, out_dir=out)
    (out / "vi" / "stray.html").write_text("old")
    (out / ".kiosk-build" / "state.pickle").unlink()
    report = site_build(snapshot=snap, out_dir=out)
    assert report.files_removed == 1
    assert not (out / "vi" / "stray.html").exists()


def test_navigation_change_rerenders_the_parent_and_matches_a_fresh_build(
    tmp_path, warm_out
):
    snap = make_snapshot(tmp_path / "snap", **SMALL)
    out = warm_out("site")
    site_build(snapshot=snap, out_dir=out)
    data = json.loads(snap.read_text(encoding="utf-8"))
    tree = data["navigation"]["vi"]
    section = next(n for n in tree["children"] if len(n["children"]) > 1)
    section["children"].reverse()  # editors reordered the menu; no page changed
    snapshot_write(snap, data)
    report = site_build(snapshot=snap, out_dir=out)
    assert report.pages_rendered >= 1
    fresh = warm_out("fresh")
    site_build(snapshot=snap, out_dir=fresh)
    assert site_files(out) == site_files(fresh)


def test_characters_that_come_and_go_match_a_fresh_build(tmp_path, warm_out):
    """Per-character page counts: a character one page brings in is subset
    into the fonts and the pinyin table, and leaves with the page."""
    snap = make_snapshot(tmp_path / "snap", **SMALL)
    out = warm_out("site")
    site_build(snapshot=snap, out_dir=out)
    data = json.loads(snap.read_text(encoding="utf-8"))
    page = next(
        p for p in data["pages"] if p["locale"] == "zh-hans" and p["type"] == "event"
    )
    page["body_html"] += "<p>龘</p>"
    snapshot_write(snap, data)
    site_build(snapshot=snap, out_dir=out)
    fresh = warm_out("fresh")
    site_build(snapshot=snap, out_dir=fresh)
    assert site_files(out) == site_files(fresh)
    data["pages"].remove(page)
    snapshot_write(snap, data)
    site_build(snapshot=snap, out_dir=out)
    again = warm_out("again")
    site_build(snapshot=snap, out_dir=again)
    assert site_files(out) == site_files(again)
    assert site_files(out)["assets/fonts.css"] != site_files(fresh)["assets/fonts.css"]


def test_a_full_build_that_fails_validation_writes_no_site_file(tmp_path, warm_out):
    """The second process starts before validation but writes nothing until
    the snapshot passed; a failure stops it."""
    snap = make_snapshot(tmp_path / "snap", **SMALL)
    data = json.loads(snap.read_text(encoding="utf-8"))
    data["pages"][-1]["title"] = 42
    snapshot_write(snap, data)
    out = warm_out("site")
    with pytest.raises(SnapshotError, match=r"\$\.pages\[\d+\]\.title"):
        site_build(snapshot=snap, out_dir=out, workers=2)
    assert [p.name for p in out.iterdir()] == [".kiosk-build"]


def test_a_state_file_changed_behind_the_builders_back_is_read_again(
    tmp_path, warm_out
):
    """The state this process wrote is kept in memory only while the file on
    disk is still that one; a torn or replaced file means a build without it."""
    snap = make_snapshot(tmp_path / "snap", **SMALL)
    out = warm_out("site")
    first = site_build(snapshot=snap, out_dir=out)
    assert site_build(snapshot=snap, out_dir=out).pages_rendered == 0
    (out / ".kiosk-build" / "state.pickle").write_bytes(b"torn")
    again = site_build(snapshot=snap, out_dir=out)
    assert again.pages_rendered == first.pages_total


def test_a_page_rerenders_when_its_programme_rendition_becomes_ready(
    tmp_path, warm_out
):
    snap = make_snapshot(tmp_path / "snap", **SMALL)
    pages = add_programme(snap, status="preparing")
    out = warm_out("site")
    site_build(snapshot=snap, out_dir=out)
    page = out / page_output(pages["vi"])
    assert "<video" not in page.read_text(encoding="utf-8")
    hashes = [p["content_hash"] for p in json.loads(snap.read_text())["pages"]]

    # The rendition is done: the programme entry changes, no page's hash does.
    set_programme(snap, programme_entry(snap.parent / "media", status="ready"))
    assert [p["content_hash"] for p in json.loads(snap.read_text())["pages"]] == hashes
    site_build(snapshot=snap, out_dir=out)

    assert '<video src="/media/' in page.read_text(encoding="utf-8")
    fresh = warm_out("fresh")
    site_build(snapshot=snap, out_dir=fresh)
    assert site_files(out) == site_files(fresh)
