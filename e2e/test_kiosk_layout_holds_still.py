"""Kiosk pages hold still, let people enlarge the text, and load only the
fonts of the scripts they show (issue 19).

Layout shift is measured as Lighthouse and Core Web Vitals count it: the sum
of `layout-shift` entries without recent input, over the load and 2.5 s after
it. The pages of one locale and screen size are opened side by side and
watched together, so every page type of five locales at three sizes fits in
about a minute.
"""

import json
from datetime import UTC, datetime

import pytest

from kiosk_site.snapshot import page_url

from .conftest import LANDSCAPE, PORTRAIT

PHONE = {"width": 412, "height": 823}
SIZES = {"portrait": PORTRAIT, "landscape": LANDSCAPE, "phone": PHONE}
SHIFT_LOCALES = ("vi", "en", "lo", "km", "zh-hans")
MAX_SHIFT = 0.01

# Collects layout shifts from the start of the page (init script): the sum of
# the entries without recent input, and what moved, for the failure message.
SHIFT_RECORDER_JS = """
window.__shifts = {sum: 0, moved: []};
new PerformanceObserver(list => {
  for (const e of list.getEntries()) {
    if (e.hadRecentInput) continue;
    window.__shifts.sum += e.value;
    window.__shifts.moved.push(e.value.toFixed(4) + ' ' + e.sources.map(s =>
      s.node ? (s.node.id || s.node.className || s.node.nodeName) : '?').join(','));
  }
}).observe({type: 'layout-shift', buffered: true});
"""

