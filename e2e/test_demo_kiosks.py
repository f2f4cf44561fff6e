"""The demo kiosks built by the CMS: script-safe pages, and every language named
in its own script.

The CMS runs for real on a fresh SQLite database seeded with the demo province
(``manage.py seed_demo``). A body carrying ``<script>``, ``onerror=`` and
``javascript:`` is then written straight into the database with a queryset
update (no editor, no form, as an import or a shell script would), and the
kiosks of ``bo-y`` and ``le-thanh`` are built from it (``manage.py
kiosk_build``) and served on 127.0.0.1. Chromium opens every page of both
builds: nothing of the injected body runs (the marker global stays undefined,
no dialog opens), and no page reports a Content-Security-Policy violation
(a ``securitypolicyviolation`` event or Chromium's console message).
"""

import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from e2e.conftest import manage, tap_keys
from kiosk_site.serve import make_server

CLUSTERS = ("bo-y", "le-thanh")
INJECTED_SLUG = "lich-phat-song-man-hinh-led"  # a demo page shown on every kiosk
LINK_TEXT = "Bấm vào đây"
INJECTED = (
    "<p>Lịch phát sóng<script>window.__pwned = 'script'</script></p>"
    '<p><img src="/missing.png" onerror="window.__pwned = \'onerror\'; '
    'alert(\'onerror\')" alt=""></p>'
    f"<p><a href=\"javascript:window.__pwned = 'link'; alert('link')\">{LINK_TEXT}"
    "</a></p>"
    "<svg><script>window.__pwned = 'svg'</script></svg>"
    "<iframe srcdoc=\"<script>parent.__pwned = 'iframe'</script>\"></iframe>"
    '<p style="position:fixed;inset:0" onmouseover="window.__pwned = \'hover\'">'
    "x</p><object data=\"javascript:window.__pwned = 'object'\"></object>"
)
# Run by `manage.py shell -c`: the body of the page (and of the revision it
# was published from) replaced by a queryset update, bypassing the editor.
INJECT = f"""
import json
from wagtail.models import Page, Revision
body = json.dumps([{{"type": "text", "value": {INJECTED!r}, "id": "injected"}}])
pages = Page.objects.filter(slug={INJECTED_SLUG!r}).specific()
assert pages, "the demo has no page {INJECTED_SLUG}"
for page in pages:
    type(page).objects.filter(pk=page.pk).update(body=body)
    for revision in Revision.objects.filter(pk=page.live_revision_id):
        revision.content["body"] = body
        Revision.objects.filter(pk=revision.pk).update(content=revision.content)
print(len(pages))
"""
# Reports each CSP violation of the page to the test.
CSP_LISTENER_JS = """document.addEventListener("securitypolicyviolation", (e) =>
    window.__cspViolation(`${e.effectiveDirective} blocked ` +
        `${e.blockedURI || "inline"} (${e.sample})`));"""
NATIVE = {
    "vi": "Tiếng Việt",
    "en": "English",
    "zh-hans": "中文",
    "lo": "ພາສາລາວ",
    "km": "ភាសាខ្មែរ",
}


@dataclass
class DemoKiosk:
    code: str
    site: Path
    url: str
    server: object

    def pages(self) -> list[str]:
        """The URL path of every HTML file of the build."""
        paths = []
        for file in sorted(self.site.rglob("*.html")):
            rel = file.relative_to(self.site).as_posix()
            if rel.startswith("."):
                continue
            paths.append("/" + rel.removesuffix("index.html"))
        return paths


@pytest.fixture(scope="module")
def demo_kiosks(tmp_path_factory):
    """The demo's kiosks built after the injection, each served on 127.0.0.1."""
    root = tmp_path_factory.mktemp("demo-kiosks")
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
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "LOG_LEVEL": "WARNING",
    }
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "seed_demo", "--password", "Kon-Tum-demo-2026!")
    assert int(manage(env, "shell", "-c", INJECT).split()[-1]) >= 1
    kiosks = {}
    for code in CLUSTERS:
        site = root / code
        manage(env, "kiosk_build", "--cluster", code, "--out", str(site))
        server = make_server(site, port=0, feedback_file=root / f"{code}.jsonl")
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_port}"
        kiosks[code] = DemoKiosk(code, site, url, server)
    yield kiosks
    for kiosk in kiosks.values():
        kiosk.server.shutdown()
        kiosk.server.server_close()


@pytest.fixture
def watched(page):
    """The page, with CSP violations and dialogs recorded (dialogs dismissed)."""
    found = {"csp": [], "dialogs": [], "at": ""}

    def violation(what: str) -> None:
        found["csp"].append(f"{found['at']}: {what}")

    def console(message) -> None:
        if "Content Security Policy" in message.text:
            violation(f"console: {message.text}")

    def dialog(d) -> None:
        found["dialogs"].append(f"{found['at']}: {d.message}")
        d.dismiss()

    page.expose_function("__cspViolation", violation)
    page.add_init_script(CSP_LISTENER_JS)

    page.on("console", console)
    page.on("dialog", dialog)
    return page, found


def _open(watched, url: str) -> None:
    page, found = watched
    found["at"] = url
    page.goto(url, wait_until="load")
    page.wait_for_timeout(30)  # violation events are queued after load


