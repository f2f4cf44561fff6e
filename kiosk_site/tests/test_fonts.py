import io
import re

from fontTools.ttLib import TTFont

from kiosk_site.build.assets import content_files
from kiosk_site.fonts import fonts_build
from kiosk_site.fonts.latin import (
    LATIN_CODEPOINTS,
    LATIN_FONT_PATH,
    latin_font,
    latin_font_make,
)
from kiosk_site.render import ui_texts


def _cmap(data: bytes) -> set[int]:
    return set(TTFont(io.BytesIO(data)).getBestCmap())


def _fonts(texts, tmp_path) -> dict:
    return {f.key: f for f in fonts_build(texts, cache_dir=tmp_path)}


def test_subsets_hold_exactly_the_scripts_characters_in_use(tmp_path):
    fonts = _fonts(["Đà Nẵng", "ດ່ານສາກົນ", "ច្រកទ្វារ", "口岸"], tmp_path)
    assert set(fonts) == {"latin", "lao", "khmer", "cjk"}
    assert all(f.data[:4] == b"wOF2" for f in fonts.values())
    assert {ord(c) for c in "ດ່ານ"} <= _cmap(fonts["lao"].data)
    assert {ord(c) for c in "ច្រក"} <= _cmap(fonts["khmer"].data)
    cjk = _cmap(fonts["cjk"].data)
    assert {ord("口"), ord("岸")} <= cjk and ord("河") not in cjk
    assert ord("ẵ") in _cmap(fonts["latin"].data)


def test_subsets_are_byte_identical_and_cached(tmp_path):
    first = fonts_build(["ດ່ານ 口岸"], cache_dir=tmp_path / "a")
    second = fonts_build(["ດ່ານ 口岸"], cache_dir=tmp_path / "b")
    assert first == second
    # The Latin font is shipped, not cut: only the other two are cached.
    assert len(list((tmp_path / "a").glob("*.woff2"))) == len(first) - 1


def test_lao_and_khmer_keep_shaping_tables_and_cjk_drops_them(tmp_path):
    fonts = {
        key: TTFont(io.BytesIO(f.data))
        for key, f in _fonts(["ດ່ານ ច្រក 口岸"], tmp_path).items()
    }
    assert "GSUB" in fonts["lao"] and "GPOS" in fonts["lao"]
    assert "GSUB" in fonts["khmer"] and "GPOS" in fonts["khmer"]
    assert "GSUB" not in fonts["cjk"] and "GPOS" not in fonts["cjk"]
    # The OFL's text and URL travel with every copy of the font.
    for font in fonts.values():
        assert font["name"].getDebugName(13) and font["name"].getDebugName(14)


def test_the_latin_font_is_the_same_whatever_the_content(tmp_path):
    vi = _fonts(["Cửa khẩu quốc tế Bờ Y"], tmp_path / "a")["latin"]
    en = _fonts(["Border gate"], tmp_path / "b")["latin"]
    assert vi.data == en.data == latin_font()
    shipped = _cmap(latin_font())
    # Vietnamese in full, both cases, with the đồng sign and typographic marks.
    vietnamese = (
        "ăâđêôơưĂÂĐÊÔƠƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ"
    )
    assert {ord(c) for c in vietnamese + vietnamese.upper() + "₫–—‘’“”…€"} <= shipped
    # Every Latin-script character of the interface text is in it.
    ui = {ord(c) for c in "".join(ui_texts({"vi", "en", "bdq"}))}
    assert {cp for cp in ui if cp in LATIN_CODEPOINTS} <= shipped
    assert (
        "unicode-range:U+20-7E, U+A0-24F"
        in content_files([vi], "x")["assets/fonts.css"].decode()
    )


def test_latin_characters_beyond_the_shipped_font_get_a_subset_of_their_own(
    tmp_path,
):
    fonts = _fonts(["Đà Nẵng: α-amylase, Ω, Щ"], tmp_path)
    extra = fonts["latin-extra"]
    assert extra.family == fonts["latin"].family == "Kiosk Sans"
    assert {ord(c) for c in "αΩЩ"} <= _cmap(extra.data)
    assert ord("a") not in _cmap(extra.data)
    assert extra.unicode_range == "U+3A9, U+3B1, U+429"
    css = content_files(list(fonts.values()), "")["assets/fonts.css"].decode()
    faces = re.findall(r"@font-face\{[^}]*\}", css)
    assert len(faces) == 2
    assert "unicode-range:U+3A9, U+3B1, U+429;" in faces[1]
    assert "latin-extra" not in _fonts(["Đà Nẵng"], tmp_path / "b")


def test_the_shipped_latin_font_is_what_the_generator_makes():
    """Fails when LATIN_RANGES, the subsetting options or the installed Noto
    Sans changed without `python -m kiosk_site.fonts.latin` being run."""
    assert latin_font_make() == LATIN_FONT_PATH.read_bytes()


SHAPED = {
    "latin": "Đà Nẵng office: Nghe\u0323\u0302 An, Bahnar ŏ ĭ ŭ",  # marks typed apart
    "lao": "ດ່ານສາກົນ ຫຼວງພະບາງ ເຂົ້າ",  # tone marks stacked on vowels
    "khmer": "ច្រកទ្វារព្រំដែន ស្ត្រី ក្សត្រ",  # coeng subscripts
    "cjk": "口岸，中文。",
}


def _shaped(font, text: str) -> list[tuple[int, int, int, int]]:
    import uharfbuzz as hb

    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    hb.shape(font, buf, {})
    assert all(info.codepoint for info in buf.glyph_infos), f"missing glyph: {text}"
    return [
        (info.cluster, pos.x_advance, pos.x_offset, pos.y_offset)
        for info, pos in zip(buf.glyph_infos, buf.glyph_positions, strict=True)
    ]


def test_each_subset_shapes_its_text_as_the_whole_font_does(tmp_path):
    """Same glyph clusters, advances and mark offsets from the subset as from
    the installed font, and no missing glyph: the subsets keep what shaping
    reaches (Lao tone marks over vowels, Khmer subscripts, Vietnamese marks)."""
    import uharfbuzz as hb
    from fontTools.ttLib import woff2

    from kiosk_site.config import FONT_FILES
    from kiosk_site.fonts.subset import find_font, font_face

    fonts = _fonts(list(SHAPED.values()), tmp_path)
    for key, text in SHAPED.items():
        ttf = io.BytesIO()
        woff2.decompress(io.BytesIO(fonts[key].data), ttf)
        subset = hb.Font(hb.Face(hb.Blob(ttf.getvalue())))
        whole = hb.Font(font_face(find_font(FONT_FILES[key][0]), FONT_FILES[key][1]))
        assert _shaped(subset, text) == _shaped(whole, text), key