# Anything wider than the screen or cut off at its right edge.
OVERFLOW_JS = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  if (document.scrollingElement.scrollWidth > width + 1)
    out.push('page scrolls sideways: ' + document.scrollingElement.scrollWidth + 'px');
  const scrolls = e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX);
  for (const e of document.querySelectorAll('body *')) {
    if (!e.getClientRects().length) continue;
    if (e.closest('[hidden], .overlay, .takeover')) continue;
    // A data table may scroll inside its own box (WCAG 1.4.10 allows it).
    let inside = e.parentElement, scrolled = false;
    for (; inside && inside !== document.body; inside = inside.parentElement)
      if (scrolls(inside)) { scrolled = true; break; }
    if (scrolled) continue;
    const r = e.getBoundingClientRect();
    const style = getComputedStyle(e);
    if (r.right > width + 1 || r.left < -1)
      out.push((e.className || e.tagName) + ' ' + e.textContent.trim().slice(0, 20)
        + ' spans ' + Math.round(r.left) + '..' + Math.round(r.right));
    else if (e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0
             && ['hidden', 'clip'].includes(style.overflowX))
      out.push((e.className || e.tagName) + ' cuts its text off');
  }
  return out.slice(0, 8);
}"""


def page_types(kiosk, locale: str) -> dict[str, str]:
    """One URL of every page type of `locale`, with the search, feedback and
    (for the first locale) attract screens."""
    urls = {}
    for page in kiosk.data["pages"]:
        if page["locale"] == locale:
            urls.setdefault(page["type"], kiosk.page_url(page))
    urls["search"] = f"{kiosk.url}/{locale}/search/"
    urls["feedback"] = f"{kiosk.url}/{locale}/feedback/"
    if locale == "vi":
        urls["attract"] = kiosk.url + "/"
    return urls


@pytest.fixture
def shift_context(browser, offsite_requests):
    contexts = []

    def make(viewport):
        context = browser.new_context(
            viewport=viewport, has_touch=True, service_workers="block"
        )
        context.add_init_script(SHIFT_RECORDER_JS)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("locale", SHIFT_LOCALES)
def test_nothing_moves_after_the_first_paint(kiosk, shift_context, size, locale):
    context = shift_context(SIZES[size])
    opened = {}
    for kind, url in page_types(kiosk, locale).items():
        page = context.new_page()
        page.goto(url, wait_until="load")
        opened[kind] = page
    opened[kind].wait_for_timeout(2500)
    shifted = {}
    for kind, page in opened.items():
        shifts = page.evaluate("window.__shifts")
        if shifts["sum"] > MAX_SHIFT:
            shifted[kind] = (round(shifts["sum"], 4), shifts["moved"][:4])
    assert shifted == {}, f"{locale} at {size}: layout shift over {MAX_SHIFT}"


def test_notices_are_in_place_at_the_first_paint(kiosk, page):
    # The notice banner is drawn before the page is shown, not inserted when a
    # file arrives: it is there when the page's own scripts have not run yet.
    page.route("**/assets/app-*.js", lambda route: route.abort())
    page.goto(kiosk.url + "/vi/", wait_until="domcontentloaded")
    banner = page.locator("#notices")
    assert banner.is_visible()
    now = datetime.now(UTC)
    live = [
        n["title"]
        for n in kiosk.pages("vi", "notice")
        if n["fields"]["severity"] != "emergency"
        and not (
            n["fields"].get("expires_at")
            and datetime.fromisoformat(n["fields"]["expires_at"]) <= now
        )
    ]
    assert live and len(live) < len(kiosk.pages("vi", "notice"))
    assert banner.locator("a").all_inner_texts() == live


# --- text size ------------------------------------------------------------


def _text_size_button(page):
    return page.locator("button[data-action=text-size]")


def test_the_text_size_button_steps_through_100_150_200(kiosk, page):
    page.set_viewport_size(PORTRAIT)
    page.goto(kiosk.url + "/lo/")
    button = _text_size_button(page)
    root_px = "parseFloat(getComputedStyle(document.documentElement).fontSize)"
    base = page.evaluate(root_px)
    # Its name is in the page's language, with the size it shows now.
    assert button.get_attribute("lang") is None  # the bar's lang: the page's
    assert page.locator("header.bar").get_attribute("lang") == "lo"
    name = button.evaluate("b => b.innerText.replace(/\\s+/g, ' ').trim()")
    assert name.endswith("100%") and not name.startswith("Text size")
    # Within reach in portrait: the bar is in the lower two thirds.
    assert button.bounding_box()["y"] > PORTRAIT["height"] / 3
    for size in ("150", "200", "100"):
        button.tap()
        assert page.evaluate(root_px) == pytest.approx(base * int(size) / 100)
        shown = button.locator(".text-size-value:visible").inner_text()
        assert shown == f"{size}%"


def test_the_text_size_holds_across_pages_and_the_idle_reset_returns_to_100(
    kiosk, page
):
    page.goto(kiosk.url + "/vi/")
    _text_size_button(page).tap()
    _text_size_button(page).tap()
    assert page.evaluate("document.documentElement.dataset.textSize") == "200"
    with page.expect_navigation():
        page.locator(".tiles a").first.tap()
    assert page.evaluate("document.documentElement.dataset.textSize") == "200"
    page.evaluate("window.kioskIdle.reset()")
    page.wait_for_url(kiosk.url + "/")
    assert page.evaluate("document.documentElement.dataset.textSize") is None


def test_the_page_can_be_zoomed(kiosk, page):
    page.goto(kiosk.url + "/vi/")
    viewport = page.locator("meta[name=viewport]").get_attribute("content")
    assert "user-scalable=no" not in viewport and "maximum-scale" not in viewport
    touch_action = page.evaluate(
        "getComputedStyle(document.documentElement).touchAction"
    )
    assert "pinch-zoom" in touch_action or touch_action in ("auto", "manipulation")


@pytest.mark.parametrize("viewport", [PHONE, PORTRAIT, LANDSCAPE], ids=str)
@pytest.mark.parametrize("locale", ("vi", "lo", "km", "zh-hans"))
def test_at_200_percent_nothing_is_cut_off_or_scrolls_sideways(
    kiosk, shift_context, viewport, locale
):
    context = shift_context(viewport)
    context.add_init_script("sessionStorage.setItem('kiosk.textSize', '200')")
    page = context.new_page()
    found = {}
    for kind, url in page_types(kiosk, locale).items():
        page.goto(url, wait_until="load")
        assert page.evaluate("document.documentElement.dataset.textSize") == "200"
        problems = page.evaluate(OVERFLOW_JS)
        if problems:
            found[kind] = problems
    assert found == {}, f"{locale} at {viewport['width']}px, text at 200 %"


# --- fonts ----------------------------------------------------------------


@pytest.mark.parametrize(
    "locale, fonts",
    [("vi", {"latin"}), ("en", {"latin"}), ("lo", {"latin", "lao"})],
)
def test_a_page_loads_only_the_fonts_of_the_scripts_it_shows(
    kiosk, page, locale, fonts
):
    loaded = []
    page.on(
        "requestfinished",
        lambda r: (
            loaded.append(r.url.rsplit("/", 1)[1].split("-")[0])
            if r.url.endswith(".woff2")
            else None
        ),
    )
    for kind in ("home", "information", "search"):
        loaded.clear()
        if kind == "search":
            page.goto(f"{kiosk.url}/{locale}/search/", wait_until="networkidle")
        else:
            page.goto(page_url_of(kiosk, locale, kind), wait_until="networkidle")
        assert set(loaded) == fonts, f"{locale} {kind}"
    # The language chooser names every language in its own script: opening it
    # fetches those fonts then, not before.
    page.locator("button[data-action=languages]").tap()
    page.wait_for_function("document.fonts.status === 'loaded'")
    page.wait_for_load_state("networkidle")
    assert {"lao", "khmer", "cjk"} <= set(loaded) | fonts


def page_url_of(kiosk, locale: str, kind: str) -> str:
    return kiosk.url + page_url(kiosk.pages(locale, kind)[0])


# --- the agent's emergency state ------------------------------------------


def test_an_emergency_from_the_agent_covers_the_page_and_moves_nothing(
    kiosk, shift_context
):
    context = shift_context(PORTRAIT)
    page = context.new_page()
    page.goto(kiosk.url + "/lo/", wait_until="load")
    state = kiosk.site / "emergency.json"
    emergency = {
        "id": "em-7",
        "started_at": "2026-12-07T08:00:00+07:00",
        "until": None,
        "messages": [
            {"lang": "vi", "title": "Sơ tán", "text": "Rời khu vực cửa khẩu."},
            {"lang": "lo", "title": "ອົບພະຍົບ", "text": "ອອກຈາກດ່ານ."},
        ],
        "programme": None,
    }
    try:
        state.write_text(
            json.dumps({"version": 1, "emergency": emergency, "faces_off": []}),
            encoding="utf-8",
        )
        takeover = page.locator("#emergency")
        takeover.wait_for(state="visible", timeout=6000)
        assert takeover.get_attribute("lang") == "lo"
        assert takeover.locator("h2").inner_text() == "ອົບພະຍົບ"
        assert page.evaluate("window.__shifts.sum") <= MAX_SHIFT
        state.write_text(
            json.dumps({"version": 1, "emergency": None, "faces_off": []}),
            encoding="utf-8",
        )
        takeover.wait_for(state="hidden", timeout=6000)
    finally:
        state.unlink(missing_ok=True)
