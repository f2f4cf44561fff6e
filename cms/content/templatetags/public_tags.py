"""Template tags for the public portal pages (the pages kiosk QR codes open).

Interface words are looked up in the reader's language; where that language's
catalogue lacks a word (Bahnar has few), Django falls back to Vietnamese, and
the fragment is marked with its real ``lang`` so screen readers and fonts
handle it properly.
"""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import trans_real

from cms.content.blocks import WEEKDAYS, HotlineBlock
from cms.core.categories import Category

register = template.Library()

UI = {
    "home": _("Home"),
    "back": _("Back"),
    "skip": _("Skip to content"),
    "languages": _("Languages"),
    "breadcrumb": _("You are here"),
    "category": _("Category"),
    "provided_by": _("Provided by"),
    "source": _("Source"),
    "address": _("Address"),
    "opening_hours": _("Opening hours"),
    "fees": _("Fees"),
    "closed": _("Closed"),
    "when": _("When"),
    "venue": _("Venue"),
    "border_gate": _("Border gate"),
    "documents_needed": _("Documents needed"),
    "gate_hours": _("Gate opening hours"),
    "where_to_go": _("Where to go"),
    "call": _("Call"),
    "severity": _("Severity"),
    "expires": _("Valid until"),
    "updated": _("Last updated"),
    "in_this_section": _("In this section"),
    "map": _("Map"),
}

# The default WAGTAIL_SITE_NAME, in English as a msgid (the kiosk's catalogues
# use the same one): shown translated on every page; a province's own name is
# shown as written.
DEFAULT_SITE_NAME = "Electronic information cluster"

HOTLINE_KINDS = dict(HotlineBlock.KINDS)
DAYS = dict(WEEKDAYS)


def _language_of(msgid: str) -> str:
    """The language the active catalogue really gives ``msgid`` in."""
    current = translation.get_language() or "vi"
    if current.startswith("en"):
        return current
    if msgid in trans_real.translation(current)._catalog:
        return current
    fallback = settings.LANGUAGE_CODE
    if msgid in trans_real.translation(fallback)._catalog:
        return fallback
    return "en"


def _marked(label) -> str:
    """A translated label, wrapped in a lang span if it fell back."""
    text = str(label)
    msgid = getattr(label, "_args", (text,))[0]
    language = _language_of(msgid)
    if language == translation.get_language():
        return format_html("{}", text)
    return format_html('<span lang="{}">{}</span>', language, text)


@register.simple_tag
def ui(key: str) -> str:
    """An interface word by key, e.g. ``{% ui "home" %}``."""
    return _marked(UI[key])


@register.simple_tag
def category_label(value: str) -> str:
    try:
        return _marked(Category(value).label)
    except ValueError:
        return value


@register.simple_tag
def hotline_kind_label(value: str) -> str:
    label = HOTLINE_KINDS.get(value)
    return _marked(label) if label is not None else value


@register.simple_tag
def choice_label(page, field: str) -> str:
    """The label of a choice field (severity, kind of place), marked."""
    value = getattr(page, field)
    choices = dict(page._meta.get_field(field).flatchoices)
    label = choices.get(value)
    return _marked(label) if label is not None else value


@register.simple_tag
def day_labels(days) -> str:
    return format_html_join(", ", "{}", ((_marked(DAYS[d]),) for d in days or []))


@register.simple_tag
def page_language_links(page):
    """Links to this page in the other languages it is shown in."""
    from cms.headless.selectors import page_is_publicly_visible

    links = []
    for other in page.get_translations(inclusive=True).live().select_related("locale"):
        if other.pk != page.pk and not page_is_publicly_visible(other):
            continue
        code = other.locale.language_code
        info = translation.get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": other.get_url(),
                "current": other.pk == page.pk,
            }
        )
    return links


@register.simple_tag
def source_language() -> str:
    """The language of untranslated data such as agency names."""
    return settings.LANGUAGE_CODE


def _default_site_names() -> set[str]:
    """The default site name in English and in every content language."""
    names = {DEFAULT_SITE_NAME}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            names.add(translation.gettext(DEFAULT_SITE_NAME))
    return names


@register.simple_tag
def site_name(site) -> str:
    """The site's name for the page title, in the reader's language.

    Plain text (no lang span): it goes into ``<title>``.
    """
    name = getattr(site, "site_name", "") or ""
    if name in _default_site_names():
        return translation.gettext(DEFAULT_SITE_NAME)
    return name
