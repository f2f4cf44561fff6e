"""Both kiosk servers name every file type a build writes, mime.types or not."""

from __future__ import annotations

import mimetypes

import pytest

from kiosk_site.build.media import EXTENSIONS


def _handlers():
    from kiosk_site import serve as kiosk_serve
    from kiosk_site.agent import serve as agent_serve

    agent_handlers = [
        obj
        for obj in vars(agent_serve).values()
        if isinstance(obj, type)
        and hasattr(obj, "extensions_map")
        and obj.__module__ == agent_serve.__name__
    ]
    assert agent_handlers, "the agent's request handler was not found"
    return [kiosk_serve.KioskHandler, *agent_handlers]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("subtitles.lo.vtt", "text/vtt"),
        ("a1b2.mp4", "video/mp4"),
        ("poster.jpg", "image/jpeg"),
        ("assets/fonts.css", "text/css"),
        ("search/vi/terms.json", "application/json"),
    ]
    + [(f"media/x{ext}", ctype) for ctype, ext in EXTENSIONS.items()],
)
def test_content_type_does_not_depend_on_system_mime_types(monkeypatch, name, expected):
    # Python's built-in table only, as on a kiosk PC without /etc/mime.types.
    monkeypatch.setattr(mimetypes, "_db", mimetypes.MimeTypes())
    for handler in _handlers():
        handler_obj = handler.__new__(handler)
        assert handler_obj.guess_type(name).split(";")[0] == expected, handler
