"""API v2 field serializers: rich text as front-end HTML, agencies inline.

Imported by the page models' ``api_fields``; must not import ``cms.content``.
"""

from rest_framework import serializers
from wagtail import blocks
from wagtail.rich_text import expand_db_html


def block_to_api(block, value):
    """A block value as the API shows it, with every rich text as HTML."""
    if isinstance(block, blocks.RichTextBlock):
        return expand_db_html(value.source) if value else ""
    if isinstance(block, blocks.StreamBlock):
        return [
            {
                "type": child.block_type,
                "id": child.id,
                "value": block_to_api(child.block, child.value),
            }
            for child in value
        ]
    if isinstance(block, blocks.StructBlock):
        return {
            name: block_to_api(block.child_blocks[name], item)
            for name, item in value.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [block_to_api(block.child_block, item) for item in value]
    return block.get_api_representation(value)


class RichTextHTMLField(serializers.Field):
    """A RichTextField as HTML with internal links and embeds expanded."""

    def to_representation(self, value):
        return expand_db_html(value or "")


class StreamHTMLField(serializers.Field):
    """A StreamField as a list of blocks, rich text blocks as HTML."""

    def to_representation(self, value):
        return block_to_api(value.stream_block, value)


class AgencyField(serializers.Field):
    def to_representation(self, value):
        if value is None:
            return None
        return {"name": value.name, "short_name": value.short_name, "kind": value.kind}
