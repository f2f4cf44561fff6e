"""The admin, the public portal and the API load nothing from another host,
and break no rule of the Content-Security-Policy the CMS sends.

The CMS runs for real: a fresh SQLite database is migrated and seeded with the
demo province (``manage.py seed_demo``) and served by ``runserver`` on
127.0.0.1 with the development settings the demo uses (they serve static and
media files). Each demo role logs in in its own browser context and opens the
screens it may use. Every request the browser makes (documents, iframes,
images, fonts, scripts, XHR/fetch) is recorded, and so is every resource the
final page refers to (a lazy image not loaded yet, a preconnect hint); any to
another host is reported with its screen. Each screen must load (status 200
and an element only that screen has), so a failed login cannot pass for a
clean one. Every CSP violation (a ``securitypolicyviolation`` event in any
frame, or Chromium's console message about one) is reported with its screen.
"""

import io
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.error import URLError
from urllib.parse import urlsplit

import pytest
from PIL import Image
from playwright.sync_api import BrowserContext, Page, Request, expect

from e2e.conftest import manage

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "Kon-Tum-demo-2026!"
VIEWPORT = {"width": 1280, "height": 900}
# Only 127.0.0.1 resolves, so a request to another host fails at once instead
# of leaving the machine. Playwright's request routing would do the same but
# turn off the HTTP cache, and every screen would fetch the admin's scripts anew.
OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
QUIET_SECONDS = 0.2
# Reports each CSP violation of the document or any frame to the test.
CSP_LISTENER_JS = """document.addEventListener("securitypolicyviolation", (e) =>
    window.__cspViolation(
        `${e.effectiveDirective} blocked ${e.blockedURI || "inline"}` +
        ` at ${e.sourceFile}:${e.lineNumber} (${e.sample})`));"""

# Path (with {vi_page} / {en_page} filled in after seeding) and an element
# only that screen shows once it has loaded, even when its list is empty for
# the role (a provider sees only its own images).
SCREENS = {
    "dashboard": ("/admin/", ".w-dashboard"),
    "page explorer": ("/admin/pages/", "#listing-results table.listing tbody tr"),
    "page editor": ("/admin/pages/{vi_page}/edit/", "form#page-edit-form #id_title"),
    "translation editor": (
        "/admin/pages/{en_page}/edit/",
        ".js-translation-editor form",
    ),
    "programme list": ("/admin/snippets/programmes/programme/", "#id_is_advertising"),
    "image library": ("/admin/images/", "select#order_images_by"),
    "cluster list": ("/admin/snippets/clusters/cluster/", "#id_kind"),
    "site history": (
        "/admin/reports/site-history/",
        "#listing-results table.listing tbody tr",
    ),
}
BOARD = (
    "dashboard",
    "page explorer",
    "page editor",
    "translation editor",
    "programme list",
    "image library",
)
# One demo user per role (cms/demo/data/organisation.py) and the screens the
# role may open; the others send it back to the dashboard.
ROLE_SCREENS = {
    "admin": BOARD,
    "head": BOARD,
    "secretary": BOARD,
    "provider_border": (
        "dashboard",
        "page explorer",
        "page editor",
        "programme list",
        "image library",
    ),
    "translator_en": ("dashboard", "page explorer", "translation editor"),
    "operator": ("dashboard", "programme list", "cluster list"),
    "technician": ("dashboard", "cluster list"),
    "inspector": ("dashboard", "programme list", "cluster list", "site history"),
}
# The border guard's section, which provider_border may edit; its English
# translation is a wagtail-localize translation that translator_en may edit.
EDITED_PAGE_SLUG = "cua-khau"

