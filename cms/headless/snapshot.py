"""The content snapshot of one cluster (kiosk_site/schema/snapshot-1.schema.json).

Read-only: gathers what may be shown on a cluster and lays it out as the
schema says. The only write is the cached sha256 of media files.
"""

from __future__ import annotations

import hashlib
import json
import logging
import unicodedata
from datetime import datetime

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import get_language_info
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from cms.broadcasting.playlists.selectors import cluster_plans
from cms.broadcasting.windows import clock
from cms.content.models import (
    BorderProcedurePage,
    EventPage,
    HomePage,
    HotlinesPage,
    InformationPage,
    KioskPage,
    NoticePage,
    PlacePage,
    SectionPage,
)
from cms.core.categories import Category
from cms.programmes.models import Programme, Rendition
from cms.programmes.selectors import programme_kiosk_playable

from .render import (
    HOTLINE_KIND_LABELS,
    RenderContext,
    hours_data,
    plain_text,
    rich_text_html,
    stream_html,
)
from .selectors import source_language, visible_page_ids
from .services import file_digest_get_or_compute

SCHEMA_VERSION = 1
logger = logging.getLogger(__name__)

PAGE_TYPES = {
    HomePage: "home",
    SectionPage: "section",
    InformationPage: "information",
    PlacePage: "place",
    EventPage: "event",
    BorderProcedurePage: "border_procedure",
    HotlinesPage: "hotlines",
    NoticePage: "notice",
}


def canonical_json(value) -> bytes:
    """Keys sorted, no whitespace, UTF-8: the form every hash is taken over."""
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    ).encode("utf-8")


def content_hash(value) -> str:
    return "sha256:" + hashlib.sha256(canonical_json(value)).hexdigest()


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _agency(agency) -> dict | None:
    if agency is None:
        return None
    return {"name": agency.name, "short_name": agency.short_name, "kind": agency.kind}


def _stored(file) -> bool:
    return bool(file.name) and file.storage.exists(file.name)


class _StoredFile:
    """A stored file that no model field holds (a rendition's WebVTT track),
    shaped like a FieldFile for media_file()."""

    def __init__(self, storage, name: str):
        self.storage = storage
        self.name = name

    @property
    def url(self) -> str:
        return self.storage.url(self.name)


def _float(value) -> float | None:
    return float(value) if value is not None else None


def cluster_languages(cluster) -> list[str]:
    """The cluster's languages in the province's order, source language first."""
    languages = cluster.ordered_languages
    source = source_language()
    return [source, *[code for code in languages if code != source]]


def _cluster_block(cluster) -> dict:
    return {
        "code": cluster.code,
        "name": cluster.name,
        "kind": cluster.kind,
        "place": cluster.place,
        "latitude": _float(cluster.latitude),
        "longitude": _float(cluster.longitude),
        "operating_agency": _agency(cluster.operating_agency),
        "languages": cluster_languages(cluster),
        "source_language": source_language(),
        "kiosks": [
            {
                "code": kiosk.code,
                "name": kiosk.name,
                "screen_inches": float(kiosk.screen_inches),
                "width_px": kiosk.width_px,
                "height_px": kiosk.height_px,
                "orientation": kiosk.orientation,
                "idle_timeout_s": kiosk.idle_timeout_s,
            }
            for kiosk in cluster.kiosks.all()
        ],
        "led_faces": [
            {
                "code": face.code,
                "name": face.name,
                "width_px": face.width_px,
                "height_px": face.height_px,
                "fps": float(face.fps),
                "max_kbps": face.max_kbps,
                "has_sound": face.has_sound,
            }
            for face in cluster.led_faces.all()
        ],
    }


def _locale_entry(code: str) -> dict:
    info = get_language_info(code)
    return {
        "code": code,
        "name_local": info["name_local"],
        "name_en": info["name"],
        "direction": "rtl" if info["bidi"] else "ltr",
    }


def _categories(languages: list[str]) -> dict:
    labels: dict[str, dict[str, str]] = {value: {} for value in Category.values}
    for code in languages:
        with translation.override(code):
            for value, label in Category.choices:
                labels[value][code] = str(label)
    return {
        value: {"parent": Category.parent_of(value), "labels": labels[value]}
        for value in Category.values
    }


def _home_fields(page: HomePage, ctx: RenderContext) -> dict:
    return {
        "welcome": page.welcome,
        "intro_html": rich_text_html(page.intro, ctx),
    }


