"""The LED player (kiosk_site/led) in Chromium with a controlled clock.

One built site with two faces: "lao" (sound) loops a red and a blue clip,
"road" (muted) loops red, a corrupt file and blue; a green clip is the
emergency programme (in the release through a third face). Airtime windows
07:00-11:00 and 14:00-18:00, Asia/Ho_Chi_Minh. Tests write
`<site>/emergency.json` as the agent would and read what the player POSTed
from the dev server's JSONL files. Chromium is started as on a kiosk PC, with
--autoplay-policy=no-user-gesture-required.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
from PIL import Image

from bench.sample import make_snapshot
from kiosk_site.build import site_build
from kiosk_site.serve import make_server
from kiosk_site.tests.led_sample import (
    FIRST_DAY,
    clip,
    led_face,
    loop_item,
    set_led,
    video_entry,
)

from .conftest import CHROMIUM_ARGS

ZONE = dt.timezone(dt.timedelta(hours=7))
WIDTH, HEIGHT = 160, 90
EMPTY = {"version": 1, "updated_at": "2026-12-07T06:00:00+07:00"}
# Every ended/playing/error of the two <video> elements, with its time.
EVENTS_SCRIPT = """
window.__led = [];
for (const type of ["playing", "ended", "error"]) {
  document.addEventListener(type, (e) => window.__led.push(
    {type, t: performance.now(), src: e.target.getAttribute("src") || ""}), true);
}
"""


def at(hms: str) -> dt.datetime:
    """That wall-clock time on the first playlist day, in Vietnam."""
    return dt.datetime.combine(FIRST_DAY, dt.time.fromisoformat(hms), ZONE)


class LedSite:
    def __init__(self, root: Path):
        self.root = root
        snap = make_snapshot(root / "snap", locales=("vi", "lo"), pages_per_locale=6)
        media = root / "snap" / "media"
        size = f"{WIDTH}x{HEIGHT}"
        self.red = video_entry(
            media, "red.mp4", clip(seconds=1, colour="red", size=size, sound=True)
        )
        self.blue = video_entry(
            media, "blue.mp4", clip(seconds=1, colour="blue", size=size, sound=True)
        )
        self.corrupt = video_entry(media, "corrupt.mp4", b"\x00\x01not a video" * 64)
        self.green = video_entry(
            media, "green.mp4", clip(seconds=1, colour="lime", size=size)
        )
        red, blue = (
            loop_item(1, self.red, duration_s=1.0),
            loop_item(2, self.blue, duration_s=1.0, advertising=True),
        )
        faces = [
            led_face("lao", [red, blue], width=WIDTH, height=HEIGHT, has_sound=True),
            led_face(
                "road",
                [red, loop_item(3, self.corrupt, duration_s=1.0), blue],
                width=WIDTH,
                height=HEIGHT,
            ),
            # Only so the release holds the emergency programme's rendition.
            led_face("spare", [loop_item(9, self.green, duration_s=1.0)]),
        ]
        set_led(snap, faces)
        self.site = root / "site"
        site_build(snapshot=snap, out_dir=self.site)
        self.emergency({})
        self.server = make_server(self.site, port=0, feedback_file=root / "fb.jsonl")
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}"

    def src(self, entry: dict) -> str:
        """The site URL the build gave a video (media/<sha256[:20]>.mp4)."""
        src = "/media/" + entry["sha256"][:20] + ".mp4"
        assert (self.site / src.lstrip("/")).read_bytes() == (
            self.root / "snap" / entry["url"]
        ).read_bytes()
        return src

    def emergency(self, state: dict) -> None:
        """Write the agent's state as the agent would (contracts §2)."""
        body = {**EMPTY, "emergency": None, "faces_off": [], **state}
        tmp = self.site / "emergency.json.tmp"
        tmp.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
        tmp.replace(self.site / "emergency.json")

    def posted(self, name: str) -> list[dict]:
        path = self.root / name
        if not path.exists():
            return []
        return [json.loads(line) for line in path.read_text().splitlines()]


