from django.urls import path
from wagtail import hooks

from .views import preview_file


@hooks.register("register_admin_urls")
def kiosk_preview_urls():
    return [
        path(
            "kiosk-preview/<slug:code>/<path:path>",
            preview_file,
            name="kiosk_preview_file",
        ),
        path(
            "kiosk-preview/<slug:code>/",
            preview_file,
            {"path": ""},
            name="kiosk_preview_root",
        ),
    ]