# Every attribute through which a page loads something by itself.
REFERENCED_URLS_JS = """() => {
    const loads = ["stylesheet", "icon", "preload", "prefetch", "preconnect",
        "dns-prefetch", "modulepreload", "manifest"];
    const urls = [];
    const selector = "[src], [srcset], [poster], object[data], link[href]";
    for (const el of document.querySelectorAll(selector)) {
        if (el.tagName === "LINK") {
            if (loads.some((rel) => el.relList.contains(rel)))
                urls.push(el.getAttribute("href"));
            continue;
        }
        for (const name of ["src", "poster", "data"]) urls.push(el.getAttribute(name));
        for (const item of (el.getAttribute("srcset") || "").split(","))
            urls.push(item.trim().split(/\\s+/)[0]);
    }
    return urls.filter(Boolean).map((u) => new URL(u, document.baseURI).href);
}"""


@dataclass
class DemoCms:
    url: str
    media_root: Path
    pages: dict[str, int]

    def path(self, screen: str) -> str:
        return SCREENS[screen][0].format(
            vi_page=self.pages["vi"], en_page=self.pages["en"]
        )


@dataclass
class Traffic:
    """A browser context's requests, by screen.

    Counts the open ones (for settle()) and keeps each one to another host, and
    each resource on another host a page refers to (check_page()).
    """

    origin: str
    screen: str = ""
    # (screen, URL) -> "requested" or "refers to", whichever was seen first
    found: dict[tuple[str, str], str] = field(default_factory=dict)
    csp_violations: list[str] = field(default_factory=list)
    pending: int = 0
    last_activity: float = 0.0

    def watch(self, context: BrowserContext) -> None:
        context.on("request", self._started)
        context.on("requestfinished", self._ended)
        context.on("requestfailed", self._ended)
        context.expose_function("__cspViolation", self._csp_violation)
        context.add_init_script(CSP_LISTENER_JS)
        context.on("console", self._console)

    def _csp_violation(self, what: str) -> None:
        self.csp_violations.append(f"  {self.screen}: {what}")

    def _console(self, message) -> None:
        if "Content Security Policy" in message.text:
            self.csp_violations.append(f"  {self.screen}: console: {message.text}")

    def _started(self, request: Request) -> None:
        self.pending += 1
        self.last_activity = time.monotonic()
        self.check(request.url)

    def _ended(self, request: Request) -> None:
        self.pending -= 1
        self.last_activity = time.monotonic()

    def settle(self, page: Page, timeout: float = 30.0) -> None:
        """Wait until no request has been running for QUIET_SECONDS.

        Playwright's "networkidle" waits 500 ms; over fifty screens that
        would be most of the test's browsing time.
        """
        deadline = time.monotonic() + timeout
        while self.pending or time.monotonic() - self.last_activity < QUIET_SECONDS:
            assert time.monotonic() < deadline, (
                f"{self.screen}: {self.pending} requests still open after {timeout} s"
            )
            page.wait_for_timeout(50)  # Playwright delivers events meanwhile

    def check(self, url: str, how: str = "requested") -> None:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about", "javascript"):
            return
        if f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.found.setdefault((self.screen, url), how)

    def check_page(self, page: Page) -> None:
        for frame in page.frames:
            for url in frame.evaluate(REFERENCED_URLS_JS):
                self.check(url, how="refers to")

    def assert_none(self) -> None:
        lines = [f"  {s}: {how} {url}" for (s, url), how in self.found.items()]
        problems = []
        if lines:
            problems.append("requests to another host:\n" + "\n".join(lines))
        if self.csp_violations:
            problems.append(
                "Content-Security-Policy violations:\n"
                + "\n".join(dict.fromkeys(self.csp_violations))
            )
        assert not problems, "\n".join(problems)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _edited_pages(database: Path) -> dict[str, int]:
    with sqlite3.connect(database) as db:
        rows = db.execute(
            "SELECT l.language_code, p.id FROM wagtailcore_page p"
            " JOIN wagtailcore_locale l ON l.id = p.locale_id"
            " WHERE p.slug = ? AND l.language_code IN ('vi', 'en')",
            (EDITED_PAGE_SLUG,),
        ).fetchall()
    pages = dict(rows)
    assert set(pages) == {"vi", "en"}, (
        f'the demo has no Vietnamese and English page "{EDITED_PAGE_SLUG}": {pages}'
    )
    return pages