@pytest.fixture(scope="module")
def led(tmp_path_factory):
    site = LedSite(tmp_path_factory.mktemp("led"))
    yield site
    site.server.shutdown()
    site.server.server_close()


@pytest.fixture(scope="module")
def led_browser(playwright):
    browser = playwright.chromium.launch(
        executable_path=shutil.which("chromium") or "/usr/bin/chromium",
        args=[*CHROMIUM_ARGS, "--autoplay-policy=no-user-gesture-required"],
    )
    yield browser
    browser.close()


@pytest.fixture
def open_face(led, led_browser):
    """Open a face's player at a clock time; the page's console errors, any
    JavaScript error or request leaving localhost fail the test."""
    pages, leaked, errors = [], [], []

    def guard(route):
        host = urlparse(route.request.url).hostname or ""
        if host in ("127.0.0.1", "localhost") or route.request.url.startswith("data:"):
            route.continue_()
        else:
            leaked.append(route.request.url)
            route.abort()

    def open_(code: str, clock: dt.datetime, *, hang: str = ""):
        """`hang`: a URL path whose requests are never answered (a stall)."""
        context = led_browser.new_context(
            viewport={"width": WIDTH, "height": HEIGHT}, service_workers="block"
        )
        context.route("**/*", guard)
        if hang:
            context.route(f"**{hang}", lambda route: None)
        page = context.new_page()
        pages.append(page)
        page.set_default_timeout(8_000)
        page.console_errors = []
        page.on("pageerror", lambda err: errors.append(str(err)))
        page.on(
            "console",
            lambda m: m.type == "error" and page.console_errors.append(m.text),
        )
        page.add_init_script(EVENTS_SCRIPT)
        page.clock.install(time=clock)
        page.goto(f"{led.url}/led/{code}/")
        return page

    yield open_
    for page in pages:
        page.context.close()
    led.emergency({})
    console = [text for page in pages for text in page.console_errors]
    assert console == [], f"console errors: {console}"
    assert leaked == [], f"requests left localhost: {leaked}"
    assert errors == [], f"JavaScript errors: {errors}"


def screen(page) -> Image.Image:
    return Image.open(io.BytesIO(page.screenshot())).convert("RGB")


def is_black(page) -> bool:
    return all(high <= 8 for _low, high in screen(page).getextrema())


