"""Turning the demo data into field values, and translating pages.

Translations go through wagtail-localize's own models: a TranslationSource for
the Vietnamese page, a Translation per target locale, one StringTranslation per
source segment, then the translated page is written from them. So the admin's
translation editor and the "fully translated" checks see real translations.

The strings are paired by building an unsaved page from the translated data
and extracting its segments with the same extractor wagtail-localize uses: the
source and the translation share one structure (and block ids), so their
segments line up one to one.
"""

import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from .data.markup import (
    DaysFromToday,
    HoursFromNow,
    Img,
    Items,
    PageSpec,
    ProgrammeRef,
    Stream,
    T,
)
from .errors import DemoSeedError

BLOCK_ID_NAMESPACE = uuid.UUID("6f1c1f0e-4a55-4c8e-9d55-2f7d3b0c9a11")


@dataclass
class Refs:
    """Database ids the data refers to by key."""

    images: dict[str, int] = field(default_factory=dict)
    programmes: dict[str, int] = field(default_factory=dict)


def _block_id(path: str) -> str:
    return str(uuid.uuid5(BLOCK_ID_NAMESPACE, path))


def value_resolve(value, *, language: str, refs: Refs, path: str):
    """The plain value of ``value`` in ``language`` (raw JSON for streams)."""
    if isinstance(value, T):
        try:
            return value.texts[language]
        except KeyError:
            raise DemoSeedError(
                f'The demo text "{value.texts["vi"][:60]}" ({path}) has no '
                f'"{language}" version; add {language}=... to it in cms/demo/data '
                f"or remove {language} from the page's languages."
            ) from None
    if isinstance(value, Img):
        return refs.images[value.key]
    if isinstance(value, ProgrammeRef):
        return refs.programmes[value.key]
    if isinstance(value, Stream):
        return [
            {
                "type": block_type,
                "value": value_resolve(
                    block_value, language=language, refs=refs, path=f"{path}/{i}"
                ),
                "id": _block_id(f"{path}/{i}"),
            }
            for i, (block_type, block_value) in enumerate(value.blocks)
        ]
    if isinstance(value, Items):
        return [
            {
                "type": "item",
                "value": value_resolve(
                    item, language=language, refs=refs, path=f"{path}/{i}"
                ),
                "id": _block_id(f"{path}/{i}"),
            }
            for i, item in enumerate(value.items)
        ]
    if isinstance(value, DaysFromToday):
        return timezone.localdate() + timedelta(days=value.days)
    if isinstance(value, HoursFromNow):
        return timezone.now() + timedelta(hours=value.hours)
    if isinstance(value, dict):
        return {
            key: value_resolve(item, language=language, refs=refs, path=f"{path}/{key}")
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [
            value_resolve(item, language=language, refs=refs, path=f"{path}/{i}")
            for i, item in enumerate(value)
        ]
    return value


def text_fields(spec: PageSpec, *, language: str, refs: Refs) -> dict:
    """The page's translatable field values in one language."""
    return {
        name: value_resolve(
            value, language=language, refs=refs, path=f"{spec.slug}/{name}"
        )
        for name, value in spec.text.items()
    }


def _string_segments(instance) -> list[StringSegmentValue]:
    return [s for s in extract_segments(instance) if isinstance(s, StringSegmentValue)]


def _strings_pair(
    *, label: str, text: dict, source: TranslationSource, language: str, refs: Refs
) -> list[tuple[StringSegmentValue, StringSegmentValue]]:
    original = source.as_instance()
    translated = type(original)()
    for name, value in text.items():
        setattr(
            translated,
            name,
            value_resolve(value, language=language, refs=refs, path=f"{label}/{name}"),
        )
    source_segments = _string_segments(original)
    translated_segments = _string_segments(translated)
    source_paths = [s.path for s in source_segments]
    translated_paths = [s.path for s in translated_segments]
    if source_paths != translated_paths:
        missing = sorted(set(source_paths) ^ set(translated_paths))
        raise DemoSeedError(
            f'The {language} text of demo item "{label}" does not have the '
            f"shape of the Vietnamese one ({len(source_paths)} strings against "
            f"{len(translated_paths)}; differing fields: {', '.join(missing) or '-'})."
            " Give both the same paragraphs and list items in cms/demo/data."
        )
    return list(zip(source_segments, translated_segments, strict=True))


@transaction.atomic
def translation_publish(
    *,
    instance,
    label: str,
    text: dict,
    locale: Locale,
    refs: Refs,
    translator: AbstractBaseUser | None,
    publisher: AbstractBaseUser,
):
    """Translate a Vietnamese page or snippet into ``locale`` and publish it.

    ``text`` holds its translatable fields as demo data (values may be ``T``).
    Returns the existing translation untouched if it is already live.
    """
    existing = instance.get_translation_or_none(locale)
    if (
        existing is not None
        and existing.live
        and getattr(existing, "alias_of_id", None) is None
    ):
        return existing.specific if isinstance(existing, Page) else existing
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    Translation.objects.get_or_create(source=source, target_locale=locale)
    pairs = _strings_pair(
        label=label,
        text=text,
        source=source,
        language=locale.language_code,
        refs=refs,
    )
    stored = {
        segment.order: segment
        for segment in StringSegment.objects.filter(source=source).select_related(
            "string", "context"
        )
    }
    for original, translated in pairs:
        segment = stored[original.order]
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": translated.string.data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": translator,
                "has_error": False,
            },
        )
    # fallback=True only lets a related snippet without a translation (an
    # embedded programme) point at the Vietnamese one; every string is stored.
    target, _created = source.create_or_update_translation(
        locale, user=translator or publisher, publish=False, fallback=True
    )
    target.get_latest_revision().publish(user=publisher)
    if isinstance(target, Page):
        return Page.objects.get(pk=target.pk).specific
    return type(target).objects.get(pk=target.pk)


def page_translate(
    *,
    page: Page,
    spec: PageSpec,
    locale: Locale,
    refs: Refs,
    translator: AbstractBaseUser | None,
    publisher: AbstractBaseUser,
) -> Page:
    """Translate a Vietnamese demo page into ``locale`` and publish it."""
    return translation_publish(
        instance=page,
        label=spec.slug,
        text=spec.text,
        locale=locale,
        refs=refs,
        translator=translator,
        publisher=publisher,
    )