def _wait_until_serving(server: subprocess.Popen, url: str, log: Path) -> None:
    # No proxy: a proxy set in the environment must not answer for the CMS.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"runserver exited:\n{log.read_text()[-4000:]}")
        try:
            with opener.open(url + "/admin/login/", timeout=5):
                return
        except (URLError, ConnectionError):
            time.sleep(0.3)
    raise RuntimeError(f"runserver did not answer in 60 s:\n{log.read_text()[-4000:]}")


@pytest.fixture(scope="module")
def cms(tmp_path_factory):
    """The demo CMS on 127.0.0.1: migrated, seeded, served; stopped afterwards."""
    root = tmp_path_factory.mktemp("demo-cms")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DEBUG": "true",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{root / 'db.sqlite3'}",
        "MEDIA_ROOT": str(root / "media"),
        "STATIC_ROOT": str(root / "static"),
        "KIOSK_BUILD_ROOT": str(root / "kiosk"),
        "KIOSK_REBUILD_ON_PUBLISH": "false",
        "WAGTAILADMIN_BASE_URL": url,
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "LOG_LEVEL": "WARNING",
    }
    manage(env, "migrate", "--no-input", "-v", "0")
    log = root / "runserver.log"
    with log.open("w") as out:
        # Started before seeding, so that its start-up overlaps the seeding.
        server = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "runserver",
                "--noreload",
                f"127.0.0.1:{port}",
            ],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        manage(env, "seed_demo", "--password", PASSWORD)
        _wait_until_serving(server, url, log)
        yield DemoCms(
            url=url,
            media_root=root / "media",
            pages=_edited_pages(root / "db.sqlite3"),
        )
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def offline_browser(launch_browser, browser_type_launch_args):
    args = [*browser_type_launch_args.get("args", []), OFFLINE]
    browser = launch_browser(args=args)
    yield browser
    browser.close()


@pytest.fixture
def new_context(offline_browser):
    contexts = []

    def make(cms: DemoCms) -> tuple[BrowserContext, Traffic]:
        context = offline_browser.new_context(
            viewport=VIEWPORT, locale="vi-VN", service_workers="block"
        )
        context.set_default_timeout(15_000)
        traffic = Traffic(origin=cms.url)
        traffic.watch(context)
        contexts.append(context)
        return context, traffic

    yield make
    for context in contexts:
        context.close()


def _open(page: Page, traffic: Traffic, url: str, selector: str, what: str) -> None:
    traffic.screen = what
    response = page.goto(url)
    traffic.settle(page)
    status = response.status if response else None
    assert status == 200, f"{what}: {url} answered {status}"
    expect(
        page.locator(selector).first,
        f"{what}: {url} ended on {page.url} without {selector}",
    ).to_be_attached()
    traffic.check_page(page)


def _log_in(page: Page, traffic: Traffic, cms: DemoCms, username: str) -> None:
    login = cms.url + "/admin/login/"
    _open(page, traffic, login, "input[name=username]", f"{username} login page")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    traffic.screen = f"{username} dashboard"
    with page.expect_navigation():
        page.click("button[type=submit]")
    traffic.settle(page)
    expect(page, f"{username} could not log in").to_have_url(cms.url + "/admin/")
    expect(page.locator(SCREENS["dashboard"][1])).to_be_attached()
    traffic.check_page(page)


@pytest.mark.parametrize("username", ROLE_SCREENS)
def test_role_screens_load_nothing_from_another_host(cms, new_context, username):
    context, traffic = new_context(cms)
    page = context.new_page()
    _log_in(page, traffic, cms, username)
    for screen in ROLE_SCREENS[username]:
        if screen != "dashboard":  # the login already landed there
            _open(
                page,
                traffic,
                cms.url + cms.path(screen),
                SCREENS[screen][1],
                f"{username} {screen}",
            )
    traffic.assert_none()


