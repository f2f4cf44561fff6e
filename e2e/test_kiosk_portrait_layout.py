"""Portrait kiosks keep what is touched within reach; landscape stays as it was.

A floor-standing portrait kiosk (1080x1920) has its top edge about 1.8 m high,
out of reach of children and of people in wheelchairs. In portrait the top third
of the screen holds what is read; every touch target (tiles, search box, results,
keyboard, forms, language buttons, navigation) lies in the lower two thirds.
Screenshots of each screen go to the session's `portrait-shots` tmp folder.
"""

from pathlib import Path

import pytest

from kiosk_site.snapshot import page_url

from .conftest import LANDSCAPE, PORTRAIT, run_axe, tap_keys

REACH_LOCALES = ("vi", "lo", "km")
HEIGHT = PORTRAIT["height"]
THIRD = HEIGHT / 3
QUERIES = {"vi": "ha noi", "lo": "ດ່ານ", "km": "ច្រក"}

BOXES_JS = """els => els
  .filter(e => e.getClientRects().length && getComputedStyle(e).visibility !== 'hidden')
  .map(e => { const r = e.getBoundingClientRect();
    const name = (e.id || e.className || e.tagName) + ' '
      + e.textContent.trim().slice(0, 20);
    return {name, top: r.top, bottom: r.bottom, left: r.left, right: r.right}; })"""

# Links inside the notices banner and inside rich text are read where they stand;
# every other touch target counts.
TARGETS = (
    "a:not(.notices a):not(.intro a):not(.body a), button, select, textarea,"
    " input, .hg-button"
)

# Blocks that paint something on the home screen: the largest vertical stretch of
# the screen none of them covers is the empty band.
PAINTED = (
    ".bar, .notices:not([hidden]), .home-intro, main h1, .intro, .search-cta,"
    " .tiles > li, .foot"
)

EMPTY_BAND_JS = """sel => {
  const spans = [...document.querySelectorAll(sel)]
    .filter(e => e.getClientRects().length)
    .map(e => e.getBoundingClientRect())
    .map(r => [Math.max(0, r.top), Math.min(innerHeight, r.bottom)])
    .filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let reached = 0, gap = 0;
  for (const [a, b] of spans) { gap = Math.max(gap, a - reached);
    reached = Math.max(reached, b); }
  return Math.max(gap, innerHeight - reached); }"""


