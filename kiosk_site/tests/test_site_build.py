import json
import re

from bench.sample import make_snapshot, snapshot_write
from kiosk_site.build import site_build
from kiosk_site.snapshot import page_output

from .conftest import SMALL, site_files


def test_every_page_type_is_rendered_per_locale_with_lang(tmp_path, warm_out):
    snap = make_snapshot(tmp_path / "snap", **SMALL)
    out = warm_out("site")
    report = site_build(snapshot=snap, out_dir=out)
    data = json.loads(snap.read_text(encoding="utf-8"))
    assert report.pages_total == len(data["pages"]) == report.pages_rendered
    for page in data["pages"]:
        rel = page_output(page)
        html = (out / rel).read_text(encoding="utf-8")
        assert f'<html lang="{page["locale"]}"' in html
        assert f'data-template="{page["type"]}"' in html
        assert f'data-qr="{page["portal_url"]}"' in html  # QR to the portal page
    attract = (out / "index.html").read_text(encoding="utf-8")
    for name in ("Tiếng Việt", "English", "中文", "ພາສາລາວ", "ភាសាខ្មែរ"):
        assert name in attract
    assert 'lang="lo" hreflang="lo"' in attract


def test_assets_carry_content_hashes_and_nothing_is_remote(tmp_path, warm_out):
    out = warm_out("site")
    site_build(snapshot=make_snapshot(tmp_path / "snap", **SMALL), out_dir=out)
    stable = ("fonts.css", "pinyin.js")  # content-dependent, named by pages
    names = [p.name for p in (out / "assets").rglob("*.*") if p.name not in stable]
    assert all(re.search(r"-[0-9a-f]{12}\.(css|js|woff2)$", n) for n in names), names
    assert {n.split("-")[0] for n in names} >= {
        "app",
        "keyboard",
        "search",
        "lao",
        "khmer",
        "cjk",
        "latin",
    }
    for rel, blob in site_files(out).items():
        if rel.endswith((".html", ".css")):
            text = blob.decode("utf-8")
            assert not re.search(r"""(src|href)=["']https?://""", text), rel
            assert "url(http" not in text, rel


def test_same_snapshot_gives_byte_identical_output(tmp_path, warm_out):
    snap = make_snapshot(tmp_path / "snap", **SMALL)
    a, b = warm_out("a"), warm_out("b")
    site_build(snapshot=snap, out_dir=a)
    site_build(snapshot=snap, out_dir=b)
    assert site_files(a) == site_files(b)


def test_one_page_edit_rerenders_only_affected_pages(tmp_path, warm_out):
    snap = make_snapshot(tmp_path / "snap", **SMALL)
    out = warm_out("site")
    site_build(snapshot=snap, out_dir=out)
    assert site_build(snapshot=snap, out_dir=out).pages_rendered == 0
    data = json.loads(snap.read_text(encoding="utf-8"))
    page = next(
        p for p in data["pages"] if p["type"] == "information" and p["locale"] == "en"
    )
    page["body_html"] += "<p>Updated opening of the new currency desk.</p>"
    page["search_text"] += " Updated opening of the new currency desk."
    snapshot_write(snap, data)
    report = site_build(snapshot=snap, out_dir=out)
    assert report.pages_rendered == 1
    assert 0 < report.index_bytes_written < report.index_bytes / 5
    fresh = warm_out("fresh")
    site_build(snapshot=snap, out_dir=fresh)
    assert site_files(out) == site_files(fresh)


def test_title_edit_rerenders_the_page_and_its_parent_tile(tmp_path, warm_out):
    snap = make_snapshot(tmp_path / "snap", **SMALL)
    out = warm_out("site")
    site_build(snapshot=snap, out_dir=out)
    data = json.loads(snap.read_text(encoding="utf-8"))
    page = next(
        p for p in data["pages"] if p["type"] == "place" and p["locale"] == "vi"
    )
    page["title"] = "Chợ đêm Ngọc Hồi"
    snapshot_write(snap, data)
    report = site_build(snapshot=snap, out_dir=out)
    assert report.pages_rendered == 2
    parent = next(p for p in data["pages"] if p["id"] == page["parent_id"])
    assert "Chợ đêm Ngọc Hồi" in (out / page_output(parent)).read_text(encoding="utf-8")


def test_removed_page_disappears_from_output(tmp_path, warm_out):
    snap = make_snapshot(tmp_path / "snap", **SMALL)
    out = warm_out("site")
    site_build(snapshot=snap, out_dir=out)
    data = json.loads(snap.read_text(encoding="utf-8"))
    gone = next(
        p for p in data["pages"] if p["type"] == "event" and p["locale"] == "km"
    )
    data["pages"].remove(gone)
    snapshot_write(snap, data)
    report = site_build(snapshot=snap, out_dir=out)
    assert report.files_removed >= 1
    assert not (out / page_output(gone)).exists()


def test_two_process_build_equals_one_process_build(tmp_path, warm_out):
    snap = make_snapshot(tmp_path / "snap", **SMALL)
    one, two = warm_out("one"), warm_out("two")
    site_build(snapshot=snap, out_dir=one, workers=1)
    report = site_build(snapshot=snap, out_dir=two, workers=2)
    assert report.pages_rendered == report.pages_total
    assert site_files(one) == site_files(two)


def test_new_characters_change_fonts_but_not_pages(tmp_path, warm_out):
    snap = make_snapshot(tmp_path / "snap", **SMALL)
    out = warm_out("site")
    site_build(snapshot=snap, out_dir=out)
    fonts_before = (out / "assets" / "fonts.css").read_text()
    data = json.loads(snap.read_text(encoding="utf-8"))
    page = next(
        p for p in data["pages"] if p["type"] == "event" and p["locale"] == "zh-hans"
    )
    page["body_html"] += "<p>龘</p>"
    page["search_text"] += " 龘"
    snapshot_write(snap, data)
    report = site_build(snapshot=snap, out_dir=out)
    assert report.pages_rendered == 1
    assert (out / "assets" / "fonts.css").read_text() != fonts_before