def _acknowledge_emergency(page) -> None:
    """Close the demo's emergency notice (bo-y has one) where it shows, once
    the page has fetched its notices."""
    page.wait_for_load_state("networkidle")
    takeover = page.locator("#emergency")
    if takeover.is_visible():
        takeover.locator('[data-action="ack"]').tap()


def test_the_injected_body_reaches_the_kiosk_with_nothing_of_it_running(
    demo_kiosks, watched
):
    page, found = watched
    kiosk = demo_kiosks["le-thanh"]
    injected = [p for p in kiosk.pages() if INJECTED_SLUG in p and p.startswith("/vi/")]
    assert injected, f"no page {INJECTED_SLUG} in the le-thanh build"
    html = (kiosk.site / injected[0].lstrip("/")).read_text(encoding="utf-8")
    assert "Lịch phát sóng" in html and LINK_TEXT in html
    for bad in ("__pwned", "onerror", "javascript:", "<iframe", "<object", "style="):
        assert bad not in html, f"{bad} is in the built page"

    _open(watched, kiosk.url + injected[0])
    _acknowledge_emergency(page)
    page.get_by_text(LINK_TEXT).tap()
    page.mouse.move(540, 960)
    page.wait_for_timeout(200)

    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert found["dialogs"] == []
    assert found["csp"] == []


@pytest.mark.parametrize("code", CLUSTERS)
def test_no_page_of_a_demo_kiosk_reports_a_policy_violation(demo_kiosks, watched, code):
    page, found = watched
    kiosk = demo_kiosks[code]
    paths = kiosk.pages()
    assert len(paths) > 20
    for path in paths:
        _open(watched, kiosk.url + path)
        assert page.evaluate("typeof window.__pwned") == "undefined", path
    # The screens that draw with script: the language overlay, the keyboard,
    # search results, the QR code.
    _open(watched, kiosk.url + "/vi/search/")
    _acknowledge_emergency(page)
    tap_keys(page, "cua")
    page.locator("#results li").first.wait_for()
    page.locator('[data-action="languages"]').first.tap()
    page.locator("#languages:not([hidden])").wait_for()
    if "/zh-hans/search/" in paths:  # the pinyin keyboard's candidate box
        _open(watched, kiosk.url + "/zh-hans/search/")
        _acknowledge_emergency(page)
        tap_keys(page, "kou")
        page.locator(".hg-candidate-box-list-item").first.wait_for()
    page.wait_for_timeout(100)
    assert found["csp"] == [], "\n".join(found["csp"])
    assert found["dialogs"] == []


def test_the_policy_itself_stops_inline_script_that_reaches_a_page(
    demo_kiosks, watched
):
    """Markup that got past the sanitiser would still not run."""
    page, found = watched
    kiosk = demo_kiosks["bo-y"]
    html = (kiosk.site / "vi" / "index.html").read_text(encoding="utf-8")
    probe = html.replace(
        "</main>",
        "<script>window.__pwned = 'inline'</script>"
        '<img src="/missing.png" alt="" onerror="window.__pwned = \'handler\'">'
        '<a id="probe" href="javascript:window.__pwned = \'link\'">probe</a></main>',
        1,
    )
    (kiosk.site / "vi" / "csp-probe.html").write_text(probe, encoding="utf-8")

    _open(watched, kiosk.url + "/vi/csp-probe.html")
    _acknowledge_emergency(page)
    page.locator("#probe").tap()
    page.wait_for_timeout(200)

    assert page.evaluate("typeof window.__pwned") == "undefined"
    blocked = " ".join(found["csp"])
    assert "script-src-elem blocked inline" in blocked
    assert "script-src-attr blocked inline" in blocked


def _names(locator) -> list[str]:
    return [text.strip() for text in locator.all_inner_texts()]


@pytest.mark.parametrize(
    ("code", "locales"),
    [("le-thanh", ("vi", "en", "km")), ("bo-y", ("vi", "en", "zh-hans", "lo"))],
)
def test_every_language_is_named_in_its_own_script(demo_kiosks, page, code, locales):
    kiosk = demo_kiosks[code]
    expected = [NATIVE[c] for c in locales]

    page.goto(kiosk.url + "/")
    assert _names(page.locator(".attract-langs .lang-name")) == expected
    for locale in locales:
        page.goto(f"{kiosk.url}/{locale}/")
        _acknowledge_emergency(page)
        page.locator('[data-action="languages"]').first.tap()
        assert _names(page.locator("#languages .lang-list a")) == expected
        page.goto(f"{kiosk.url}/{locale}/feedback/")
        assert _names(page.locator("#fb-language option")) == expected


def test_the_site_name_is_in_each_page_language(demo_kiosks, page):
    kiosk = demo_kiosks["le-thanh"]
    suffix = {
        "vi": "Cụm thông tin điện tử",
        "en": "Electronic information cluster",
        "km": "ចំណុចព័ត៌មានអេឡិចត្រូនិក",
    }
    for locale, name in suffix.items():
        page.goto(f"{kiosk.url}/{locale}/")
        assert re.search(f" · {name}$", page.title()), (locale, page.title())
