"""Search as a traveller types: the word being typed matches as a prefix,
one slip of a finger is forgiven, English plurals and inflections match.

The index side (terms.json, English stems) is checked on the files, the
matching on `index_search`, the Python twin of static/search.js (e2e checks
the browser gives the same pages in the same order).
"""

import hashlib
import json

import pytest

from bench.sample import make_snapshot_data
from kiosk_site.search import index_search, search_index_files, stem_en
from kiosk_site.search import query as search_query
from kiosk_site.search.query import one_edit_apart, query_plan
from kiosk_site.search.segment import tokens

LOCALES = ("vi", "en", "zh-hans", "lo", "km")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    data = make_snapshot_data(
        tmp_path_factory.mktemp("media"), locales=LOCALES, pages_per_locale=40
    )
    return data, search_index_files(data)


def _titles(data, ids):
    by_id = {p["id"]: p["title"] for p in data["pages"]}
    return [by_id[i] for i in ids]


def _search(site, locale, query):
    return index_search(site[1], locale, query)


# --- The index: a term list for completions and typos, English stems ---------


def test_terms_json_lists_each_locales_terms_by_first_character(site):
    _data, files = site
    vi = json.loads(files["search/vi/terms.json"])
    assert "khau" in vi["k"] and "khach" in vi["k"] and "cua" in vi["c"]
    for first, terms in vi.items():
        assert terms == sorted(terms)
        assert all(t.startswith(first) for t in terms)
    lo = json.loads(files["search/lo/terms.json"])
    assert "ດ່າ" in lo["ດ"]  # Lao: cluster bigrams, by their first letter
    # Chinese is indexed by character: its terms need no list.
    zh = json.loads(files["search/zh-hans/terms.json"])
    assert all(ord(first) < 0x3040 for first in zh), sorted(zh)


def test_english_terms_are_indexed_by_their_stem(site):
    _data, files = site
    en = json.loads(files["search/en/terms.json"])
    assert "hotlin" in en["h"] and "hotlines" not in en["h"]
    assert "hotel" in en["h"] and "hotels" not in en["h"]
    # Other locales keep their words as they are.
    assert "notices" not in json.loads(files["search/vi/terms.json"]).get("n", [])


@pytest.mark.parametrize(
    ("forms", "stem"),
    [
        (["hotline", "hotlines", "Hotlines"], "hotlin"),
        (["city", "cities"], "city"),
        (["fee", "fees"], "fee"),
        (["stop", "stops", "stopped", "stopping"], "stop"),
        (["call", "calls", "called"], "call"),
        (["declare", "declared", "declares"], "declar"),
        (["bus", "buses"], "bus"),
        (["box", "boxes"], "box"),
    ],
)
def test_english_forms_share_one_stem(forms, stem):
    assert {stem_en(f.lower()) for f in forms} == {stem}


def test_stemmer_leaves_short_and_non_english_words_alone():
    # Three letters or fewer stay; so do digits and Vietnamese letters.
    assert [stem_en(w) for w in ("gas", "yes", "its", "bed")] == [
        "gas",
        "yes",
        "its",
        "bed",
    ]
    assert stem_en("tums") == "tum"  # four letters: stemmed
    assert stem_en("2026s") == "2026s"
    assert stem_en("khẩus") == "khẩus"
    assert stem_en("status") == "status" and stem_en("class") == "class"


# --- Prefixes: the word being typed --------------------------------------------


@pytest.mark.parametrize(
    ("typed", "word"),
    [
        ("cua kh", "cua khau"),
        ("xuat c", "xuat canh"),
        ("thu tuc xuat ca", "thu tuc xuat canh"),
        ("ha n", "ha noi"),
        ("cửa khẩ", "cửa khẩu"),
    ],
)
def test_a_word_being_typed_finds_what_the_whole_word_finds(site, typed, word):
    whole = set(_search(site, "vi", word))
    assert whole
    assert whole <= set(_search(site, "vi", typed))