def test_uploaded_avatar_is_stored_in_media_root_and_shown_from_the_cms(
    cms, new_context
):
    context, traffic = new_context(cms)
    page = context.new_page()
    _log_in(page, traffic, cms, "head")
    _open(page, traffic, cms.url + "/admin/account/", "#id_avatar-avatar", "account")
    default = page.locator(".avatar img").first
    src, width = default.evaluate("img => [img.src, img.naturalWidth]")
    default_url = f"{cms.url}/static/wagtailadmin/images/default-user-avatar.png"
    assert src.startswith(default_url), f"the avatar without an upload is {src}"
    assert width > 0, f"the default avatar {src} did not load"
    picture = io.BytesIO()
    Image.new("RGB", (64, 64), (200, 16, 46)).save(picture, "PNG")
    # The demo gives each user one name; Wagtail's account form wants both.
    page.fill("#id_name_email-first_name", "Văn An")
    page.fill("#id_name_email-last_name", "Nguyễn")
    page.set_input_files(
        "#id_avatar-avatar",
        {"name": "head.png", "mimeType": "image/png", "buffer": picture.getvalue()},
    )
    with page.expect_navigation():
        page.locator("form[enctype='multipart/form-data'] button[type=submit]").click()
    traffic.settle(page)
    expect(page.locator(".messages .success")).to_be_attached()

    stored = list((cms.media_root / "avatar_images").glob("avatar_*_head.png"))
    assert len(stored) == 1, f"uploaded avatar not in MEDIA_ROOT: {stored}"
    _open(page, traffic, cms.url + "/admin/", ".w-dashboard", "head dashboard")
    avatar = page.locator(".avatar img").first
    src, width = avatar.evaluate("img => [img.src, img.naturalWidth]")
    assert (src, width) == (f"{cms.url}/media/avatar_images/{stored[0].name}", 64)
    traffic.assert_none()


def test_public_portal_and_api_load_nothing_from_another_host(cms, new_context):
    context, traffic = new_context(cms)
    page = context.new_page()
    _open(page, traffic, cms.url + "/vi/", "main#content h1", "portal /vi/")
    api = "/api/v2/pages/?locale=vi"
    answer = page.evaluate(f"fetch({api!r}).then((r) => r.json())")
    assert answer["meta"]["total_count"] > 0, answer
    _open(page, traffic, cms.url + api, ".response-info", "API (browsable)")
    traffic.assert_none()


def test_kiosk_preview_loads_only_its_own_assets_under_the_policy(cms, new_context):
    """The page editor's Preview -> Kiosk: the kiosk's own page, scripts and
    styles served from the admin, inside the CMS's CSP."""
    context, traffic = new_context(cms)
    page = context.new_page()
    _log_in(page, traffic, cms, "head")
    editor = cms.url + cms.path("page editor")
    _open(page, traffic, editor, SCREENS["page editor"][1], "head page editor")
    preview = editor + "preview/"
    # What the preview panel does: post the form, then load the preview.
    stored = page.evaluate(
        """async (url) => {
            const form = document.querySelector("form#page-edit-form");
            const answer = await fetch(url, {method: "POST", body: new FormData(form)});
            return (await answer.json()).is_valid;
        }""",
        preview,
    )
    assert stored, "the page editor's form was not valid for a preview"
    _open(page, traffic, preview + "?mode=kiosk", "[data-template]", "kiosk preview")
    assets = page.evaluate(
        """() => [...document.querySelectorAll("script[src], link[rel=stylesheet]")]
            .map((el) => el.src || el.href)"""
    )
    assert assets and all("/admin/kiosk-preview/" in url for url in assets), assets
    traffic.assert_none()