def centre_colour(page) -> str:
    r, g, b = screen(page).getpixel((WIDTH // 2, HEIGHT // 2))
    return max((r, "red"), (g, "green"), (b, "blue"))[1]


def wait_playing(page, *srcs: str, timeout_s: float = 5.0) -> float:
    """Seconds until the shown <video> plays one of `srcs` (fails after timeout_s)."""
    start = time.monotonic()
    page.wait_for_function(
        """(srcs) => { const v = document.querySelector('.led-video.is-on');
            return v && srcs.includes(v.getAttribute('src')) && !v.paused
              && v.currentTime > 0; }""",
        arg=list(srcs),
        timeout=timeout_s * 1000,
    )
    return time.monotonic() - start


def wait_black(page, timeout_s: float = 5.0) -> float:
    start = time.monotonic()
    page.wait_for_function(
        """() => !document.querySelector('.led-video.is-on')
            && [...document.querySelectorAll('.led-video')].every(v => v.paused)
            && document.querySelector('.led-message').hidden""",
        timeout=timeout_s * 1000,
    )
    assert is_black(page)
    return time.monotonic() - start


def plays(page, led, face: str, since: int = 0, *, until=None) -> list[dict]:
    """The face's logged plays after the first `since` lines; with `until`,
    waited for (up to 3 s) until until(plays) holds. (Waits in the page: the
    route guard answers requests only while the test calls Playwright.)"""
    for _ in range(30):
        logged = [p for p in led.posted("play-log.jsonl")[since:] if p["face"] == face]
        if until is None or until(logged):
            break
        page.wait_for_timeout(100)
    return logged


def test_black_outside_the_window_then_the_loop_plays_gaplessly_and_is_logged(
    led, open_face
):
    page = open_face("lao", at("06:59:58.5"))
    box = page.evaluate(
        """() => { const s = getComputedStyle(document.body);
        return [document.documentElement.clientWidth, document.body.offsetHeight,
                document.documentElement.scrollWidth, s.cursor, s.backgroundColor]; }"""
    )
    assert box == [WIDTH, HEIGHT, WIDTH, "none", "rgb(0, 0, 0)"]
    assert is_black(page)
    assert page.evaluate("window.__led.length") == 0
    # 07:00 comes by the page's clock: red, blue, red, blue back to back.
    wait_playing(page, led.src(led.red), timeout_s=6)
    assert centre_colour(page) in ("red", "blue")  # a frame, whichever is on
    assert page.evaluate("document.querySelector('.led-video.is-on').muted") is False
    page.wait_for_function(
        "() => window.__led.filter(e => e.type === 'ended').length >= 3", timeout=8000
    )
    events = page.evaluate("window.__led")
    gaps = [
        next(e["t"] for e in events[i:] if e["type"] == "playing") - ended["t"]
        for i, ended in enumerate(events)
        if ended["type"] == "ended"
    ]
    print(f"gaps between ended and the next playing (ms): {gaps}")
    assert len(gaps) >= 3 and max(gaps) < 500
    assert [e["src"] for e in events if e["type"] == "playing"][:4] == [
        led.src(led.red),
        led.src(led.blue),
        led.src(led.red),
        led.src(led.blue),
    ]
    logged = plays(page, led, "lao", until=lambda logged: len(logged) >= 3)
    assert [(p["programme_id"], p["rendition_sha256"]) for p in logged[:3]] == [
        (1, led.red["sha256"]),
        (2, led.blue["sha256"]),
        (1, led.red["sha256"]),
    ]
    assert [p["advertising"] for p in logged[:3]] == [False, True, False]
    first = logged[0]
    assert first["kind"] == "scheduled"
    started = dt.datetime.fromisoformat(first["started_at"])
    ended = dt.datetime.fromisoformat(first["ended_at"])
    assert started.utcoffset() == dt.timedelta(hours=7)
    assert at("07:00:00") <= started < at("07:00:02")
    assert 0.8 < (ended - started).total_seconds() < 1.5
    # The window ends at 11:00: black at once, the cut play logged.
    count = len(led.posted("play-log.jsonl"))
    page.clock.set_system_time(at("10:59:59.5"))
    assert wait_black(page, timeout_s=3) < 3

    def cut(got: list[dict]) -> bool:
        return any(
            dt.datetime.fromisoformat(p["ended_at"]) >= at("11:00:00") for p in got
        )

    assert cut(plays(page, led, "lao", since=count, until=cut))


def test_an_emergency_pre_empts_the_schedule_and_the_schedule_resumes(led, open_face):
    page = open_face("lao", at("07:00:00"))
    wait_playing(page, led.src(led.red))
    count = len(led.posted("play-log.jsonl"))
    messages = [
        {"lang": "vi", "title": "Cảnh báo lũ", "text": "Không qua ngầm tràn."},
        {"lang": "lo", "title": "ແຈ້ງເຕືອນນ້ຳຖ້ວມ", "text": "ຫ້າມຂ້າມ."},
    ]
    led.emergency(
        {
            "emergency": {
                "id": "em-1",
                "started_at": "2026-12-07T07:00:00+07:00",
                "until": "2026-12-07T09:00:00+07:00",
                "messages": messages,
                "programme": None,
            }
        }
    )
    start = time.monotonic()
    page.wait_for_selector(".led-message:not([hidden])", timeout=5000)
    print(f"message shown {time.monotonic() - start:.2f} s after the state changed")
    box = page.locator(".led-message")
    assert box.get_attribute("lang") == "vi"
    assert box.inner_text().startswith("Cảnh báo lũ")
    assert page.evaluate("document.querySelector('.led-video.is-on')") is None
    page.clock.run_for(6500)  # no video runs: the language timer only
    assert box.get_attribute("lang") == "lo"
    assert box.inner_text().startswith("ແຈ້ງເຕືອນນ້ຳຖ້ວມ")
    family = page.evaluate("getComputedStyle(document.querySelector('.led-message'))")
    assert family["fontFamily"].startswith('"Kiosk Lao"')
    # Past `until` by the player's clock: the schedule resumes.
    page.clock.set_system_time(at("09:00:01"))
    wait_playing(page, led.src(led.blue))
    # A programme emergency plays this face's rendition, looped, until cancelled.
    programme = {
        "programme_id": 9,
        "faces": {
            "lao": {"src": led.src(led.green), "sha256": led.green["sha256"]},
            "road": {"src": led.src(led.red), "sha256": led.red["sha256"]},
        },
    }
    led.emergency(
        {
            "emergency": {
                "id": "em-2",
                "started_at": "2026-12-07T09:00:00+07:00",
                "until": None,
                "messages": [],
                "programme": programme,
            }
        }
    )
    took = wait_playing(page, led.src(led.green))
    assert took < 5, took
    assert centre_colour(page) == "green"
    page.wait_for_function(
        """(src) => window.__led.filter(e => e.type === 'playing'
              && e.src === src).length >= 2""",
        arg=led.src(led.green),
        timeout=5000,
    )
    led.emergency({})
    assert wait_playing(page, led.src(led.red), led.src(led.blue)) < 5

    def resumed(got: list[dict]) -> bool:
        return bool(got) and got[-1]["kind"] == "scheduled"

    logged = plays(page, led, "lao", since=count, until=resumed)
    kinds = [(p["kind"], p["programme_id"], p["rendition_sha256"]) for p in logged]
    message_plays = [k for k in kinds if k == ("emergency", None, None)]
    programme_plays = [k for k in kinds if k == ("emergency", 9, led.green["sha256"])]
    assert len(message_plays) == 1 and len(programme_plays) >= 2, kinds
    assert kinds[-1][0] == "scheduled", kinds
    message_play = next(p for p in logged if p["programme_id"] is None)
    assert dt.datetime.fromisoformat(message_play["ended_at"]) >= at("09:00:00")


def test_screens_off_turns_the_face_black_until_on(led, open_face):
    page = open_face("lao", at("14:30:00"))
    wait_playing(page, led.src(led.red))
    led.emergency({"faces_off": ["lao"]})
    assert wait_black(page) < 5
    page.wait_for_timeout(700)
    assert is_black(page)
    led.emergency({"faces_off": ["road"]})
    assert wait_playing(page, led.src(led.red), led.src(led.blue)) < 5
    assert not is_black(page)


def test_a_corrupt_rendition_is_skipped_and_reported(led, open_face):
    count = len(led.posted("play-log.jsonl"))
    # 1.5 s into the window: the corrupt item is due first.
    page = open_face("road", at("07:00:01.5"))
    start = time.monotonic()
    wait_playing(page, led.src(led.blue))
    print(f"blue played {time.monotonic() - start:.2f} s after the page opened")
    assert page.evaluate("document.querySelector('.led-video.is-on').muted") is True
    wait_playing(page, led.src(led.red))
    wait_playing(page, led.src(led.blue))  # past the corrupt one again
    reported = [r for r in led.posted("player-errors.jsonl") if r["face"] == "road"]
    assert [r["rendition_sha256"] for r in reported] == [led.corrupt["sha256"]]
    assert reported[0]["programme_id"] == 3
    assert any(led.corrupt["sha256"] in text for text in page.console_errors)
    page.console_errors.clear()
    logged = plays(page, led, "road", since=count, until=lambda got: len(got) >= 2)
    assert led.corrupt["sha256"] not in {p["rendition_sha256"] for p in logged}
    assert [p["rendition_sha256"] for p in logged][:2] == [
        led.blue["sha256"],
        led.red["sha256"],
    ]
    # An emergency programme whose file fails gives way to its message.
    programme = {
        "programme_id": 3,
        "faces": {"road": {"src": led.src(led.corrupt), "sha256": "0" * 64}},
    }
    message = {"lang": "vi", "title": "Tạm dừng", "text": "Đường ngập."}
    led.emergency(
        {
            "emergency": {
                "id": "em-3",
                "started_at": "2026-12-07T07:00:00+07:00",
                "until": None,
                "messages": [message],
                "programme": programme,
            }
        }
    )
    page.wait_for_selector(".led-message:not([hidden])", timeout=5000)
    assert page.locator(".led-message").inner_text().startswith("Tạm dừng")


def test_a_file_that_never_arrives_is_skipped_after_2_5_s_and_reported(led, open_face):
    page = open_face("lao", at("07:00:00"), hang=led.src(led.red))
    start = time.monotonic()
    wait_playing(page, led.src(led.blue), timeout_s=6)
    waited = time.monotonic() - start
    print(f"blue played {waited:.2f} s after the page opened")
    assert 2 < waited < 5
    reported = [r for r in led.posted("player-errors.jsonl") if r["face"] == "lao"]
    assert [(r["rendition_sha256"], r["reason"]) for r in reported] == [
        (led.red["sha256"], "no progress for 2.5 s")
    ]
    assert [t for t in page.console_errors if "no progress" in t]
    page.console_errors.clear()


def test_plays_the_agent_refused_are_kept_and_sent_again(led, open_face):
    count = len(led.posted("play-log.jsonl"))
    page = open_face("lao", at("10:59:58"))
    page.context.route("**/play-log", lambda route: route.abort())
    wait_playing(page, led.src(led.red), led.src(led.blue))
    wait_black(page)  # 11:00: the play is cut and logged, and refused
    page.wait_for_timeout(300)
    assert plays(page, led, "lao", since=count) == []
    queued = page.evaluate("() => JSON.parse(localStorage['led-play-log:lao'])")
    assert queued and queued[-1]["face"] == "lao"
    page.context.unroute("**/play-log")
    page.clock.run_for(5500)  # black: only the timers run (the retry in 5 s)
    sent = plays(page, led, "lao", since=count, until=lambda got: len(got) >= 1)
    assert [p["started_at"] for p in sent] == [q["started_at"] for q in queued]
    assert {p["rendition_sha256"] for p in sent} <= {
        led.red["sha256"],
        led.blue["sha256"],
    }
    # Chromium's own line for each refused request.
    assert set(page.console_errors) == {"Failed to load resource: net::ERR_FAILED"}
    page.console_errors.clear()


def test_a_new_playlist_is_read_within_a_minute(led, open_face):
    path = led.site / "led/lao/playlist.json"
    before = path.read_bytes()
    page = open_face("lao", at("11:00:01"))
    page.wait_for_timeout(500)
    assert is_black(page)
    playlist = json.loads(before)
    playlist["days"][0]["loop"] = playlist["days"][0]["loop"][1:]  # blue only
    try:
        path.write_text(json.dumps(playlist), encoding="utf-8")
        with page.expect_response("**/led/lao/playlist.json"):
            page.clock.run_for(61_000)  # black: the playlist poll comes round
        page.wait_for_timeout(300)  # read and applied
        page.clock.set_system_time(at("14:00:00"))
        # With the old loop red would start the window.
        wait_playing(page, led.src(led.blue))
        page.wait_for_timeout(300)
        assert page.evaluate("() => window.__led[0].src") == led.src(led.blue)
    finally:
        path.write_bytes(before)
