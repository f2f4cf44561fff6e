"""The image library's upload form, refusing decompression bombs politely.

Wagtail counts an upload's pixels through Pillow, and Pillow itself raises
DecompressionBombError for an image far past the limit (cms.core sets it), so
Wagtail's own check never sees such a file and the upload would fail with a
server error. This field turns that refusal into the form error an editor
sees for any image with too many pixels.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class BombSafeImageField(WagtailImageField):
    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except Image.DecompressionBombError as err:
            raise ValidationError(
                _(
                    'The image "%(name)s" has far more than %(max_pixels)s pixels; '
                    "scale it down and upload it again."
                ),
                code="file_too_many_pixels",
                params={
                    "name": f.name,
                    "max_pixels": settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS,
                },
            ) from err


class ImageForm(BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE: every image upload goes through it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Made per form, as Wagtail makes its own, so the field reads the
        # upload limits from settings at request time.
        wagtail_field = self.fields.get("file")
        if wagtail_field is not None:  # the multiple upload's edit form has none
            self.fields["file"] = BombSafeImageField(
                label=wagtail_field.label,
                required=wagtail_field.required,
                widget=wagtail_field.widget,
            )