@pytest.fixture(scope="session")
def shots(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("portrait-shots")


def _open(page, url: str, viewport: dict) -> None:
    page.set_viewport_size(viewport)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready")


def _boxes(page, selector: str) -> list[dict]:
    return page.locator(selector).evaluate_all(BOXES_JS)


def _box(page, selector: str) -> dict:
    found = _boxes(page, selector)
    assert len(found) == 1, f"{selector}: {len(found)} visible elements"
    return found[0]


def _above_reach(page, scope: str = "body") -> list[str]:
    """Touch targets inside `scope` whose top edge lies in the top third."""
    targets = _boxes(page, ", ".join(f"{scope} {t}" for t in TARGETS.split(",")))
    assert targets, f"no touch targets in {scope}"
    return [f"{t['name']} @{t['top']:.0f}" for t in targets if t["top"] < THIRD]


def _shoot(page, shots: Path, name: str) -> None:
    page.screenshot(path=str(shots / f"{name}.png"))


def _section(kiosk, locale: str) -> dict:
    home = kiosk.pages(locale, "home")[0]
    return next(
        p
        for p in kiosk.pages(locale, "section")
        if p["parent_id"] == home["id"]
        and any(c["parent_id"] == p["id"] for c in kiosk.data["pages"])
    )


def _search(page, locale: str) -> None:
    tap_keys(page, QUERIES[locale])
    page.wait_for_function(
        "q => document.querySelector('.search').dataset.done === q", arg=QUERIES[locale]
    )


@pytest.mark.parametrize("locale", REACH_LOCALES)
def test_portrait_home_tiles_fill_the_screen_below_the_top_third(
    page, kiosk, shots, locale
):
    _open(page, f"{kiosk.url}/{locale}/", PORTRAIT)
    _shoot(page, shots, f"{locale}-home-portrait")
    tiles = _boxes(page, ".home .tile")
    assert len(tiles) >= 4
    assert min(t["top"] for t in tiles) >= THIRD
    assert _box(page, ".search-cta")["top"] >= THIRD
    assert _above_reach(page) == []
    # The tiles reach down to the footer: no stretch of screen is left empty.
    assert _box(page, ".foot")["top"] - max(t["bottom"] for t in tiles) <= 60
    assert page.evaluate(EMPTY_BAND_JS, PAINTED) <= 0.05 * HEIGHT


@pytest.mark.parametrize("locale", REACH_LOCALES)
def test_portrait_navigation_sits_at_the_bottom_of_every_screen(
    page, kiosk, shots, locale
):
    paths = {
        "home": f"/{locale}/",
        "section": page_url(_section(kiosk, locale)),
        "place": page_url(kiosk.pages(locale, "place")[0]),
        "search": f"/{locale}/search/",
        "feedback": f"/{locale}/feedback/",
    }
    for name, path in paths.items():
        _open(page, kiosk.url + path, PORTRAIT)
        buttons = _boxes(page, ".bar .btn")
        assert len(buttons) >= 3, name
        assert min(b["top"] for b in buttons) >= HEIGHT - 120, name
        assert _box(page, ".bar")["bottom"] == pytest.approx(HEIGHT, abs=1), name
        assert all(b["top"] >= THIRD for b in _boxes(page, ".foot .btn")), name
        if name in ("section", "place"):
            _shoot(page, shots, f"{locale}-{name}-portrait")


def test_portrait_navigation_stays_at_the_bottom_of_a_page_taller_than_the_screen(
    page, kiosk
):
    _open(page, kiosk.page_url(kiosk.pages("vi", "place")[0]), PORTRAIT)
    page.evaluate("document.documentElement.style.fontSize = '250%'")
    assert page.evaluate("document.documentElement.scrollHeight") > HEIGHT
    for y in (0, 600):
        page.evaluate("y => window.scrollTo(0, y)", y)
        assert _box(page, ".bar")["bottom"] == pytest.approx(HEIGHT, abs=1)


@pytest.mark.parametrize("locale", REACH_LOCALES)
def test_portrait_section_list_lies_in_the_lower_two_thirds(page, kiosk, shots, locale):
    _open(page, kiosk.page_url(_section(kiosk, locale)), PORTRAIT)
    _shoot(page, shots, f"{locale}-section-portrait")
    tiles = _boxes(page, ".tiles .tile")
    assert tiles
    assert min(t["top"] for t in tiles) >= THIRD
    assert max(t["bottom"] for t in tiles) <= _box(page, ".bar")["top"]
    assert _above_reach(page) == []


@pytest.mark.parametrize("locale", REACH_LOCALES)
def test_portrait_search_results_lie_between_the_box_and_a_low_keyboard(
    page, kiosk, shots, locale
):
    _open(page, f"{kiosk.url}/{locale}/search/", PORTRAIT)
    row, keyboard = _box(page, ".search-row"), _box(page, ".keyboard")
    assert row["top"] >= THIRD and keyboard["top"] >= THIRD
    assert keyboard["bottom"] <= _box(page, ".bar")["top"]
    _search(page, locale)
    _shoot(page, shots, f"{locale}-search-portrait")
    results = _box(page, "#results")
    first = _boxes(page, "#results a")[0]
    assert row["bottom"] <= results["top"] <= first["top"]
    assert first["bottom"] <= results["bottom"] <= keyboard["top"]
    # The results appear without moving the keyboard under the finger.
    assert _box(page, ".keyboard") == keyboard
    assert _above_reach(page) == []


@pytest.mark.parametrize("locale", REACH_LOCALES)
def test_portrait_feedback_form_and_keyboard_fit_below_the_top_third(
    page, kiosk, shots, locale
):
    _open(page, f"{kiosk.url}/{locale}/feedback/", PORTRAIT)
    _shoot(page, shots, f"{locale}-feedback-portrait")
    assert _above_reach(page) == []
    assert _box(page, "#fb-message")["top"] >= THIRD
    assert _box(page, ".keyboard")["bottom"] <= _box(page, ".bar")["top"]
    assert page.evaluate("document.documentElement.scrollHeight") <= HEIGHT


def test_portrait_attract_screen_is_within_reach(page, kiosk, shots):
    _open(page, kiosk.url + "/", PORTRAIT)
    _shoot(page, shots, "attract-portrait")
    assert len(_boxes(page, ".attract-langs a")) >= 3
    assert _above_reach(page) == []


@pytest.mark.parametrize("locale", REACH_LOCALES)
def test_portrait_language_chooser_opens_within_reach(page, kiosk, shots, locale):
    _open(page, f"{kiosk.url}/{locale}/", PORTRAIT)
    page.locator(".btn-lang").tap()
    page.locator("#languages").wait_for(state="visible")
    _shoot(page, shots, f"{locale}-languages-portrait")
    links = _boxes(page, "#languages a")
    assert len(links) >= 3
    assert _above_reach(page, "#languages") == []
    # A dialog can open anywhere: this one opens at the bottom edge, every
    # button in the lower half (below about 1.2 m on a floor-standing kiosk).
    assert min(b["top"] for b in links) >= HEIGHT / 2
    assert _box(page, "#languages .btn-close")["bottom"] >= HEIGHT - 150


def test_portrait_emergency_takeover_buttons_are_within_reach(
    page, emergency_kiosk, shots
):
    _open(page, emergency_kiosk.url + "/km/", PORTRAIT)
    page.locator("#emergency").wait_for(state="visible")
    _shoot(page, shots, "km-emergency-portrait")
    assert _box(page, "#emergency .btn-ack")["top"] >= THIRD
    assert _above_reach(page, "#emergency") == []


@pytest.mark.parametrize("locale", REACH_LOCALES)
def test_landscape_keeps_the_top_bar_side_column_and_keyboard_under_the_box(
    page, kiosk, shots, locale
):
    _open(page, f"{kiosk.url}/{locale}/", LANDSCAPE)
    _shoot(page, shots, f"{locale}-home-landscape")
    bar, main, foot = _box(page, ".bar"), _box(page, "main"), _box(page, ".foot")
    assert bar["top"] == 0 and bar["right"] - bar["left"] == LANDSCAPE["width"]
    assert foot["left"] >= main["right"] - 1 and foot["top"] == main["top"]
    tiles = _boxes(page, ".home .tile")
    assert len({round(t["left"]) for t in tiles}) == 3
    assert _box(page, "main h1")["top"] < LANDSCAPE["height"] / 3
    _open(page, f"{kiosk.url}/{locale}/search/", LANDSCAPE)
    row, keyboard = _box(page, ".search-row"), _box(page, ".keyboard")
    assert 0 < keyboard["top"] - row["bottom"] <= 150
    _search(page, locale)
    _shoot(page, shots, f"{locale}-search-landscape")
    assert _box(page, "#results")["bottom"] <= _box(page, ".keyboard")["top"]


@pytest.mark.parametrize("locale", REACH_LOCALES)
def test_axe_finds_no_serious_violation_in_either_orientation(page, kiosk, locale):
    paths = {
        "home": f"/{locale}/",
        "section": page_url(_section(kiosk, locale)),
        "search": f"/{locale}/search/",
        "feedback": f"/{locale}/feedback/",
    }
    found = {}
    for name, path in paths.items():
        for viewport in (PORTRAIT, LANDSCAPE):
            _open(page, kiosk.url + path, viewport)
            if name == "search":
                _search(page, locale)
            violations = run_axe(page)
            if violations:
                found[f"{name}@{viewport['width']}"] = violations
    assert found == {}