def _section_fields(page: SectionPage, ctx: RenderContext) -> dict:
    return {"intro": page.intro, "icon": page.icon}


def _place_fields(page: PlacePage, ctx: RenderContext) -> dict:
    code = ctx.language_code
    with translation.override(code):
        kind_label = str(PlacePage.Kind(page.place_kind).label)
    return {
        "place_kind": page.place_kind,
        "place_kind_label": kind_label,
        "latitude": float(page.latitude),
        "longitude": float(page.longitude),
        "address": page.address,
        "opening_hours": hours_data(page.opening_hours, code),
        "fees": page.fees,
    }


def _event_fields(page: EventPage, ctx: RenderContext) -> dict:
    return {
        "start_date": page.start_date.isoformat(),
        "end_date": page.end_date.isoformat(),
        "venue": page.venue,
    }


def _border_procedure_fields(page: BorderProcedurePage, ctx: RenderContext) -> dict:
    return {
        "gate_name": page.gate_name,
        "documents_needed_html": rich_text_html(page.documents_needed, ctx),
        "gate_hours": hours_data(page.gate_hours, ctx.language_code),
        "fees_html": rich_text_html(page.fees, ctx),
        "where_to_go_html": rich_text_html(page.where_to_go, ctx),
    }


def _hotline_entry(child) -> dict:
    return {
        "kind": child.value["kind"],
        "kind_label": str(
            HOTLINE_KIND_LABELS.get(child.value["kind"], child.value["kind"])
        ),
        "name": child.value["name"],
        "phone": child.value["phone"],
        "hours": child.value.get("hours") or "",
        "note": child.value.get("note") or "",
    }


def _hotlines_fields(page: HotlinesPage, ctx: RenderContext) -> dict:
    with translation.override(ctx.language_code):
        hotlines = [_hotline_entry(child) for child in page.hotlines]
    return {"intro": page.intro, "hotlines": hotlines}


def _notice_fields(page: NoticePage, ctx: RenderContext) -> dict:
    with translation.override(ctx.language_code):
        severity_label = str(NoticePage.Severity(page.severity).label)
    return {
        "severity": page.severity,
        "severity_label": severity_label,
        "valid_from": _iso(page.valid_from),
        "expires_at": _iso(page.expires_at),
    }


# Checked in this order, by isinstance; a page of no listed type has no fields.
TYPE_FIELDS = [
    (HomePage, _home_fields),
    (SectionPage, _section_fields),
    (PlacePage, _place_fields),
    (EventPage, _event_fields),
    (BorderProcedurePage, _border_procedure_fields),
    (HotlinesPage, _hotlines_fields),
    (NoticePage, _notice_fields),
]


def _is_targeted(page, cluster, now) -> bool:
    if isinstance(page, NoticePage) and page.expires_at and page.expires_at <= now:
        return False
    return page.all_clusters or any(
        c.pk == cluster.pk for c in page.target_clusters.all()
    )


def _live_version(page):
    """The page as last published, when its row holds unpublished changes."""
    if page.live_revision_id is None or not (
        page.has_unpublished_changes or page.live_revision_id != page.latest_revision_id
    ):
        return page
    live = page.live_revision.as_object()
    live.last_published_at = page.last_published_at
    live.live_revision_id = page.live_revision_id
    return live


def _select_pages(cluster, languages: list[str], now) -> list[Page]:
    """Visible pages of the cluster's locales that are targeted at it, in tree
    order; home and section pages only when something below them is shown."""
    visible = visible_page_ids(language_codes=languages)
    pages = list(
        Page.objects.filter(pk__in=visible)
        .order_by("path")
        .specific()
        .select_related("locale")
    )
    # Render what passed moderation: wagtail-localize can write unpublished
    # translations into the page row, the live revision is what was approved.
    pages = [_live_version(page) for page in pages]
    by_path = {page.path: page for page in pages}
    chosen: dict[int, Page] = {}
    for page in pages:
        if not isinstance(page, KioskPage) or type(page) not in PAGE_TYPES:
            continue
        if not _is_targeted(page, cluster, now):
            continue
        ancestors = [
            by_path.get(page.path[:end])
            for end in range(Page.steplen * 2, len(page.path), Page.steplen)
        ]
        if not ancestors or not isinstance(ancestors[0], HomePage):
            continue  # not under a locale's home page: nowhere to show it
        if any(a is None or type(a) not in PAGE_TYPES for a in ancestors):
            continue
        for ancestor in ancestors:
            chosen[ancestor.pk] = ancestor
        chosen[page.pk] = page
    return [page for page in pages if page.pk in chosen]


