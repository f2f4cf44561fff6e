import hashlib
import json
from collections import defaultdict

import pytest

from bench.sample import make_snapshot_data
from kiosk_site.search import index as search_index
from kiosk_site.search import index_search, search_index_files
from kiosk_site.search.segment import fnv1a, fold, query_tokens, stem_en, tokens
from kiosk_site.snapshot import page_url
from kiosk_site.tests.test_segment_equivalence import _reference_kind, reference_tokens


def test_fold_strips_vietnamese_diacritics_including_d_stroke():
    assert fold("Đà Nẵng ĐẮK TÔ") == "da nang dak to"
    assert fold("Bơ̆n pơ̆m") == "bon pom"  # Bahnar: combining breve after ơ


def test_lao_and_khmer_marks_are_kept():
    assert fold("ດ່ານ") == "ດ່ານ"
    assert fold("ច្រកទ្វារ") == "ច្រកទ្វារ"
    assert "ດ່າ" in tokens("ດ່ານສາກົນ")
    assert "ច្រក" in tokens("ច្រកទ្វារ")  # coeng joins the subscript letter


def test_chinese_is_cut_into_bigrams_and_queries_use_bigrams_only():
    assert tokens("口岸出境") == ["口", "岸", "出", "境", "口岸", "岸出", "出境"]
    assert query_tokens("口岸") == ["口岸"]
    assert query_tokens("口") == ["口"]


@pytest.fixture(scope="module")
def index(tmp_path_factory):
    data = make_snapshot_data(
        tmp_path_factory.mktemp("media"),
        locales=("vi", "en", "zh-hans", "lo", "km", "bdq"),
        pages_per_locale=40,
    )
    return data, search_index_files(data)


def _titles(data, ids):
    by_id = {p["id"]: p["title"] for p in data["pages"]}
    return [by_id[i] for i in ids]


@pytest.mark.parametrize(
    ("locale", "query", "expected"),
    [
        ("vi", "ha noi", "Hà Nội"),
        ("vi", "DA NANG", "Đà Nẵng"),
        ("zh-hans", "口岸", "口岸"),
        ("lo", "ດ່ານ", "ດ່ານ"),
        ("km", "ច្រកទ្វារ", "ច្រកទ្វារ"),
        ("bdq", "cua khau", "cửa khẩu"),
    ],
)
def test_query_in_each_script_finds_matching_titles_first(
    index, locale, query, expected
):
    data, files = index
    titles = _titles(data, index_search(files, locale, query))
    assert titles, f"nothing found for {query!r}"
    assert expected in titles[0]


def test_query_with_an_unknown_word_finds_nothing(index):
    _data, files = index
    assert index_search(files, "vi", "ha noi xyzzy") == []