def test_prefixes_start_at_two_letters_and_a_one_letter_word_is_optional(site):
    data, _files = site
    # One letter alone is matched whole ("y" of "Bờ Y"), never as a prefix.
    assert _search(site, "vi", "k") == []
    assert _search(site, "vi", "kh")
    # A one-letter word after others neither empties the results nor adds any.
    assert set(_search(site, "vi", "cua k")) == set(_search(site, "vi", "cua"))
    by_y = _search(site, "vi", "bo y")
    assert set(by_y) == set(_search(site, "vi", "bo "))
    assert "Bờ Y" in _titles(data, by_y)[0]


def test_a_space_ends_the_word_being_typed(site):
    assert _search(site, "vi", "cua kh")
    assert _search(site, "vi", "cua kh ") == []


def test_completions_follow_the_word_as_typed_shortest_first(site):
    terms = json.loads(site[1]["search/vi/terms.json"])
    (token,) = query_plan("ha", "vi", terms, typos=False)
    assert token.variants[0] == search_query.Variant("ha", search_query.EXACT)
    completed = [v.term for v in token.variants[1:]]
    assert [len(t) for t in completed] == sorted(len(t) for t in completed)
    assert {"hai", "hang", "hanh"} <= set(completed)
    assert {v.how for v in token.variants[1:]} == {search_query.COMPLETED}


def _pages(texts):
    """A one-locale snapshot of pages (ids from 1) with these texts."""
    pages = [
        {
            "id": n,
            "locale": "vi",
            "type": "information",
            "path": f"/p{n}/",
            "title": f"Trang {n}",
            "summary": text,
            "search_text": text,
            "content_hash": f"sha256:{n:064d}",
        }
        for n, text in enumerate(texts, start=1)
    ]
    return {"locales": [{"code": "vi"}], "pages": pages}


def test_a_few_completions_first_and_all_of_them_when_those_find_too_few():
    # "kh" begins kha, khi, kho, khu (the four shortest) and khách.
    filler = ["kha khi kho", "khu"]
    alone = _pages([*filler, "cửa khách"])
    files = search_index_files(alone)
    assert index_search(files, "vi", "cua kh") == [3]  # the four found none
    crowded = _pages([*filler, "cửa khách", *["cửa khu"] * search_query.RESULTS])
    files = search_index_files(crowded)
    found = index_search(files, "vi", "cua kh")
    assert len(found) == search_query.RESULTS and 3 not in found
    assert index_search(files, "vi", "cua kha") == [3]


def test_a_word_found_as_typed_in_enough_pages_is_not_completed():
    enough = ["cửa kho"] * search_query.RESULTS
    files = search_index_files(_pages([*enough, "cửa khoá"]))
    found = index_search(files, "vi", "cua kho")
    assert sorted(found) == list(range(1, search_query.RESULTS + 1))
    # Fewer: "khoá" is looked up, and comes after every page of "kho", rarer
    # (higher idf) as it is.
    files = search_index_files(_pages([*enough[1:], "Cửa khoá"]))
    found = index_search(files, "vi", "cua kho")
    assert found[-1] == search_query.RESULTS


@pytest.mark.parametrize(
    ("locale", "typed", "expected"),
    [
        ("lo", "ດ", "ດ່ານ"),  # one Lao letter, its tone mark still to come
        ("lo", "ດ່", "ດ່ານ"),
        ("km", "ច", "ច្រក"),
        ("km", "ច្", "ច្រក"),  # coeng typed, the subscript still to come
        ("km", "ច្រ", "ច្រក"),
        ("zh-hans", "口", "口岸"),  # Chinese: one character
    ],
)
def test_one_cluster_or_character_is_enough_in_lao_khmer_chinese(
    site, locale, typed, expected
):
    data, _files = site
    titles = _titles(data, _search(site, locale, typed))
    assert any(expected in t for t in titles), titles


# --- Typos: one edit -------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        ("cuak", "cua", True),  # a letter added
        ("cang", "canh", True),  # changed
        ("khau", "khaub", True),
        ("xuat", "uat", True),  # the first letter dropped
        ("xuat", "xuta", False),  # swapped: two edits
        ("khau", "khau", False),  # the same word is no typo
        ("khau", "kh", False),
    ],
)
def test_one_edit_apart(a, b, near):
    assert one_edit_apart(a, b) is near
    assert one_edit_apart(b, a) is near


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("cuak khau", "cua khau"),
        ("thu tuc xuat cang", "thu tuc xuat canh"),
        ("thu tuc xuaat canh", "thu tuc xuat canh"),
        ("pleikku", "pleiku"),  # a slip in the word being typed
    ],
)
def test_one_slip_of_a_finger_finds_the_meant_pages(site, typo, meant):
    meant_ids = _search(site, "vi", meant)
    assert meant_ids
    assert set(meant_ids) & set(_search(site, "vi", typo))


