"""Browser tests of a built kiosk in Debian's Chromium with touch enabled.

A session fixture generates snapshots (kiosk_site.sample), builds them and
serves each on 127.0.0.1 on a free port; every test's browser context aborts and
fails on any request that leaves localhost.
"""

import json
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

from bench.sample import make_snapshot
from cms.releases.tests.factories import agent_config_make
from kiosk_site.agent.serve import server_make
from kiosk_site.agent.sync import agent_sync
from kiosk_site.build import site_build
from kiosk_site.config import NODE_MODULES
from kiosk_site.serve import make_server
from kiosk_site.snapshot import page_url

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LOCALES = ("vi", "en", "zh-hans", "lo", "km", "bdq")
PORTRAIT = {"width": 1080, "height": 1920}
LANDSCAPE = {"width": 1920, "height": 1080}


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.e2e)


class Kiosk:
    def __init__(self, root: Path, snapshot: Path, site: Path):
        self.root, self.snapshot_path, self.site = root, snapshot, site
        self.data = json.loads(snapshot.read_text(encoding="utf-8"))
        self.server = make_server(site, port=0, feedback_file=root / "feedback.jsonl")
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.feedback_file = root / "feedback.jsonl"

    def pages(self, locale: str, kind: str) -> list[dict]:
        return [
            p for p in self.data["pages"] if p["locale"] == locale and p["type"] == kind
        ]

    def page_url(self, page: dict) -> str:
        return self.url + page_url(page)

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _kiosk(tmp_path_factory, name: str, **kwargs) -> Kiosk:
    root = tmp_path_factory.mktemp(name)
    snap = make_snapshot(
        root / "snapshot", locales=LOCALES, pages_per_locale=16, **kwargs
    )
    site_build(snapshot=snap, out_dir=root / "site")
    return Kiosk(root, snap, root / "site")


@pytest.fixture(scope="session")
def kiosk(tmp_path_factory):
    k = _kiosk(tmp_path_factory, "kiosk")
    yield k
    k.stop()


@pytest.fixture(scope="session")
def emergency_kiosk(tmp_path_factory):
    k = _kiosk(tmp_path_factory, "emergency", emergency=True)
    yield k
    k.stop()


@pytest.fixture(scope="session")
def orm_beside_playwright():
    """Let a test use the ORM while Playwright's sync API holds an event loop.

    The loop runs in this thread only to drive the browser; Django's guard
    against ORM calls from async code does not apply to these plain calls.
    Session-scoped so it is set before the test database is made (session
    fixtures come first); it is put back when the session ends. A module
    asks for it with ``pytestmark = pytest.mark.usefixtures(...)``.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture
def agent(live_server, settings, tmp_path, cms_cluster):
    """The real agent of the module's ``cms_cluster`` (a fixture answering
    (cluster bo-y, its credential) after publishing a release): synced from the
    CMS and serving the release on a free port; (its config, its URL)."""
    _cluster, token = cms_cluster
    config = agent_config_make(
        live_server=live_server, settings=settings, token=token, folder=tmp_path / "pc"
    )
    assert agent_sync(config=config).action == "installed"
    server = server_make(config=config, port=0)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    yield config, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": shutil.which("chromium") or "/usr/bin/chromium",
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {
        **browser_context_args,
        "has_touch": True,
        "viewport": PORTRAIT,
        "locale": "vi-VN",
        "service_workers": "block",
    }


@pytest.fixture
def offsite_requests(context):
    """Abort every request that is not to localhost, and fail the test on any."""
    leaked: list[str] = []

    def guard(route):
        host = urlparse(route.request.url).hostname or ""
        if route.request.url.startswith(("data:", "blob:")) or host in (
            "127.0.0.1",
            "localhost",
            "::1",
        ):
            route.continue_()
        else:
            leaked.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    yield leaked
    assert leaked == [], f"requests left localhost: {leaked}"


@pytest.fixture
def page(page, offsite_requests):
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.set_default_timeout(10_000)
    yield page
    assert errors == [], f"JavaScript errors: {errors}"


def tap_keys(page, text: str) -> None:
    """Type `text` by tapping the on-screen keyboard (space -> {space})."""
    for ch in text:
        key = "{space}" if ch == " " else ch
        page.locator(f'.keyboard .hg-button[data-skbtn="{key}"]').first.tap()


def run_axe(page) -> list[dict]:
    # Evaluated through the DevTools protocol: the pages' Content-Security-Policy
    # refuses the inline <script> that add_script_tag would insert.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        """() => axe.run(document, {runOnly: {type: 'tag', values:
            ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"""
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "nodes": [n["target"] for n in v["nodes"][:3]],
        }
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def manage(env: dict[str, str], *args: str) -> str:
    """Run ``manage.py`` with ``env`` in a process of its own; its output.

    A failure raises with the tail of both streams, so the test report shows
    why the command failed.
    """
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise RuntimeError(
            f"manage.py {' '.join(args)} failed ({done.returncode}):\n"
            f"{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
        )
    return done.stdout
