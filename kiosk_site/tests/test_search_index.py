import json

import pytest

from kiosk_site.sample import make_snapshot_data
from kiosk_site.search_index import index_search, search_index_files
from kiosk_site.segment import fold, query_tokens, tokens


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
