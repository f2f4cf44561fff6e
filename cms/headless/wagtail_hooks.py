from django.http import Http404
from wagtail import hooks

from .selectors import page_is_publicly_visible


@hooks.register("before_serve_page")
def hide_unfinished_translations(page, request, serve_args, serve_kwargs):
    """The public portal shows exactly what the API and the snapshot show."""
    if not page_is_publicly_visible(page):
        raise Http404("This page is not published in this language yet.")
