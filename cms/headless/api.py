"""Wagtail API v2 at /api/v2/: pages, images, documents.

Pages are filtered through the same visibility rule as the kiosk snapshot: a
page that is not live, is an alias, or still carries untranslated source text
is not listed (nor anything below it). ``?locale=lo`` filters by locale.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from .selectors import visible_page_ids


class VisiblePagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        return super().get_base_queryset().filter(pk__in=visible_page_ids())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", VisiblePagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
