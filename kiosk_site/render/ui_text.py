"""The kiosk's own interface strings, through gettext (msgids in English).

The kiosk builder has no Django; its catalogues are
`locale/<lang>/LC_MESSAGES/kiosk.po`, compiled to `kiosk.mo` with `msgfmt`
and loaded with `gettext.translation(..., fallback=True)`. A string missing
from a locale's catalogue falls back to the cluster's source language, then
to the English msgid, and the page marks it with that language's `lang`. A
locale with no translated string at all (e.g. Bahnar today) shows its whole
chrome in the source language, marked on the chrome's containers.
"""

from __future__ import annotations

import functools
import gettext
from collections.abc import Callable, Iterable

from markupsafe import Markup, escape

from kiosk_site.config import PACKAGE_DIR

LOCALE_DIR = PACKAGE_DIR / "locale"
DOMAIN = "kiosk"

# Every msgid the templates and the renderer use; the catalogues translate
# these (a test keeps them, the templates and the .po files in step).
MESSAGES: tuple[str, ...] = (
    "Home",
    "Back",
    "Language",
    "Choose your language",
    "Search",
    "Search this kiosk",
    "Type with the keyboard below",
    "Clear",
    "No results",
    "Results",
    "Feedback",
    "Your message",
    "Contact (optional)",
    "I agree that my contact is stored to reply to me.",
    "Send",
    "Thank you, your message was sent.",
    "Saved. It will be sent when the connection returns.",
    "Please write a message.",
    "Please agree to the consent line to leave a contact.",
    "Scan to read on your phone",
    "Touch to start",
    "Emergency",
    "I understand",
    "Notices",
    "Opening hours",
    "Closed",
    "Fees",
    "Address",
    "Dates",
    "Venue",
    "Border gate",
    "Documents needed",
    "Gate hours",
    "Where to go",
    "Source",
    "Provided by",
    "Video not available on this kiosk",
    "This video is being prepared. Please come back later.",
    "Kiosk navigation",
    "Keyboard",
    "Close",
    "Electronic information cluster",
    "Text size",
)

# The CMS's default site name (its SITE_NAME, which the snapshot carries as
# `site_name` in the source language): shown translated in every locale.
DEFAULT_SITE_NAME = "Electronic information cluster"


def catalogue_name(locale: str) -> str:
    """Folder of a locale's catalogue: BCP 47 `zh-hans` -> gettext `zh_Hans`."""
    lang, _, rest = locale.partition("-")
    if not rest:
        return lang
    return f"{lang}_{rest.title() if len(rest) == 4 else rest.upper()}"


@functools.cache
def translation(locale: str) -> gettext.NullTranslations:
    """The compiled catalogue of `locale` (a no-op one if it has none)."""
    return gettext.translation(
        DOMAIN,
        localedir=str(LOCALE_DIR),
        languages=[catalogue_name(locale)],
        fallback=True,
    )


def _lookup(message: str, chain: Iterable[str]) -> tuple[str, str]:
    """(text, its language): the first catalogue in `chain` that translates
    `message`, else the English msgid."""
    for lang in chain:
        text = translation(lang).gettext(message)
        # gettext hands back the msgid object itself when it has no entry.
        if text is not message:
            return text, lang
    return message, "en"


class UIText(str):
    """A translated string that knows its language.

    In attributes and in Python it is plain text. In element content (Jinja's
    autoescape calls `__html__`) a string that fell back to another language
    than the page chrome's is wrapped in `<span lang="...">`. Templates put
    such strings in attributes through the `plain` filter, which drops the
    wrapper.
    """

    lang: str
    marked: bool
    html: Markup

    def __new__(cls, text: str, lang: str, marked: bool) -> UIText:
        obj = super().__new__(cls, text)
        obj.lang = lang
        obj.marked = marked
        obj.html = escape(text)
        if marked:
            obj.html = Markup('<span lang="{}">{}</span>').format(lang, obj.html)
        return obj

    def __html__(self) -> Markup:
        return self.html


def plain(value: object) -> str:
    """Jinja filter: the text of a UIText without its lang wrapper (attributes)."""
    return str.__str__(value) if isinstance(value, str) else str(value)


@functools.cache
def has_catalogue(locale: str) -> bool:
    """Whether `locale`'s catalogue translates anything (English always does)."""
    return locale == "en" or any(
        translation(locale).gettext(m) is not m for m in MESSAGES
    )


def ui_language(locale: str, fallback: str) -> str:
    """The language the chrome is shown in for `locale`."""
    if has_catalogue(locale):
        return locale
    return fallback if has_catalogue(fallback) else "en"


@functools.cache
def gettext_for(locale: str, fallback: str | None = None) -> Callable[[str], UIText]:
    """A gettext callable for chrome in `locale`: a missing string comes from
    `fallback`'s catalogue (the cluster's source language), else the English
    msgid, marked with the language it is in. Answers are kept: every page
    asks for the same few dozen strings."""
    chain = (locale,) if locale == "en" else (locale, fallback or "en")
    seen: dict[str, UIText] = {}

    def gettext(message: str) -> UIText:
        found = seen.get(message)
        if found is None:
            text, lang = _lookup(message, chain)
            found = seen[message] = UIText(text, lang, lang != locale)
        return found

    return gettext


@functools.cache
def _default_site_names() -> frozenset[str]:
    """The default site name in every catalogue's language and in English."""
    names = {DEFAULT_SITE_NAME}
    for po in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"):
        names.add(translation(po.parent.parent.name).gettext(DEFAULT_SITE_NAME))
    return frozenset(names)


def site_name(name: str, locale: str, source: str) -> UIText:
    """The site's name on `locale`'s screens.

    The default name (as the CMS sends it, in any catalogue's language) is
    translated like every other interface string; a province's own name is
    shown as written, marked with the source language it is written in.
    """
    if name in _default_site_names():
        return gettext_for(locale, source)(DEFAULT_SITE_NAME)
    return UIText(name, source, source != locale)


def ui_texts(langs: Iterable[str]) -> list[str]:
    """Every interface string shown in `langs` (for the font subsets)."""
    out = list(MESSAGES)
    for lang in langs:
        out += [translation(lang).gettext(m) for m in MESSAGES]
    return out
