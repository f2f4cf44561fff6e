"""In Chromium, a programme plays its kiosk rendition with subtitles; one
still being encoded shows its poster and a line, never a broken player."""

import hashlib
import json
import subprocess

import pytest

import transcode
from bench.sample import make_snapshot, snapshot_write
from kiosk_site.build import site_build
from kiosk_site.tests.programme_media import PROGRAMME_ID, add_programme

from .conftest import LOCALES, Kiosk


def _real_rendition(snap) -> None:
    """Programme 7's video made as the CMS makes it: a 1920x1080 MPEG-2
    broadcast file through transcode's kiosk profile."""
    source = snap.parent / "broadcast.mpg"
    subprocess.run(
        ["ffmpeg", "-v", "error", "-y",
         "-f", "lavfi", "-i", "testsrc2=s=1920x1080:r=25:d=2",
         "-f", "lavfi", "-i", "sine=f=440:d=2",
         "-c:v", "mpeg2video", "-b:v", "12M", "-c:a", "mp2", str(source)],
        check=True, timeout=120,
    )  # fmt: skip
    out = snap.parent / "media" / "kiosk.mp4"
    profile = transcode.kiosk_profile(transcode.probe(source))
    [result] = transcode.transcode(source, [(profile, out)])
    data = json.loads(snap.read_text(encoding="utf-8"))
    data["programmes"][PROGRAMME_ID]["video"].update(
        sha256=hashlib.sha256(out.read_bytes()).hexdigest(),
        size=result.size_bytes,
        width=result.width,
        height=result.height,
        duration_s=result.duration_s,
    )
    snapshot_write(snap, data)


def _programme_kiosk(tmp_path_factory, name: str, **kwargs) -> Kiosk:
    root = tmp_path_factory.mktemp(name)
    snap = make_snapshot(root / "snapshot", locales=LOCALES, pages_per_locale=16)
    add_programme(snap, **kwargs)
    if kwargs.get("status", "ready") == "ready":
        _real_rendition(snap)
    site_build(snapshot=snap, out_dir=root / "site")
    return Kiosk(root, snap, root / "site")


@pytest.fixture(scope="module")
def ready_kiosk(tmp_path_factory):
    kiosk = _programme_kiosk(tmp_path_factory, "programme-ready")
    yield kiosk
    kiosk.stop()


@pytest.fixture(scope="module")
def preparing_kiosk(tmp_path_factory):
    kiosk = _programme_kiosk(
        tmp_path_factory, "programme-preparing", status="preparing"
    )
    yield kiosk
    kiosk.stop()


def _programme_page(kiosk: Kiosk, locale: str) -> dict:
    return next(
        p
        for p in kiosk.data["pages"]
        if p["locale"] == locale and int(PROGRAMME_ID) in p["programme_ids"]
    )


def test_the_video_plays_the_rendition_with_the_page_language_subtitles(
    page, ready_kiosk
):
    programme = ready_kiosk.data["programmes"][PROGRAMME_ID]
    rendition = f"/media/{programme['video']['sha256'][:20]}.mp4"
    page.goto(ready_kiosk.page_url(_programme_page(ready_kiosk, "lo")))
    video = page.locator(f'figure[data-programme-id="{PROGRAMME_ID}"] video')
    assert video.get_attribute("preload") == "none"

    played = video.evaluate(
        """async (video) => {
            video.muted = true;  // no user gesture in a test: autoplay policy
            await video.play();
            await new Promise((done) => {
                const wait = () =>
                    video.currentTime > 0.2 ? done() : setTimeout(wait, 50);
                wait();
            });
            video.pause();
            const showing = [...video.textTracks].filter((t) => t.mode === "showing");
            return {
                src: video.currentSrc,
                readyState: video.readyState,
                error: video.error && video.error.code,
                size: [video.videoWidth, video.videoHeight],
                showing: showing.map((t) => t.language),
                cues: showing.length ? showing[0].cues.length : 0,
            };
        }"""
    )

    assert played["src"] == ready_kiosk.url + rendition
    assert played["error"] is None and played["readyState"] >= 2
    assert played["size"] == [1280, 720]
    assert played["showing"] == ["lo"] and played["cues"] == 1


def test_a_programme_being_prepared_shows_its_poster_and_no_player(
    page, preparing_kiosk
):
    page.goto(preparing_kiosk.page_url(_programme_page(preparing_kiosk, "km")))
    figure = page.locator(f'figure[data-programme-id="{PROGRAMME_ID}"]')

    assert figure.locator("video").count() == 0
    line = figure.locator(".video-preparing")
    assert line.is_visible()
    assert line.get_attribute("lang") == "km"
    assert "វីដេអូនេះកំពុងត្រូវបានរៀបចំ" in line.inner_text()
    poster = figure.locator("img")
    poster.scroll_into_view_if_needed()
    assert poster.evaluate("(img) => img.complete && img.naturalWidth") == 320


def test_the_player_fits_a_portrait_screen(page, ready_kiosk):
    # The rendition is 1280 px wide; a portrait kiosk is 1080 px.
    page.set_viewport_size({"width": 1080, "height": 1920})
    page.goto(ready_kiosk.page_url(_programme_page(ready_kiosk, "vi")))
    video = page.locator(f'figure[data-programme-id="{PROGRAMME_ID}"] video')
    video.wait_for()
    box = video.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 1080
    assert box["height"] > 0
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (
        "the page scrolls sideways"
    )
