"""Search through frequent-term bucket files in the browser.

The shared e2e kiosks are too small to have frequent terms, so this module
builds one with tiny block and bucket sizes: nearly every term is then
"heavy" and lives in `h/<bucket>-<b>.json`, and search.js must find the
same pages, in the same order, as the index builder's own reference search.
"""

import threading

import pytest

from bench.sample import make_snapshot
from kiosk_site.build import site_build
from kiosk_site.search import index as search_index
from kiosk_site.search import index_search
from kiosk_site.serve import make_server

# Whole words, words being typed (prefixes), typos and English inflections.
QUERIES = {
    "vi": [
        "cua khau",
        "ha noi",
        "khach san",
        "gio mo cua",
        "cua kh",
        "cua k",
        "xuat c",
        "cuak khau",
        "thu tuc xuat cang",
        "khan",
    ],
    "en": ["hotline", "hotels", "border ga", "bordr gate"],
    "zh-hans": ["口岸", "口"],
    "lo": ["ດ່ານ", "ດ", "ດ່າ"],
    "km": ["ច្រក", "ច", "ច្រ"],
}


@pytest.fixture(scope="module")
def bucket_kiosk(tmp_path_factory):
    root = tmp_path_factory.mktemp("buckets")
    snap = make_snapshot(root / "snapshot", locales=tuple(QUERIES), pages_per_locale=40)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_index, "BLOCK", 4)
        patch.setattr(search_index, "BUCKET_POSTINGS", 16)
        site_build(snapshot=snap, out_dir=root / "site", workers=1)
    server = make_server(root / "site", port=0, feedback_file=root / "fb.jsonl")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield root / "site", f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def test_browser_search_through_buckets_matches_the_reference(page, bucket_kiosk):
    site, url = bucket_kiosk
    for locale, queries in QUERIES.items():
        base = site / "search" / locale
        files = {
            p.relative_to(site).as_posix(): p.read_bytes() for p in base.rglob("*.json")
        }
        assert any(p.startswith(f"search/{locale}/h/") for p in files), locale
        page.goto(f"{url}/{locale}/search/")
        page.wait_for_function("() => typeof window.kioskSearch === 'function'")
        for query in queries:
            expected = index_search(files, locale, query)[:10]
            got = page.evaluate(
                "async (q) => (await window.kioskSearch(q)).map(r => r.id)", query
            )
            assert expected, (locale, query)
            assert got == expected, (locale, query)
