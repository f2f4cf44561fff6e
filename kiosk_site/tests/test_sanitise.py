"""The builder keeps only the HTML the CMS makes, whatever the snapshot holds."""

import json

import pytest

from bench.sample import make_snapshot
from kiosk_site.build import site_build
from kiosk_site.snapshot import (
    html_sanitise,
    page_sanitise,
    snapshot_cache_clear,
    snapshot_dumps,
    snapshot_read,
)

# What cms/headless/render.py emits, which must come through unchanged.
CMS_BODY = (
    '<div class="text"><h2>Thủ tục</h2><h3>Giấy tờ</h3><p><b>Hộ chiếu</b> và '
    '<i>thị thực</i>; xem <a href="kiosk:page:12">giờ mở cửa</a>, gọi '
    '<a href="tel:02603831234">0260 3831 234</a> hoặc '
    '<a href="mailto:bienphong@kontum.gov.vn">thư</a>.</p>'
    "<ol><li>Một</li></ol><ul><li>Hai</li></ul>"
    '<p><img data-image-id="7" alt="Cột mốc 1"></p></div>'
    '<figure class="image"><img data-image-id="8" alt=""><figcaption>Ảnh'
    "</figcaption></figure>"
    '<section class="gallery"><h2>Ảnh</h2></section>'
    '<table class="table"><caption>Lệ phí</caption><thead><tr>'
    '<th scope="col">Loại</th><th scope="col" colspan="2">Mức</th></tr></thead>'
    '<tbody><tr><th scope="row" rowspan="2">Xe</th><td>50.000 đ</td></tr>'
    "</tbody></table>"
    '<table class="opening-hours"><caption>Giờ</caption><tbody><tr><th>Thứ Hai'
    "</th><td>07:00–17:00</td><td></td></tr></tbody></table>"
    '<address class="contact"><p class="name">Đồn Bờ Y</p><p class="phone">'
    '<a href="tel:0260">0260</a></p><p class="email">a@b.vn</p></address>'
    '<figure class="programme" data-programme-id="3"><figcaption>Phóng sự'
    "</figcaption></figure>"
)


def test_what_the_cms_makes_comes_through_unchanged():
    assert html_sanitise(CMS_BODY) == CMS_BODY


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("<p>a<script>window.pwned = 1</script>b</p>", "<p>ab</p>"),
        ("<style>body{display:none}</style><p>x</p>", "<p>x</p>"),
        ('<img data-image-id="3" alt="" src="x" onerror="pwned()">', None),
        ('<a href="javascript:pwned()">x</a>', "<a>x</a>"),
        ('<a href=" JaVa&#09;Script:pwned()">x</a>', "<a>x</a>"),
        ('<a href="data:text/html,<script>x</script>">x</a>', "<a>x</a>"),
        ('<a href="https://evil.example/">x</a>', "<a>x</a>"),
        ('<a href="//evil.example/x">x</a>', "<a>x</a>"),
        ('<a href="kiosk:page:12 onclick">x</a>', "<a>x</a>"),
        ('<a href="kiosk:pages">x</a>', "<a>x</a>"),
        ('<p style="position:fixed" onclick="pwned()">x</p>', "<p>x</p>"),
        ('<svg onload="pwned()"><circle></circle></svg>t', "t"),
        ('<iframe src="https://evil.example"></iframe>t', "t"),
        ('<object data="x.swf"></object><embed src="x">t', "t"),
        ('<form action="https://evil.example"><input name="p"></form>t', "t"),
        ('<base href="https://evil.example/"><meta http-equiv="refresh">t', "t"),
        ('<figure data-programme-id="3 onmouseover=x"></figure>', "<figure></figure>"),
        ('<img data-image-id="../../etc/passwd" alt="">', '<img alt="">'),
        ('<td colspan="0">x</td>', "x"),
        ("<!-- <script>x</script> --><p>y</p>", "<p>y</p>"),
    ],
)
def test_script_handlers_and_foreign_urls_are_removed(dirty, clean):
    got = html_sanitise(dirty)
    if clean is not None:
        assert got == clean
    for bad in ("script", "onerror", "onclick", "onload", "javascript", "evil"):
        assert bad not in got.lower()
    assert "src=" not in got and "style=" not in got


def test_a_page_has_every_html_member_sanitised_and_the_rest_left_alone():
    page = {
        "title": "<script>t</script>",
        "body_html": "<p>x<script>y</script></p>",
        "fields": {
            "fees_html": '<a href="javascript:x">a</a>',
            "gate_name": "<b>Bờ Y</b>",
            "intro_html": 12,
        },
    }
    assert page_sanitise(page) is page
    assert page["body_html"] == "<p>x</p>"
    assert page["fields"]["fees_html"] == "<a>a</a>"
    # Escaped by the templates, or left for validation to report.
    assert page["title"] == "<script>t</script>"
    assert page["fields"]["gate_name"] == "<b>Bờ Y</b>"
    assert page["fields"]["intro_html"] == 12
    assert page_sanitise(["not a page"]) == ["not a page"]


def _with_bodies(snap, bodies: dict[int, str]):
    data = json.loads(snap.read_text(encoding="utf-8"))
    for index, body in bodies.items():
        data["pages"][index]["body_html"] = body
    return data


def test_snapshots_read_whole_and_by_lines_both_come_back_sanitised(tmp_path):
    snap = make_snapshot(tmp_path / "s", locales=("vi",), pages_per_locale=6)
    data = _with_bodies(snap, {2: "<p>a<script>window.pwned=1</script></p>"})
    whole = tmp_path / "whole.json"
    whole.write_text(json.dumps(data), encoding="utf-8")
    by_lines = tmp_path / "lines.json"
    by_lines.write_bytes(snapshot_dumps(data))
    snapshot_cache_clear()
    for path in (whole, by_lines):
        assert snapshot_read(path).data["pages"][2]["body_html"] == "<p>a</p>"
    # A rebuild re-reads only the changed line: that line is sanitised too.
    data["pages"][3]["body_html"] = '<img data-image-id="1" alt="" onerror="x()">'
    by_lines.write_bytes(snapshot_dumps(data))
    again = snapshot_read(by_lines).data["pages"]
    assert again[3]["body_html"] == '<img data-image-id="1" alt="">'
    assert again[2]["body_html"] == "<p>a</p>"
    snapshot_cache_clear()


def test_a_built_page_holds_none_of_an_injected_body(tmp_path, warm_out):
    snap = make_snapshot(tmp_path / "s", locales=("vi", "en"), pages_per_locale=6)
    data = _with_bodies(
        snap,
        {
            1: '<p>Giờ<script>window.pwned=1</script><img data-image-id="1" '
            'alt="" onerror="window.pwned=2"><a href="javascript:pwned()">x</a></p>'
        },
    )
    snap.write_bytes(snapshot_dumps(data))
    out = warm_out("site")
    site_build(snapshot=snap, out_dir=out)
    page = data["pages"][1]
    html = (out / page["locale"] / f"{page['path'].strip('/')}.html").read_text(
        encoding="utf-8"
    )
    assert "<p>Giờ<img " in html and "<a>x</a>" in html
    assert "pwned" not in html and "onerror" not in html
