import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench.sample import make_snapshot
from kiosk_site.build import site_build
from kiosk_site.errors import MediaError

from .conftest import SMALL


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