def test_editing_one_percent_of_pages_changes_a_small_share_of_index_bytes(tmp_path):
    data = make_snapshot_data(tmp_path, locales=("vi", "en"), pages_per_locale=400)
    before = search_index_files(data)
    info = [p for p in data["pages"] if p["type"] == "information"]
    for i, page in enumerate(info[:: len(info) // 8][:8]):
        page["search_text"] += f" Cập nhật {i}: quầy mới mở lúc 6 giờ 30."
        page["content_hash"] = f"sha256:{i:064d}"
    after = search_index_files(data)
    changed = sum(len(b) for k, b in after.items() if before.get(k) != b)
    assert changed / sum(map(len, after.values())) < 0.1
    meta = json.loads(after["search/vi/meta.json"])
    assert meta["docs"] == 399


# --- The index bytes do not depend on how they were made ----------------------


def _reference_locale_index(pages, locale):
    """search_index.locale_index before it was made fast (do not optimise)."""
    title_hits, body_hits, docs = defaultdict(set), defaultdict(set), {}
    stem = stem_en if locale == "en" else (lambda term: term)
    for page in pages:
        if page["type"] == "home":
            continue
        pid = page["id"]
        title = {stem(t) for t in reference_tokens(page["title"])}
        for tok in title:
            title_hits[tok].add(pid)
        for tok in {stem(t) for t in reference_tokens(page["search_text"])} - title:
            body_hits[tok].add(pid)
        snippet = page["summary"] if page["summary"] != page["title"] else ""
        docs[pid] = [page["title"], page_url(page), snippet[:160], page["type"]]
    vocab = sorted(set(title_hits) | set(body_hits))
    df = {t: len(title_hits.get(t, ())) + len(body_hits.get(t, ())) for t in vocab}
    block = search_index.BLOCK
    heavy = {t: _pow2(df[t] / block, 2, 2) for t in vocab if df[t] > block}
    n_shards = _pow2(sum(df[t] for t in vocab if t not in heavy) / block, 8, 4096)
    n_doc_shards = _pow2(len(docs) / 8, 8, 1024)
    heavy_postings = sum(df[t] for t in heavy)
    n_buckets = 1
    while 2 * n_buckets * search_index.BUCKET_POSTINGS <= heavy_postings:
        n_buckets *= 2
    base = f"search/{locale}/"
    files, shards, buckets = {}, defaultdict(dict), defaultdict(dict)
    for term in vocab:
        title = sorted(title_hits.get(term, ()))
        body = sorted(body_hits.get(term, ()))
        blocks = heavy.get(term)
        if blocks is None:
            shards[fnv1a(term) % n_shards][term] = [_deltas(title), _deltas(body)]
            continue
        for b in range(blocks):
            buckets[f"{base}h/{fnv1a(term) % n_buckets}-{b}.json"][term] = [
                _deltas([i for i in title if i % blocks == b]),
                _deltas([i for i in body if i % blocks == b]),
            ]
    doc_shards = defaultdict(dict)
    for pid, doc in docs.items():
        doc_shards[pid % n_doc_shards][str(pid)] = doc
    meta = {"v": 4, "shards": n_shards, "doc_shards": n_doc_shards}
    meta |= {"docs": len(docs), "heavy": heavy, "heavy_buckets": n_buckets}
    files[base + "meta.json"] = _dump(meta)
    term_list = defaultdict(list)
    for term in vocab:
        if _reference_kind(term[0]) != "han":
            term_list[term[0]].append(term)
    if term_list:
        files[base + "terms.json"] = _dump(term_list)
    for rel, terms in buckets.items():
        files[rel] = _dump(terms)
    for n, terms in shards.items():
        files[f"{base}t/{n}.json"] = _dump(terms)
    for n, entries in doc_shards.items():
        files[f"{base}d/{n}.json"] = _dump(entries)
    return files


def _pow2(n, lo, hi):
    size = lo
    while size < n and size < hi:
        size *= 2
    return size


def _deltas(ids):
    return [i - prev for i, prev in zip(ids, [0, *ids], strict=False)]


def _dump(value):
    return json.dumps(
        value, ensure_ascii=False, separators=(",", ":"), sort_keys=True
    ).encode("utf-8")


def _reference_files(data):
    files = {}
    for loc in data["locales"]:
        pages = [p for p in data["pages"] if p["locale"] == loc["code"]]
        files.update(_reference_locale_index(pages, loc["code"]))
    return files


@pytest.fixture
def sample(tmp_path):
    return make_snapshot_data(
        tmp_path / "media",
        locales=("vi", "en", "zh-hans", "lo", "km", "bdq"),
        pages_per_locale=60,
    )


# A small BLOCK puts frequent terms in blocks even in a small sample, and small
# buckets make several bucket files of them.
LAYOUTS = [(512, 8192), (16, 8192), (16, 256)]


@pytest.mark.parametrize(("block", "bucket_postings"), LAYOUTS)
def test_index_bytes_match_the_reference_implementation(
    sample, monkeypatch, block, bucket_postings
):
    monkeypatch.setattr(search_index, "BLOCK", block)
    monkeypatch.setattr(search_index, "BUCKET_POSTINGS", bucket_postings)
    made = search_index_files(sample)
    assert made == _reference_files(sample)
    assert any("/h/" in rel for rel in made) == (block == 16)


class _Site:
    """The index files a kiosk folder holds across incremental builds."""

    def __init__(self, cache_dir):
        self.cache_dir = cache_dir
        self.files: dict[str, bytes] = {}

    def rebuild(self, data) -> dict[str, bytes]:
        """Build with the cache as the site build does; check the folder then
        holds exactly the from-scratch index, and return the files written."""
        unchanged: dict[str, int] = {}
        made = search_index_files(data, self.cache_dir, unchanged=unchanged)
        expected = search_index_files(data)
        assert not set(made) & set(unchanged)
        assert set(made) | set(unchanged) == set(expected)
        assert {rel: len(expected[rel]) for rel in unchanged} == unchanged
        self.files = {rel: made.get(rel, self.files.get(rel)) for rel in expected}
        assert self.files == expected
        return made


def _edit(page, words):
    page["search_text"] += " " + words
    page["content_hash"] = (
        "sha256:" + hashlib.sha256(page["search_text"].encode()).hexdigest()
    )


@pytest.mark.parametrize(("block", "bucket_postings"), LAYOUTS)
def test_incremental_index_equals_a_fresh_one_after_edits(
    sample, tmp_path, monkeypatch, block, bucket_postings
):
    monkeypatch.setattr(search_index, "BLOCK", block)
    monkeypatch.setattr(search_index, "BUCKET_POSTINGS", bucket_postings)
    site = _Site(tmp_path / "state")
    first = site.rebuild(sample)
    assert site.rebuild(sample) == {}
    pages = sample["pages"]
    by_locale = defaultdict(list)
    for page in pages:
        if page["type"] != "home":
            by_locale[page["locale"]].append(page)
    locale_files = {
        code: sum(rel.startswith(f"search/{code}/") for rel in first)
        for code in by_locale
    }

    def small(made, code):
        assert made, "nothing rewritten"
        assert {rel.split("/")[1] for rel in made} == {code}
        assert len(made) <= max(12, locale_files[code] // 4), sorted(made)

    for code, words in [
        ("vi", "Cửa khẩu mở cửa lúc 6 giờ, quầy đổi tiền mới"),
        ("zh-hans", "口岸今天开放新的柜台"),
        ("lo", "ດ່ານສາກົນເປີດໃໝ່"),
        ("km", "ច្រកទ្វារថ្មី"),
        ("en", "zzyzx"),
    ]:
        _edit(by_locale[code][7], words)
        small(site.rebuild(sample), code)
    # A new title, a page that moves, a page removed, a page added back.
    page = by_locale["en"][3]
    page["title"] = "Quiet reading room"
    page["content_hash"] = "sha256:" + "1" * 64
    small(site.rebuild(sample), "en")
    by_locale["km"][2]["path"] = "/moved-here/"
    small(site.rebuild(sample), "km")
    gone = by_locale["vi"][5]
    pages.remove(gone)
    small(site.rebuild(sample), "vi")
    pages.append(gone)
    small(site.rebuild(sample), "vi")
    # A page that only repeats words already indexed, then loses them all.
    _edit(by_locale["bdq"][9], by_locale["bdq"][10]["search_text"])
    site.rebuild(sample)
    by_locale["bdq"][9]["search_text"] = ""
    by_locale["bdq"][9]["title"] = "x"
    by_locale["bdq"][9]["content_hash"] = "sha256:" + "2" * 64
    site.rebuild(sample)
    # Many pages at once: the locale is rebuilt, with the same result.
    for i, page in enumerate(by_locale["lo"]):
        _edit(page, f"ຂໍ້ມູນ {i}")
    site.rebuild(sample)


def test_cache_without_unchanged_returns_every_file(sample, tmp_path):
    cache = tmp_path / "state"
    assert search_index_files(sample, cache) == search_index_files(sample)
    page = next(p for p in sample["pages"] if p["locale"] == "lo" and p["id"] % 3)
    _edit(page, "ດ່ານສາກົນ ໃໝ່")
    assert search_index_files(sample, cache) == search_index_files(sample)
    assert search_index_files(sample, cache) == _reference_files(sample)


def test_repeated_page_ids_are_indexed_as_before(sample, tmp_path):
    en = [p for p in sample["pages"] if p["locale"] == "en" and p["type"] != "home"]
    twin = dict(en[4], title="Twin page", summary="Twin page")
    sample["pages"].append(twin)
    made = search_index_files(sample)
    assert made == _reference_files(sample)
    assert index_search(made, "en", en[4]["title"] + " twin") == [twin["id"]]
    site = _Site(tmp_path / "state")
    site.rebuild(sample)
    _edit(twin, "second copy")
    site.rebuild(sample)


# --- Frequent terms grouped into bucket files ---------------------------------


@pytest.fixture
def small_buckets(monkeypatch):
    """Frequent terms (df > 16) in buckets of at least 256 postings: a
    60-page sample then has several bucket files, each of several terms."""
    monkeypatch.setattr(search_index, "BLOCK", 16)
    monkeypatch.setattr(search_index, "BUCKET_POSTINGS", 256)


def test_each_bucket_file_holds_the_frequent_terms_hashed_to_it(sample, small_buckets):
    files = search_index_files(sample)
    for loc in sample["locales"]:
        base = f"search/{loc['code']}/"
        meta = json.loads(files[base + "meta.json"])
        heavy, n_buckets = meta["heavy"], meta["heavy_buckets"]
        assert meta["v"] == 4
        bucket_files = {
            rel: json.loads(blob)
            for rel, blob in files.items()
            if rel.startswith(base + "h/")
        }
        found = defaultdict(set)  # term -> blocks it is in
        for rel, entries in bucket_files.items():
            name = rel.removeprefix(base + "h/").removesuffix(".json")
            bucket, b = map(int, name.split("-"))
            for term in entries:
                assert fnv1a(term) % n_buckets == bucket, (rel, term)
                found[term].add(b)
        assert found == {t: set(range(blocks)) for t, blocks in heavy.items()}
        postings = sum(
            len(ids)
            for entries in bucket_files.values()
            for e in entries.values()
            for ids in e
        )
        # The largest power of two giving each bucket >= 256 postings.
        assert n_buckets * 256 <= max(postings, 256) < 2 * n_buckets * 256
        if loc["code"] == "vi":
            assert n_buckets >= 4
            assert len(bucket_files) == 2 * n_buckets < len(heavy)
            assert max(map(len, bucket_files.values())) >= 8


def _matching(data, locale, query):
    """Ids of the pages holding every token of `query` (no index involved)."""
    wanted = set(query_tokens(query))
    return {
        p["id"]
        for p in data["pages"]
        if p["locale"] == locale
        and p["type"] != "home"
        and wanted <= set(tokens(p["title"])) | set(tokens(p["search_text"]))
    }


@pytest.mark.parametrize(
    ("locale", "query"),
    [
        ("vi", "cua khau"),
        ("vi", "gio mo cua"),
        ("zh-hans", "口岸"),
        ("lo", "ດ່ານ"),
        ("en", "border gate"),
    ],
)
def test_search_reads_frequent_terms_from_their_buckets(
    sample, small_buckets, locale, query
):
    files = search_index_files(sample)
    meta = json.loads(files[f"search/{locale}/meta.json"])
    assert any(t in meta["heavy"] for t in query_tokens(query))
    expected = _matching(sample, locale, query)
    assert expected
    # A space ends the last word: it is matched whole, not as a prefix.
    assert set(index_search(files, locale, query + " ")) == expected


def test_an_edit_rewrites_one_block_of_the_buckets_of_its_frequent_terms(
    sample, tmp_path, small_buckets
):
    site = _Site(tmp_path / "state")
    site.rebuild(sample)
    page = next(
        p for p in sample["pages"] if p["locale"] == "vi" and p["type"] != "home"
    )
    meta = json.loads(site.files["search/vi/meta.json"])
    new = sorted(t for t in meta["heavy"] if t not in _page_terms_of(page))[:3]
    assert len(new) == 3
    _edit(page, " ".join(new))
    made = site.rebuild(sample)
    buckets = {f"search/vi/h/{fnv1a(t) % meta['heavy_buckets']}-" for t in new}
    written = {rel for rel in made if "/h/" in rel}
    assert written == {f"{prefix}{page['id'] % 2}.json" for prefix in buckets}


def _page_terms_of(page):
    title, other = search_index.page_terms(page)
    return {*title, *other}


def test_an_edit_that_changes_the_bucket_count_gives_the_fresh_index(
    sample, tmp_path, monkeypatch
):
    monkeypatch.setattr(search_index, "BLOCK", 16)
    files = search_index_files(sample)
    heavy = json.loads(files["search/vi/meta.json"])["heavy"]
    postings = sum(
        len(ids)
        for rel, blob in files.items()
        if rel.startswith("search/vi/h/")
        for entry in json.loads(blob).values()
        for ids in entry
    )
    # vi has exactly 4 buckets of the minimum size: losing a posting of a
    # frequent term leaves 2.
    monkeypatch.setattr(search_index, "BUCKET_POSTINGS", postings / 4)
    site = _Site(tmp_path / "state")
    site.rebuild(sample)
    assert json.loads(site.files["search/vi/meta.json"])["heavy_buckets"] == 4
    page = next(
        p for p in sample["pages"] if p["locale"] == "vi" and p["type"] == "information"
    )
    page["search_text"] = ""
    page["content_hash"] = "sha256:" + "3" * 64
    site.rebuild(sample)
    meta = json.loads(site.files["search/vi/meta.json"])
    assert meta["heavy_buckets"] == 2
    assert meta["heavy"].keys() <= heavy.keys()


def test_pages_of_locales_in_any_order_give_the_same_index(sample, tmp_path):
    """Snapshots list pages locale by locale, and the index picks a locale's
    pages as one run; pages in another order are picked one by one."""
    import random

    expected = search_index_files(sample)
    shuffled = {**sample, "pages": list(sample["pages"])}
    random.Random(5).shuffle(shuffled["pages"])
    assert search_index_files(shuffled) == expected
    assert search_index_files(shuffled, tmp_path / "a") == expected
    # An edit to the shuffled pages, made incrementally from that state.
    page = next(p for p in shuffled["pages"] if p["type"] == "information")
    edited = {**page, "search_text": page["search_text"] + " chợ đêm"}
    edited["content_hash"] = "sha256:" + "1" * 64
    shuffled["pages"][shuffled["pages"].index(page)] = edited
    unchanged: dict[str, int] = {}
    made = search_index_files(shuffled, tmp_path / "a", unchanged=unchanged)
    fresh = search_index_files(shuffled)
    assert 0 < len(made) < len(fresh)
    assert {**{rel: fresh[rel] for rel in unchanged}, **made} == fresh
