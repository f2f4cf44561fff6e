import json
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench.sample import make_snapshot
from kiosk_site.build import site_build
from kiosk_site.build.media import media_entries
from kiosk_site.errors import MediaError

from .conftest import SMALL
from .programme_media import PROGRAMME_ID, add_programme


def test_corrupt_image_is_refused_with_both_hashes(tmp_path, warm_out):
    snap = make_snapshot(tmp_path / "snap", **SMALL)
    (tmp_path / "snap" / "media" / "img-2.png").write_bytes(b"not the picture")
    with pytest.raises(MediaError) as err:
        site_build(snapshot=snap, out_dir=warm_out("site"))
    assert "images 2" in str(err.value)
    assert "sha256" in str(err.value)


def test_snapshot_and_media_are_fetched_over_http(tmp_path, warm_out):
    make_snapshot(tmp_path / "snap", **SMALL)
    handler = partial(SimpleHTTPRequestHandler, directory=str(tmp_path / "snap"))
    handler.log_message = lambda *a: None
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/snapshot.json"
        out = warm_out("site")
        report = site_build(snapshot=url, out_dir=out)
    finally:
        server.shutdown()
        server.server_close()
    assert report.media_fetched == 6
    assert len(list((out / "media").glob("*.png"))) == 6


def test_programme_video_poster_and_tracks_are_copied_by_hash(tmp_path, warm_out):
    snap = make_snapshot(tmp_path / "snap", **SMALL)
    add_programme(snap)
    out = warm_out("site")
    report = site_build(snapshot=snap, out_dir=out)

    # Six images, then the video, the poster and two subtitle tracks.
    assert report.media_fetched == 6 + 4
    names = sorted(p.suffix for p in (out / "media").iterdir())
    assert names.count(".mp4") == 1 and names.count(".jpg") == 1
    assert names.count(".vtt") == 2
    assert site_build(snapshot=snap, out_dir=out).media_fetched == 0


def test_a_corrupt_subtitle_track_is_refused_naming_it(tmp_path, warm_out):
    snap = make_snapshot(tmp_path / "snap", **SMALL)
    add_programme(snap)
    (tmp_path / "snap" / "media" / "sub-lo.vtt").write_text("WEBVTT\n\nchanged\n")
    with pytest.raises(MediaError) as err:
        site_build(snapshot=snap, out_dir=warm_out("site"))
    assert f"programmes {PROGRAMME_ID}:subtitles:lo" in str(err.value)
    assert "sha256" in str(err.value)


def test_media_entries_lists_every_file_a_build_copies(tmp_path):
    snap = make_snapshot(tmp_path / "snap", **SMALL)
    add_programme(snap)
    data = json.loads(snap.read_text(encoding="utf-8"))
    urls = [entry["url"] for entry in media_entries(data)]
    assert urls[-4:] == [
        "media/kiosk.mp4",
        "media/poster.jpg",
        "media/sub-vi.vtt",
        "media/sub-lo.vtt",
    ]
    assert len(urls) == 6 + 4
