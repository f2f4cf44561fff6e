import json
import re

from bench.sample import make_snapshot, snapshot_write
from kiosk_site.build import site_build
from kiosk_site.snapshot import page_output

from .conftest import SMALL, site_files
from .programme_media import PROGRAMME_ID, add_programme


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


def test_a_ready_programme_plays_its_rendition_with_poster_and_tracks(
    tmp_path, warm_out
):
    snap = make_snapshot(tmp_path / "snap", **SMALL)
    pages = add_programme(snap)
    out = warm_out("site")
    site_build(snapshot=snap, out_dir=out)

    data = json.loads(snap.read_text(encoding="utf-8"))
    programme = data["programmes"][PROGRAMME_ID]
    video = f"/media/{programme['video']['sha256'][:20]}.mp4"
    poster = f"/media/{programme['poster']['sha256'][:20]}.jpg"
    vi, lo = (f"/media/{track['sha256'][:20]}.vtt" for track in programme["subtitles"])
    html = (out / page_output(pages["vi"])).read_text(encoding="utf-8")
    assert (
        f'<video src="{video}" poster="{poster}" width="320" height="180" '
        'controls playsinline preload="none">'
        f'<track kind="subtitles" srclang="vi" label="Tiếng Việt" src="{vi}" default>'
        f'<track kind="subtitles" srclang="lo" label="ພາສາລາວ" src="{lo}">'
        "</video><figcaption>Phóng sự Bờ Y</figcaption>"
    ) in html
    lao = (out / page_output(pages["lo"])).read_text(encoding="utf-8")
    assert f'srclang="lo" label="ພາສາລາວ" src="{lo}" default>' in lao
    assert f'srclang="vi" label="Tiếng Việt" src="{vi}">' in lao
    for url in (video, poster, vi, lo):
        assert (out / url.lstrip("/")).is_file()
    assert (out / vi.lstrip("/")).read_text(encoding="utf-8").startswith("WEBVTT")


def test_a_programme_being_prepared_shows_its_poster_and_says_so(tmp_path, warm_out):
    snap = make_snapshot(tmp_path / "snap", **SMALL)
    pages = add_programme(snap, status="preparing")
    out = warm_out("site")
    site_build(snapshot=snap, out_dir=out)

    data = json.loads(snap.read_text(encoding="utf-8"))
    poster = data["programmes"][PROGRAMME_ID]["poster"]["sha256"][:20]
    vi = (out / page_output(pages["vi"])).read_text(encoding="utf-8")
    figure = vi[vi.index(f'data-programme-id="{PROGRAMME_ID}"') :]
    assert "<video" not in vi
    assert figure.startswith(
        f'data-programme-id="{PROGRAMME_ID}">'
        f'<img src="/media/{poster}.jpg" alt="" width="320" height="180">'
        '<p class="video-preparing" lang="vi">'
        "Video này đang được chuẩn bị. Mời quý khách quay lại sau.</p>"
    )
    lao = (out / page_output(pages["lo"])).read_text(encoding="utf-8")
    assert '<p class="video-preparing" lang="lo">ວິດີໂອນີ້ກຳລັງຖືກກະກຽມ.' in lao
    assert "<video" not in lao


def test_a_programme_without_a_poster_yet_shows_only_the_line(tmp_path, warm_out):
    snap = make_snapshot(tmp_path / "snap", **SMALL)
    pages = add_programme(snap, status="failed", poster=False)
    out = warm_out("site")
    site_build(snapshot=snap, out_dir=out)

    html = (out / page_output(pages["km"])).read_text(encoding="utf-8")
    figure = html[html.index(f'data-programme-id="{PROGRAMME_ID}"') :]
    assert figure.startswith(
        f'data-programme-id="{PROGRAMME_ID}"><p class="video-preparing" lang="km">'
    )
    assert "<video" not in html and '<img src="/media/' not in figure[:200]
