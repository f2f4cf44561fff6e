"""Table cells as wagtail-localize segments: what is extracted, how it is
written back, and that PO export and import carry every cell."""

import pytest
from django.test import TestCase
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from cms.content.blocks import BodyBlock, TranslatableTableBlock
from cms.content.models import InformationPage
from cms.headless.tests.factories import information, locale, site_home

FEES = {
    "data": [
        ["Loại phương tiện", "Phí", ""],
        ["Xe máy", "10.000", None],
        ["Ô tô\ndưới 9 chỗ", "50.000 đ", "24/7"],
    ],
    "first_row_is_table_header": True,
    "first_col_is_header": False,
    "table_header_choice": "row",
    "table_caption": "Phí qua cửa khẩu",
}


def _table_segments(value) -> dict[str, str]:
    return {
        s.path: s.render_text()
        for s in TranslatableTableBlock().get_translatable_segments(value)
    }


def test_caption_and_cells_with_words_are_segments_numbers_and_blanks_are_not():
    assert _table_segments(FEES) == {
        "caption": "Phí qua cửa khẩu",
        "cell-0-0": "Loại phương tiện",
        "cell-0-1": "Phí",
        "cell-1-0": "Xe máy",
        "cell-2-0": "Ô tô\ndưới 9 chỗ",
        "cell-2-1": "50.000 đ",
    }


@pytest.mark.parametrize(
    ("cell", "is_segment"),
    [
        ("", False),
        (None, False),
        (" ", False),
        ("07:00–11:00", False),
        ("24/7", False),
        ("0260 3 835 113", False),
        ("A", True),  # one letter is enough
        ("9 chỗ", True),
        ("上午", True),
        ("ເຊົ້າ", True),
        ("ព្រឹក", True),
    ],
)
def test_a_cell_is_a_segment_from_its_first_letter(cell, is_segment):
    value = {"data": [[cell]], "table_caption": ""}
    assert ("cell-0-0" in _table_segments(value)) is is_segment


def test_empty_table_has_no_segments():
    assert _table_segments(None) == {}
    assert _table_segments({"data": [], "table_caption": None}) == {}


def test_restore_writes_translations_into_their_cells_and_keeps_the_rest():
    block = TranslatableTableBlock()
    translated = block.restore_translated_segments(
        FEES,
        [
            StringSegmentValue("caption", "Border fees"),
            StringSegmentValue("cell-0-0", "Vehicle"),
            StringSegmentValue("cell-2-0", "Car\nup to 9 seats"),
        ],
    )
    assert translated["table_caption"] == "Border fees"
    assert translated["data"] == [
        ["Vehicle", "Phí", ""],
        ["Xe máy", "10.000", None],
        ["Car\nup to 9 seats", "50.000 đ", "24/7"],
    ]
    assert translated["table_header_choice"] == "row"
    assert FEES["data"][0][0] == "Loại phương tiện", "the source value was changed"


@pytest.mark.django_db  # a page looks up its content type
def test_page_segments_include_the_table_under_its_block_id():
    body = BodyBlock().to_python([{"type": "table", "value": FEES, "id": "t1"}])
    page = InformationPage(title="Phí", slug="phi", summary="", body=body)
    paths = {
        s.path: s.render_text()
        for s in extract_segments(page)
        if isinstance(s, StringSegmentValue)
    }
    assert paths["body.t1.caption"] == "Phí qua cửa khẩu"
    assert paths["body.t1.cell-1-0"] == "Xe máy"
    assert "body.t1.cell-1-1" not in paths


# A line break in a cell reaches the PO file as <br/>, as rich text does.
LAO = {
    "Phí qua cửa khẩu": "ຄ່າທຳນຽມຜ່ານດ່ານ",
    "Loại phương tiện": "ປະເພດພາຫະນະ",
    "Phí": "ຄ່າທຳນຽມ",
    "Xe máy": "ລົດຈັກ",
    "Ô tô<br/>dưới 9 chỗ": "ລົດໃຫຍ່<br/>ບໍ່ເກີນ 9 ບ່ອນນັ່ງ",
    "50.000 đ": "50.000 ດົ່ງ",
}


@pytest.mark.django_db
def test_po_export_lists_every_cell_and_its_import_translates_the_table():
    page = information(site_home(), body=[{"type": "table", "value": FEES}])
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locale("lo"))

    po = translation.export_po()
    entries = {entry.msgid: entry for entry in po}
    assert set(LAO) <= set(entries)
    assert entries["Xe máy"].msgctxt.endswith(".cell-1-0")
    assert "10.000" not in entries and "24/7" not in entries
    for msgid, entry in entries.items():
        entry.msgstr = LAO.get(msgid, msgid)
    translation.import_po(po)
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)

    lo_page = page.get_translation(locale("lo")).specific
    table = lo_page.body[0].value
    assert table["table_caption"] == "ຄ່າທຳນຽມຜ່ານດ່ານ"
    assert table["data"] == [
        ["ປະເພດພາຫະນະ", "ຄ່າທຳນຽມ", ""],
        ["ລົດຈັກ", "10.000", None],
        ["ລົດໃຫຍ່\nບໍ່ເກີນ 9 ບ່ອນນັ່ງ", "50.000 ດົ່ງ", "24/7"],
    ]
