"""Reads shared by the Wagtail API and the kiosk snapshot: what may be shown.

A page may be shown when it is live, is not inside the subtree of a page that
may not be shown, and - in a locale other than the source language - is a real,
finished translation: not an alias of the source, and not carrying source text
that nobody translated.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

# Text with no letter at all (phone numbers, times, "24/7") reads the same in
# every language, so leaving it as in the source is not a missing translation.
_HAS_LETTER = re.compile(r"[^\W\d_]")


def source_language() -> str:
    """The language editors write in; its pages need no translation."""
    return settings.LANGUAGE_CODE


def _string_segments(instance) -> list[StringSegmentValue]:
    return [
        segment
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
        and _HAS_LETTER.search(segment.string.data)
    ]


def _source_for(page: Page) -> TranslationSource | None:
    """The wagtail-localize source this page was translated from, if any."""
    sources = TranslationSource.objects.filter(object_id=page.translation_key).exclude(
        locale_id=page.locale_id
    )
    preferred = sources.filter(locale__language_code=source_language()).first()
    return preferred or sources.first()


def _unconfirmed_source_strings(
    source: TranslationSource, locale_id: int
) -> dict[str, set[str]]:
    """Source text per field path that no translator has confirmed for a locale.

    A translator may keep a string as it is (a proper name); wagtail-localize
    then holds a StringTranslation equal to the source, which confirms it.
    """
    segments = list(
        StringSegment.objects.filter(source=source).select_related("string", "context")
    )
    confirmed = set(
        StringTranslation.objects.filter(
            locale_id=locale_id,
            has_error=False,
            translation_of_id__in={segment.string_id for segment in segments},
        ).values_list("translation_of_id", "context_id", "data")
    )
    unconfirmed: dict[str, set[str]] = defaultdict(set)
    for segment in segments:
        data = segment.string.data
        if (segment.string_id, segment.context_id, data) not in confirmed:
            unconfirmed[segment.context.path].add(data)
    return unconfirmed


def page_is_fully_translated(page: Page) -> bool:
    """Whether a page's live content is a finished translation.

    Source-language pages are always "translated". A page in another locale is
    not when it is an alias of the source, when its live content still carries
    a source string that the translator never translated (wagtail-localize
    publishes missing strings as the source text), or - for a copy made without
    wagtail-localize - when none of its text differs from the source page.
    """
    if page.locale.language_code == source_language():
        return True
    if page.alias_of_id is not None:
        return False
    # wagtail-localize writes unpublished translations into the page row, so
    # both the row and the published revision must be finished translations.
    targets = [page.specific]
    if page.live_revision_id is not None and (
        page.has_unpublished_changes or page.live_revision_id != page.latest_revision_id
    ):
        targets.append(page.live_revision.as_object())
    source = _source_for(page)
    if source is not None:
        unconfirmed = _unconfirmed_source_strings(source, page.locale_id)
        return not any(
            segment.string.data in unconfirmed.get(segment.path, ())
            for target in targets
            for segment in _string_segments(target)
        )
    original = (
        Page.objects.filter(
            translation_key=page.translation_key,
            locale__language_code=source_language(),
        )
        .exclude(pk=page.pk)
        .first()
    )
    if original is None:
        # Written directly in this locale: nothing to compare with.
        return True
    source_text = {(s.path, s.string.data) for s in _string_segments(original.specific)}
    for target in targets:
        target_text = {(s.path, s.string.data) for s in _string_segments(target)}
        if target_text and target_text <= source_text:
            return False
    return True


# What identifies a page's content for the cached translation verdict.
_VERSION_FIELDS = (
    "latest_revision_created_at",
    "latest_revision_id",
    "live_revision_id",
    "has_unpublished_changes",
    "title",
)


def _translation_stamp() -> str:
    """Changes whenever any translation source or translated string changes."""
    strings = StringTranslation.objects.aggregate(n=Count("pk"), last=Max("updated_at"))
    sources = TranslationSource.objects.aggregate(
        n=Count("pk"), last=Max("last_updated_at")
    )
    return f"{strings['n']}:{strings['last']}:{sources['n']}:{sources['last']}"


def _cached_is_fully_translated(pk: int, version: tuple, stamp: str) -> bool:
    """:func:`page_is_fully_translated`, cached while the page's revisions and
    all translation data stay the same (the check reads every segment)."""
    if version[0] is None:  # never revised: nothing reliable to key on
        return page_is_fully_translated(Page.objects.get(pk=pk))
    key = (
        "headless:translated:"
        + hashlib.sha256(repr((pk, version, stamp)).encode()).hexdigest()
    )
    verdict = cache.get(key)
    if verdict is None:
        verdict = page_is_fully_translated(Page.objects.get(pk=pk))
        cache.set(key, verdict, timeout=3600)
    return verdict


def visible_page_ids(*, language_codes: list[str] | None = None) -> set[int]:
    """Ids of every page that may be shown publicly, optionally in some locales.

    A page that is not live, is an alias, or is not fully translated hides its
    whole subtree. The tree root (depth 1) is never shown.
    """
    pages = Page.objects.filter(depth__gt=1)
    if language_codes is not None:
        pages = pages.filter(locale__language_code__in=language_codes)
    rows = pages.order_by("path").values_list(
        "pk",
        "path",
        "live",
        "alias_of_id",
        "locale__language_code",
        *_VERSION_FIELDS,
    )
    source = source_language()
    stamp = _translation_stamp()
    visible: set[int] = set()
    hidden_prefix: str | None = None
    for pk, path, live, alias_of_id, language_code, *version in rows:
        # Ordered by path, so a hidden page's descendants follow it directly.
        if hidden_prefix is not None and path.startswith(hidden_prefix):
            continue
        hidden_prefix = None
        shown = live and (
            language_code == source
            or (
                alias_of_id is None
                and _cached_is_fully_translated(pk, tuple(version), stamp)
            )
        )
        if shown:
            visible.add(pk)
        else:
            hidden_prefix = path
    return visible


def visible_pages():
    """Queryset of the pages :func:`visible_page_ids` allows."""
    return Page.objects.filter(pk__in=visible_page_ids())


def page_is_publicly_visible(page: Page) -> bool:
    """Whether one page may be served: it and every ancestor pass the rules of
    :func:`visible_page_ids` (cheaper than computing the whole set)."""
    chain = [*page.get_ancestors().filter(depth__gt=1), page]
    source = source_language()
    stamp = _translation_stamp()
    return all(
        p.live
        and (
            p.locale.language_code == source
            or (
                p.alias_of_id is None
                and _cached_is_fully_translated(p.pk, _version(p), stamp)
            )
        )
        for p in chain
    )


def _version(page: Page) -> tuple:
    return tuple(getattr(page, field) for field in _VERSION_FIELDS)