def test_typos_need_four_letters(site):
    # "cux" is three letters: no typo lookup; "cuax" is four.
    assert _search(site, "vi", "cux khau ") == []
    assert _search(site, "vi", "cuax khau ")


def _holding(data, locale, term):
    """Ids of the pages of `locale` whose text has the word `term`."""
    return {
        p["id"]
        for p in data["pages"]
        if p["locale"] == locale
        and p["type"] != "home"
        and term in tokens(p["title"] + " " + p["search_text"])
    }


def test_typos_are_looked_up_only_when_few_pages_match(site):
    data, files = site
    terms = json.loads(files["search/vi/terms.json"])
    plan = query_plan("khau ", "vi", terms, typos=True)
    typos = {v.term for v in plan[0].variants if v.how == search_query.TYPO}
    assert typos >= {"khan", "khai"}
    # Enough pages hold "khau": no page of "khan", "khai"... is added.
    holding = _holding(data, "vi", "khau")
    assert len(holding) >= search_query.RESULTS
    assert set(index_search(files, "vi", "khau ")) == holding


def test_an_exact_match_ranks_above_a_typo(site):
    data, files = site
    # "canh" (cảnh) is a word of few pages; "hanh" (hành) and "can" (cần)
    # are one edit away and in many.
    holding = _holding(data, "vi", "canh")
    assert 0 < len(holding) < search_query.RESULTS
    found = index_search(files, "vi", "canh ")
    assert len(found) > len(holding)  # typos filled the list...
    assert set(found[: len(holding)]) == holding  # ...below the exact matches
    assert set(found) <= holding | _holding(data, "vi", "hanh") | _holding(
        data, "vi", "can"
    )


# --- English -------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed", ["hotline", "hotline ", "hotlines", "HOTLINE", "hotl"]
)
def test_hotline_finds_the_hotlines_page(site, typed):
    data, files = site
    assert "Hotlines" in _titles(data, index_search(files, "en", typed))


def test_english_plural_query_finds_singular_pages(site):
    data, files = site
    titles = _titles(data, index_search(files, "en", "hotel "))
    assert titles == _titles(data, index_search(files, "en", "hotels "))
    assert any("Hotel" in t for t in titles)


# --- Incremental builds keep terms.json -----------------------------------------


def test_an_edit_adds_and_removes_its_terms_in_terms_json(tmp_path):
    data = make_snapshot_data(tmp_path / "m", locales=("vi",), pages_per_locale=30)
    state = tmp_path / "state"
    search_index_files(data, state)
    page = next(p for p in data["pages"] if p["type"] == "information")
    page["search_text"] += " Quầy zzyzx mới"
    page["content_hash"] = "sha256:" + hashlib.sha256(b"1").hexdigest()
    unchanged: dict[str, int] = {}
    made = search_index_files(data, state, unchanged=unchanged)
    assert "zzyzx" in json.loads(made["search/vi/terms.json"])["z"]
    assert (
        made["search/vi/terms.json"] == search_index_files(data)["search/vi/terms.json"]
    )
    assert index_search(search_index_files(data), "vi", "zz") == [page["id"]]
    # Words the locale already has leave terms.json alone.
    page["search_text"] += " cửa khẩu"
    page["content_hash"] = "sha256:" + hashlib.sha256(b"2").hexdigest()
    made = search_index_files(data, state, unchanged=unchanged)
    assert made and "search/vi/terms.json" not in made
    page["search_text"] = page["search_text"].replace("zzyzx", "")
    page["content_hash"] = "sha256:" + hashlib.sha256(b"3").hexdigest()
    made = search_index_files(data, state, unchanged=unchanged)
    assert "z" not in json.loads(made["search/vi/terms.json"])
