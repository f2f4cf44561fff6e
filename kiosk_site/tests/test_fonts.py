import io

from fontTools.ttLib import TTFont

from kiosk_site.fonts import fonts_build


def _cmap(data: bytes) -> set[int]:
    return set(TTFont(io.BytesIO(data)).getBestCmap())


def test_subsets_hold_exactly_the_scripts_characters_in_use(tmp_path):
    texts = ["Đà Nẵng", "ດ່ານສາກົນ", "ច្រកទ្វារ", "口岸"]
    fonts = {key: data for _family, key, data in fonts_build(texts, cache_dir=tmp_path)}
    assert set(fonts) == {"latin", "lao", "khmer", "cjk"}
    assert all(data[:4] == b"wOF2" for data in fonts.values())
    assert {ord(c) for c in "ດ່ານ"} <= _cmap(fonts["lao"])
    assert {ord(c) for c in "ច្រក"} <= _cmap(fonts["khmer"])
    cjk = _cmap(fonts["cjk"])
    assert {ord("口"), ord("岸")} <= cjk and ord("河") not in cjk
    assert ord("ẵ") in _cmap(fonts["latin"])


def test_subsets_are_byte_identical_and_cached(tmp_path):
    first = fonts_build(["ດ່ານ 口岸"], cache_dir=tmp_path / "a")
    second = fonts_build(["ດ່ານ 口岸"], cache_dir=tmp_path / "b")
    assert first == second
    assert len(list((tmp_path / "a").glob("*.woff2"))) == len(first)


def test_lao_and_khmer_keep_shaping_tables_and_cjk_drops_them(tmp_path):
    fonts = {
        key: TTFont(io.BytesIO(data))
        for _family, key, data in fonts_build(["ດ່ານ ច្រក 口岸"], cache_dir=tmp_path)
    }
    assert "GSUB" in fonts["lao"] and "GPOS" in fonts["lao"]
    assert "GSUB" in fonts["khmer"] and "GPOS" in fonts["khmer"]
    assert "GSUB" not in fonts["cjk"] and "GPOS" not in fonts["cjk"]
