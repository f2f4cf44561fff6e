import copy

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtail_localize.segments import StringSegmentValue

WEEKDAYS = [
    ("mon", _("Monday")),
    ("tue", _("Tuesday")),
    ("wed", _("Wednesday")),
    ("thu", _("Thursday")),
    ("fri", _("Friday")),
    ("sat", _("Saturday")),
    ("sun", _("Sunday")),
    ("hol", _("Public holidays")),
]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt = blocks.CharBlock(
        label=_("alternative text"),
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False)
    images = blocks.ListBlock(ImageBlock(), min_num=1, label=_("images"))

    class Meta:
        icon = "image"
        label = _("Gallery")


class ContactCardBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("name"))
    role = blocks.CharBlock(label=_("role"), required=False)
    phone = blocks.CharBlock(label=_("phone"), required=False)
    email = blocks.EmailBlock(label=_("e-mail"), required=False)
    address = blocks.TextBlock(label=_("address"), required=False)

    class Meta:
        icon = "user"
        label = _("Contact card")


class OpeningPeriodBlock(blocks.StructBlock):
    days = blocks.MultipleChoiceBlock(choices=WEEKDAYS, label=_("days"))
    opens = blocks.TimeBlock(label=_("opens"), required=False)
    closes = blocks.TimeBlock(label=_("closes"), required=False)
    closed = blocks.BooleanBlock(label=_("closed"), required=False)
    note = blocks.CharBlock(label=_("note"), required=False)

    class Meta:
        icon = "time"
        label = _("Opening period")


class OpeningHoursBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), required=False)
    periods = blocks.ListBlock(OpeningPeriodBlock(), min_num=1, label=_("periods"))

    class Meta:
        icon = "time"
        label = _("Opening hours")


class ProgrammeBlock(blocks.StructBlock):
    programme = SnippetChooserBlock("programmes.Programme", label=_("programme"))
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "media"
        label = _("Programme (video)")


class HotlineBlock(blocks.StructBlock):
    KINDS = [
        ("police", _("Police")),
        ("medical", _("Medical emergency")),
        ("fire", _("Fire and rescue")),
        ("border_post", _("Border post")),
        ("tourist", _("Tourist help")),
        ("other", _("Other")),
    ]
    kind = blocks.ChoiceBlock(choices=KINDS, label=_("kind"))
    name = blocks.CharBlock(label=_("name"))
    phone = blocks.CharBlock(label=_("phone"))
    hours = blocks.CharBlock(label=_("hours"), required=False, help_text=_("e.g. 24/7"))
    note = blocks.CharBlock(label=_("note"), required=False)

    class Meta:
        icon = "mobile-alt"
        label = _("Hotline")


def _has_words(text) -> bool:
    """Whether a cell holds words to translate (not only numbers, times, signs)."""
    return isinstance(text, str) and any(char.isalpha() for char in text)


def table_cell_path(row: int, col: int) -> str:
    """The segment path of one table cell, as wagtail-localize stores it."""
    return f"cell-{row}-{col}"


class TranslatableTableBlock(TableBlock):
    """A table whose caption and cells are translated one segment each.

    wagtail-localize 1.14 extracts nothing from a TableBlock (its issue #302);
    it asks any block that has ``get_translatable_segments`` and
    ``restore_translated_segments`` for its segments instead (segments/extract.py
    and ingest.py). Cells without a letter (times, prices, blanks) stay as they
    are in every language. A cell is addressed by its row and column (the
    table editor keeps no ids for rows), so a row inserted above moves the
    cells below to new addresses and translators see them as new strings.
    """

    def get_translatable_segments(self, value) -> list[StringSegmentValue]:
        if not value:
            return []
        segments = []
        if _has_words(value.get("table_caption")):
            segments.append(StringSegmentValue("caption", value["table_caption"]))
        for row, cells in enumerate(value.get("data") or []):
            for col, cell in enumerate(cells or []):
                if _has_words(cell):
                    segments.append(StringSegmentValue(table_cell_path(row, col), cell))
        return segments

    def restore_translated_segments(self, value, segments):
        texts = {segment.path: segment.render_text() for segment in segments}
        translated = copy.deepcopy(value)
        if "caption" in texts:
            translated["table_caption"] = texts["caption"]
        for row, cells in enumerate(translated.get("data") or []):
            for col in range(len(cells or [])):
                path = table_cell_path(row, col)
                if path in texts:
                    cells[col] = texts[path]
        return translated

    class Meta:
        icon = "table"
        label = _("Table")


class BodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        label=_("Text"),
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"],
    )
    image = ImageBlock()
    gallery = GalleryBlock()
    table = TranslatableTableBlock(
        label=_("Table"),
        help_text=_(
            "Translators translate the caption and every cell with words; "
            "times, prices and empty cells stay the same in every language."
        ),
    )
    contact = ContactCardBlock()
    opening_hours = OpeningHoursBlock()
    programme = ProgrammeBlock()

    class Meta:
        label = _("Body")
