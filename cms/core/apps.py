from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from PIL import Image


class CoreConfig(AppConfig):
    name = "cms.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        # Pillow refuses to decode an image of more than twice this many
        # pixels (a decompression bomb: a few KB of PNG declaring 20000x20000)
        # wherever it is opened; Wagtail's upload form refuses past it.
        Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
