"""The LED player's files in a build: pages, sizes, playlists, media."""

from __future__ import annotations

import hashlib
import json
import re
from types import SimpleNamespace

import pytest

from bench.sample import make_snapshot
from kiosk_site.build import site_build
from kiosk_site.build.media import media_entries
from kiosk_site.errors import MediaError, SnapshotError

from .conftest import site_files
from .led_sample import led_face, loop_item, set_led, video_entry

SNAP = {"locales": ("vi", "lo"), "pages_per_locale": 6}


@pytest.fixture
def snap(tmp_path):
    """A sample snapshot with faces "lao" (1920x1080, sound: a, b, a) and
    "road" (2304x576: b); the videos are stand-in bytes (nothing decodes them)."""
    path = make_snapshot(tmp_path / "snap", **SNAP)
    media = path.parent / "media"
    snap = SimpleNamespace(
        path=path,
        a=video_entry(media, "a.mp4", b"video a" * 50, width=1920, height=1080),
        b=video_entry(media, "b.mp4", b"video b" * 50),
    )
    a, b = loop_item(1, snap.a, duration_s=30.0), loop_item(2, snap.b, duration_s=15.0)
    set_led(
        path,
        [
            led_face("lao", [a, b, a], width=1920, height=1080, has_sound=True),
            led_face("road", [b], width=2304, height=576),
        ],
    )
    return snap


def _json(out, rel):
    return json.loads((out / rel).read_text(encoding="utf-8"))


def test_each_face_gets_a_page_of_its_exact_size_and_a_playlist(snap, warm_out):
    out = warm_out("site")
    site_build(snapshot=snap.path, out_dir=out)
    assert (out / "led/lao/face.css").read_text() == (
        "html,body{width:1920px;height:1080px}\n"
    )
    assert "width:2304px;height:576px" in (out / "led/road/face.css").read_text()
    playlist = _json(out, "led/lao/playlist.json")
    assert playlist["timezone"] == "Asia/Ho_Chi_Minh"
    assert playlist["face"]["has_sound"] is True and "days" not in playlist["face"]
    assert len(playlist["days"]) == 14
    day = playlist["days"][0]
    assert day["date"] == "2026-12-07" and day["windows"][0] == {
        "start": "07:00",
        "end": "11:00",
    }
    a_url = "/media/" + snap.a["sha256"][:20] + ".mp4"
    assert day["loop"][0] == {
        "programme_id": 1,
        "title": "Chương trình 1",
        "advertising": False,
        "duration_s": 30.0,
        "src": a_url,
        "sha256": snap.a["sha256"],
    }
    assert [item["programme_id"] for item in day["loop"]] == [1, 2, 1]
    for item in day["loop"]:
        blob = (out / item["src"].lstrip("/")).read_bytes()
        assert hashlib.sha256(blob).hexdigest() == item["sha256"]


def test_the_player_page_runs_only_the_release_s_hashed_files(snap, warm_out):
    out = warm_out("site")
    site_build(snapshot=snap.path, out_dir=out)
    page = (out / "led/lao/index.html").read_text(encoding="utf-8")
    assert "script-src 'self'; style-src 'self';" in page
    assert "unsafe-inline" not in page and "<style" not in page
    assert " style=" not in page and " on" not in page.replace(" only", "")
    scripts = re.findall(r"<script([^>]*)>", page)
    assert scripts and all(' src="/assets/led-player-' in s for s in scripts)
    assert 'data-face="lao"' in page and 'lang="vi"' in page
    links = re.findall(r'(?:src|href)="(/[^"]+)"', page)
    assert "/assets/fonts.css" in links and "/led/lao/face.css" in links
    for link in links:
        assert (out / link.lstrip("/")).is_file(), link
    playlist = _json(out, "led/lao/playlist.json")
    assert playlist["player"] in links


def test_media_entries_yields_every_loop_video(snap):
    data = json.loads(snap.path.read_text(encoding="utf-8"))
    urls = [entry["url"] for entry in media_entries(data)]
    # Three items a day on "lao", one on "road", 14 days each.
    assert (
        urls[-56:]
        == ["media/a.mp4", "media/b.mp4", "media/a.mp4"] * 14 + ["media/b.mp4"] * 14
    )


def test_a_loop_video_that_fails_its_sha256_stops_the_build(snap, warm_out):
    (snap.path.parent / "media" / "b.mp4").write_bytes(b"changed")
    with pytest.raises(MediaError, match="LED loop video.*media/b.mp4.*sha256"):
        site_build(snapshot=snap.path, out_dir=warm_out("site"))


def test_a_rebuild_after_the_led_section_changed_matches_a_fresh_build(snap, warm_out):
    out = warm_out("site")
    site_build(snapshot=snap.path, out_dir=out)
    data = json.loads(snap.path.read_text(encoding="utf-8"))
    c = video_entry(snap.path.parent / "media", "c.mp4", b"video c" * 50)
    lao = data["led"]["faces"][0]
    for day in lao["days"]:
        day["loop"] = [loop_item(3, c, duration_s=10.0)]
    set_led(snap.path, [lao])  # "road" gone; a.mp4 and b.mp4 no longer used
    report = site_build(snapshot=snap.path, out_dir=out)
    assert report.files_removed == 5
    fresh = warm_out("fresh")
    site_build(snapshot=snap.path, out_dir=fresh)
    files = site_files(out)
    assert files == site_files(fresh)
    assert not any(rel.startswith("led/road/") for rel in files)
    assert "media/" + snap.a["sha256"][:20] + ".mp4" not in files
    assert "media/" + snap.b["sha256"][:20] + ".mp4" not in files
    assert site_build(snapshot=snap.path, out_dir=out).files_written == 0


def test_a_snapshot_without_led_faces_has_no_player(tmp_path, warm_out):
    snap = make_snapshot(tmp_path / "snap", **SNAP)
    out = warm_out("site")
    site_build(snapshot=snap, out_dir=out)
    assert not (out / "led").exists()
    assert not list((out / "assets").glob("led-player-*"))


def test_a_face_code_that_cannot_name_a_folder_is_refused(snap, warm_out):
    data = json.loads(snap.path.read_text(encoding="utf-8"))
    set_led(snap.path, [{**data["led"]["faces"][1], "code": "../road"}])
    with pytest.raises(SnapshotError, match=r"'\.\./road' cannot name a folder"):
        site_build(snapshot=snap.path, out_dir=warm_out("site"))