def _with_draft(pages: list[Page], draft) -> list[Page]:
    """The visible pages with ``draft`` (an unsaved edit) in its place.

    Used by the kiosk preview; raises DraftNotShown when the draft has no
    visible parent to hang from.
    """
    others = [page for page in pages if page.pk != draft.pk]
    parent_path = draft.path[: -Page.steplen]
    if draft.depth > 2 and not any(page.path == parent_path for page in others):
        raise DraftNotShown(draft)
    return sorted([*others, draft], key=lambda page: page.path)


class DraftNotShown(Exception):
    """The previewed page hangs below a page no kiosk shows yet."""


class _Snapshot:
    def __init__(self, *, cluster, base_url: str, now: datetime, draft=None):
        self.cluster = cluster
        self.base_url = base_url.rstrip("/")
        self.now = now
        self.languages = cluster_languages(cluster)
        self.pages = _select_pages(cluster, self.languages, now)
        if draft is not None:
            self.pages = _with_draft(self.pages, draft)
        self.ids = {page.pk for page in self.pages}
        self.pk_by_path = {page.path: page.pk for page in self.pages}
        self.by_key: dict[tuple[str, str], int] = {
            (str(p.translation_key), p.locale.language_code): p.pk for p in self.pages
        }
        self.key_of = {
            pk: str(key)
            for pk, key in Page.objects.filter(pk__in=self._linked_ids()).values_list(
                "pk", "translation_key"
            )
        }
        self.homes = {
            p.locale.language_code: p for p in self.pages if isinstance(p, HomePage)
        }
        self._images: dict[int, object | None] = {}
        self.programmes: dict[int, Programme] = {}
        self._led_videos: dict[int, dict | None] = {}

    def _linked_ids(self):
        return Page.objects.filter(depth__gt=1).values("pk")

    # --- references ------------------------------------------------------
    def page_link(self, language_code: str):
        def link(page_id: int) -> int | None:
            key = self.key_of.get(page_id)
            if key is None:
                return None
            # Link to the same page in the reader's locale when it exists.
            return self.by_key.get((key, language_code)) or (
                page_id if page_id in self.ids else None
            )

        return link

    def image(self, image_id: int):
        """The image, or None if it is gone or its file is missing (logged):
        a snapshot never promises a file the builder cannot fetch."""
        if image_id not in self._images:
            image = get_image_model().objects.filter(pk=image_id).first()
            if image is not None and not _stored(image.file):
                logger.warning(
                    'Image %s file "%s" is missing from storage; it is left out of '
                    "the snapshot. Upload the image again.",
                    image_id,
                    image.file.name,
                )
                image = None
            self._images[image_id] = image
        return self._images[image_id]

    def image_exists(self, image_id: int) -> bool:
        return self.image(image_id) is not None

    def programme_id(self, programme) -> int | None:
        if not getattr(programme, "live", False):
            return None
        self.programmes[programme.pk] = programme
        return programme.pk

    def document_url(self, document_id: int) -> str | None:
        document = get_document_model().objects.filter(pk=document_id).first()
        return self.base_url + document.url if document else None

    def context(self, language_code: str) -> RenderContext:
        return RenderContext(
            language_code=language_code,
            page_link=self.page_link(language_code),
            programme_id=self.programme_id,
            document_url=self.document_url,
            image_exists=self.image_exists,
        )

    # --- pages -------------------------------------------------------------
    def parent_id(self, page) -> int | None:
        return self.pk_by_path.get(page.path[: -Page.steplen])

    def locale_path(self, page) -> str:
        home = self.homes.get(page.locale.language_code)
        if home is None or page.pk == home.pk:
            return "/"
        return page.url_path[len(home.url_path) - 1 :]

    def portal_url(self, page) -> str:
        parts = page.get_url_parts()
        if parts is None:
            return self.base_url + "/" + page.locale.language_code + "/"
        return self.base_url + parts[2]

    def fields(self, page, ctx: RenderContext) -> dict:
        """The fields of the page's own type (the schema's ``fields``)."""
        for page_type, type_fields in TYPE_FIELDS:
            if isinstance(page, page_type):
                return type_fields(page, ctx)
        return {}

    def page_entry(self, page) -> dict:
        code = page.locale.language_code
        ctx = self.context(code)
        kiosk = isinstance(page, KioskPage)
        hero = None
        if kiosk and page.hero_image_id and self.image_exists(page.hero_image_id):
            hero = page.hero_image_id
            ctx.use_image(hero)
        body = getattr(page, "body", None)
        body_html = stream_html(body, ctx) if body is not None else ""
        fields = self.fields(page, ctx)
        translations = {
            other_code: self.by_key[(str(page.translation_key), other_code)]
            for other_code in self.languages
            if other_code != code
            and (str(page.translation_key), other_code) in self.by_key
        }
        summary = page.summary if kiosk else ""
        entry = {
            "id": page.pk,
            "translation_key": str(page.translation_key),
            "locale": code,
            "type": PAGE_TYPES[type(page)],
            "slug": page.slug,
            "path": self.locale_path(page),
            "title": page.title,
            "summary": summary,
            "parent_id": self.parent_id(page),
            "category": page.category if kiosk else None,
            "agency": _agency(page.providing_agency) if kiosk else None,
            "source_credit": page.source_credit if kiosk else "",
            "last_published_at": _iso(page.last_published_at),
            "portal_url": self.portal_url(page),
            "hero_image": hero,
            "body_html": body_html,
            "search_text": plain_text(
                page.title,
                summary,
                *[v for v in fields.values() if isinstance(v, str)],
                *[
                    " ".join(str(h.get(k, "")) for k in ("kind_label", "name", "phone"))
                    for h in fields.get("hotlines", [])
                ],
                body_html,
            ),
            "fields": fields,
            "translations": translations,
            "image_ids": list(ctx.image_ids),
            "programme_ids": list(ctx.programme_ids),
        }
        entry["content_hash"] = content_hash(entry)
        return entry

    def navigation(self) -> dict:
        children: dict[int | None, list[int]] = {}
        for page in self.pages:
            children.setdefault(self.parent_id(page), []).append(page.pk)

        def node(pk: int) -> dict:
            return {"id": pk, "children": [node(c) for c in children.get(pk, [])]}

        return {code: node(home.pk) for code, home in self.homes.items()}

    # --- media -------------------------------------------------------------
    def media_file(self, file, **extra) -> dict:
        digest = file_digest_get_or_compute(file=file)
        return {
            "url": self.base_url + file.url if file.url.startswith("/") else file.url,
            "sha256": digest.sha256,
            "size": digest.size,
            **extra,
        }

    def image_entry(self, image) -> dict:
        return self.media_file(
            image.file,
            id=image.pk,
            width=image.width,
            height=image.height,
            title=image.title,
        )

    def programme_entry(self, programme: Programme) -> dict:
        """The programme's kiosk rendition (never the source), its poster and
        WebVTT tracks in the cluster's languages; ``status`` says whether the
        video can play yet."""
        titles = dict(
            Programme.objects.filter(
                translation_key=programme.translation_key,
                locale__language_code__in=self.languages,
                live=True,
            ).values_list("locale__language_code", "title")
        )
        rendition = programme_kiosk_playable(programme)
        video = self.rendition_video(rendition)
        poster = None
        if rendition is not None and rendition.poster and _stored(rendition.poster):
            poster = self.media_file(
                rendition.poster,
                content_type="image/jpeg",
                width=rendition.width_px,
                height=rendition.height_px,
            )
        failed = rendition is not None and rendition.status == Rendition.Status.FAILED
        return {
            "id": programme.pk,
            "titles": titles,
            "status": "ready" if video else "failed" if failed else "preparing",
            "video": video,
            "poster": poster,
            "subtitles": self.rendition_subtitles(rendition) if video else [],
        }

    def rendition_video(self, rendition: Rendition | None) -> dict | None:
        """A finished kiosk rendition whose file is stored, as a media entry."""
        if rendition is None or rendition.status != Rendition.Status.DONE:
            return None
        if not _stored(rendition.file):
            return None
        return self.media_file(
            rendition.file,
            content_type="video/mp4",
            width=rendition.width_px,
            height=rendition.height_px,
            duration_s=rendition.duration_s,
        )

    def rendition_subtitles(self, rendition: Rendition) -> list[dict]:
        """The WebVTT tracks in the cluster's languages, in the cluster's order."""
        by_language = {track["language"]: track for track in rendition.webvtt}
        storage = rendition.file.storage
        tracks = []
        for code in self.languages:
            track = by_language.get(code)
            if track is None or not storage.exists(track["name"]):
                continue
            stored = _StoredFile(storage, track["name"])
            tracks.append(
                self.media_file(
                    stored,
                    content_type="text/vtt",
                    language=code,
                    # Django's own names are not all NFC ("Tiếng Việt").
                    label=unicodedata.normalize(
                        "NFC", _locale_entry(code)["name_local"]
                    ),
                )
            )
        return tracks

    # --- LED faces (contracts §1) -------------------------------------------
    def led(self) -> dict:
        """Each LED face's plan for 14 days from the snapshot's local date."""
        today = timezone.localtime(self.now).date()
        plans = cluster_plans(cluster=self.cluster, start=today)
        return {
            "timezone": settings.TIME_ZONE,
            "faces": [self.led_face(plan) for plan in plans],
        }

    def led_face(self, plan) -> dict:
        face = plan.face
        return {
            "code": face.code,
            "name": face.name,
            "width": face.width_px,
            "height": face.height_px,
            "fps": float(face.fps),
            "has_sound": face.has_sound,
            "days": [self.led_day(day) for day in plan.days],
        }

    def led_day(self, day) -> dict:
        loop = []
        # A day without airtime plays nothing: no video to ship for it.
        for item in day.loop if day.windows else []:
            # The planner saw the file; a video gone since is left out.
            video = self.led_video(item.rendition)
            if video is not None:
                loop.append(
                    {
                        "programme_id": item.programme_id,
                        "title": item.title,
                        "advertising": item.advertising,
                        "duration_s": item.duration_s,
                        "video": video,
                    }
                )
        return {
            "date": day.day.isoformat(),
            "day_type": str(day.day_type),
            "windows": [
                {"start": clock(w.start), "end": clock(w.end)} for w in day.windows
            ],
            "required_minutes": day.required_minutes,
            "planned_minutes": day.planned_minutes if loop else 0,
            "loop": loop,
        }

    def led_video(self, rendition) -> dict | None:
        if rendition.pk not in self._led_videos:
            self._led_videos[rendition.pk] = self.rendition_video(rendition)
        return self._led_videos[rendition.pk]

    def build(self) -> dict:
        pages = [self.page_entry(page) for page in self.pages]
        present = [code for code in self.languages if code in self.homes]
        if source_language() not in present:
            present.insert(0, source_language())
        images = {
            str(image_id): self.image_entry(self.image(image_id))
            for image_id in sorted({i for p in pages for i in p["image_ids"]})
        }
        programmes = {
            str(pk): self.programme_entry(self.programmes[pk])
            for pk in sorted({i for p in pages for i in p["programme_ids"]})
        }
        snapshot = {
            "schema_version": SCHEMA_VERSION,
            "generated_at": self.now.isoformat(),
            "site_name": settings.WAGTAIL_SITE_NAME,
            "portal_base_url": self.base_url + "/",
            "cluster": _cluster_block(self.cluster),
            "locales": [_locale_entry(code) for code in present],
            "categories": _categories(present),
            "pages": pages,
            "navigation": self.navigation(),
            "images": images,
            "programmes": programmes,
            "led": self.led(),
        }
        snapshot["content_hash"] = snapshot_content_hash(snapshot)
        return snapshot


def snapshot_content_hash(snapshot: dict) -> str:
    """The top-level hash: everything but ``generated_at``, pages by their hash.

    Equal hashes therefore mean identical snapshots apart from generation time.
    """
    covered = {
        key: value
        for key, value in snapshot.items()
        if key not in ("generated_at", "content_hash", "pages")
    }
    covered["pages"] = [page["content_hash"] for page in snapshot["pages"]]
    return content_hash(covered)


def cluster_snapshot(
    *, cluster, base_url: str, now: datetime | None = None, draft=None
) -> dict:
    """Build the version-1 content snapshot of one cluster.

    ``base_url`` is the public root (``https://host``) that media and portal
    URLs are made absolute with. ``draft``, for previews only, is an unsaved
    page shown in place of its published version.
    """
    return _Snapshot(
        cluster=cluster, base_url=base_url, now=now or timezone.now(), draft=draft
    ).build()
