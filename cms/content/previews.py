"""Preview modes other apps add to the kiosk pages' "Preview" menu.

The pages list the modes registered here and hand a preview to its mode's
renderer, both looked up when an editor previews. An app that can show a page
its own way registers a mode in its ``AppConfig.ready()`` (the kiosks app adds
"kiosk", the page as the kiosk renderer draws it), so the page models never
import the apps that preview them. This module imports nothing from the project.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse


@dataclass(frozen=True)
class PreviewMode:
    name: str
    label: str
    render: Callable[[HttpRequest, object], HttpResponse]


_modes: dict[str, PreviewMode] = {}


def preview_mode_register(
    *, name: str, label: str, render: Callable[[HttpRequest, object], HttpResponse]
) -> None:
    """Offer ``name`` in the preview menu; ``render(request, page)`` answers it.

    Registering a name again replaces the earlier mode, keeping its place.
    """
    _modes[name] = PreviewMode(name=name, label=label, render=render)


def preview_modes() -> list[PreviewMode]:
    """The registered modes, in the order they were registered."""
    return list(_modes.values())


def preview_mode(name: str) -> PreviewMode | None:
    return _modes.get(name)
