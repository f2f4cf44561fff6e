"""Tables on the kiosk and the public portal: plain, accessible markup."""

from html.parser import HTMLParser

from django.template.loader import render_to_string
from django.utils import translation

from cms.content.blocks import BodyBlock
from cms.headless.render import RenderContext, stream_html

# What the kiosk's HTML sanitiser keeps of a table.
TABLE_TAGS = {"table", "caption", "thead", "tbody", "tr", "th", "td", "br"}
TABLE_ATTRS = {"scope", "colspan", "rowspan"}


class _Markup(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs.update(name for name, _value in attrs)


def _kiosk_html(table: dict) -> str:
    body = BodyBlock().to_python([{"type": "table", "value": table}])
    ctx = RenderContext(
        language_code="lo",
        page_link=lambda _id: None,
        programme_id=lambda _p: None,
        document_url=lambda _id: None,
        image_exists=lambda _id: False,
    )
    return stream_html(body, ctx)


HOURS = {
    "data": [
        ["ກຸ່ມ", "ຕອນເຊົ້າ", "ຕອນບ່າຍ"],
        ["ບໍອີ", "07:00–11:00", "14:00–19:00"],
        ["ເລແທັງ\nດ່ານ", "<b>07:00</b>", None],
    ],
    "first_row_is_table_header": True,
    "first_col_is_header": True,
    "table_header_choice": "both",
    "table_caption": "ເວລາອອກອາກາດ",
}


def test_kiosk_table_has_caption_column_and_row_headers():
    html = _kiosk_html(HOURS)
    assert html == (
        "<table><caption>ເວລາອອກອາກາດ</caption>"
        '<thead><tr><th scope="col">ກຸ່ມ</th><th scope="col">ຕອນເຊົ້າ</th>'
        '<th scope="col">ຕອນບ່າຍ</th></tr></thead><tbody>'
        '<tr><th scope="row">ບໍອີ</th><td>07:00–11:00</td><td>14:00–19:00</td></tr>'
        '<tr><th scope="row">ເລແທັງ<br>ດ່ານ</th><td>&lt;b&gt;07:00&lt;/b&gt;</td>'
        "<td></td></tr></tbody></table>"
    )


def test_kiosk_table_without_headers_has_only_data_cells():
    html = _kiosk_html(
        {
            "data": [["a", "b"]],
            "first_row_is_table_header": False,
            "first_col_is_header": False,
            "table_caption": "",
        }
    )
    assert html == "<table><tbody><tr><td>a</td><td>b</td></tr></tbody></table>"


def test_header_choice_alone_is_enough_for_headers():
    """Values saved by Wagtail 6+ may carry only table_header_choice."""
    html = _kiosk_html({"data": [["x", "y"], ["z", "w"]], "table_header_choice": "col"})
    assert '<th scope="row">x</th>' in html and '<th scope="row">z</th>' in html
    assert "<thead>" not in html


def test_merged_cells_span_and_the_cells_they_cover_are_left_out():
    table = {
        "data": [["a", "b", "c"], ["d", "e", "f"], ["g", "h", "i"]],
        "first_row_is_table_header": False,
        "first_col_is_header": False,
        "mergeCells": [
            {"row": 0, "col": 0, "rowspan": 2, "colspan": 2},
            {"row": 2, "col": 1, "rowspan": 1, "colspan": 2},
        ],
    }
    html = _kiosk_html(table)
    assert html == (
        '<table><tbody><tr><td rowspan="2" colspan="2">a</td><td>c</td></tr>'
        '<tr><td>f</td></tr><tr><td>g</td><td colspan="2">h</td></tr></tbody></table>'
    )


def test_kiosk_table_uses_only_what_the_sanitiser_allows():
    table = dict(HOURS, mergeCells=[{"row": 1, "col": 1, "rowspan": 1, "colspan": 2}])
    markup = _Markup()
    markup.feed(_kiosk_html(table))
    assert markup.tags <= TABLE_TAGS
    assert markup.attrs <= TABLE_ATTRS
    assert {"caption", "thead", "th"} <= markup.tags


def test_portal_table_has_caption_and_column_headers():
    body = BodyBlock().to_python([{"type": "table", "value": HOURS}])
    html = render_to_string("content/_body.html", {"body": body})
    assert "<caption>ເວລາອອກອາກາດ</caption>" in html
    assert '<th scope="col"' in html and "ຕອນເຊົ້າ" in html
    assert '<th scope="row"' in html and "ບໍອີ" in html


def test_editors_read_in_vietnamese_which_cells_translators_get():
    help_text = BodyBlock().child_blocks["table"].field.help_text
    with translation.override("vi"):
        assert str(help_text) == (
            "Người dịch dịch chú thích và từng ô có chữ; giờ, giá tiền và ô trống "
            "giữ nguyên ở mọi ngôn ngữ."
        )
