"""Generate realistic, schema-valid content snapshots (tests, bench and demo).

`make_snapshot(out_dir, locales=..., pages_per_locale=..., seed=...)` writes
`snapshot.json` and small generated PNG images under `out_dir/media/`.
"""

from __future__ import annotations

import hashlib
import html
import io
import random
import uuid
from pathlib import Path
from typing import Any

from bench.sample.text import (
    DAY_LABELS,
    HOTLINES,
    LOCALES,
    NOTICES,
    PLACES,
    SECTIONS,
    SENTENCES,
    TOPICS,
    WELCOME,
)
from kiosk_site.snapshot import page_content_hash, snapshot_content_hash, snapshot_dumps

ALL_LOCALES = tuple(LOCALES)
PORTAL = "https://thongtin.kontum.example.vn"
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun", "hol"]
GENERATED_AT = "2026-11-20T08:00:00+07:00"
# Leaf page types, cycled to fill pages_per_locale.
LEAF_TYPES = ["information", "place", "event", "border_procedure"]
SECTION_OF = {s[0]: s for s in SECTIONS}


def _png(seed: int, size: tuple[int, int] = (64, 40)) -> bytes:
    from PIL import Image, ImageDraw

    rnd = random.Random(seed)
    img = Image.new("RGB", size, tuple(rnd.randrange(40, 200) for _ in range(3)))
    draw = ImageDraw.Draw(img)
    for _ in range(4):
        x, y = rnd.randrange(size[0]), rnd.randrange(size[1])
        color = tuple(rnd.randrange(256) for _ in range(3))
        draw.ellipse([x - 8, y - 8, x + 8, y + 8], fill=color)
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False)
    return buf.getvalue()


def _join(locale: str, *parts: str) -> str:
    return "".join(parts) if locale == "zh-hans" else " ".join(parts)


def _hours(locale: str) -> list[dict[str, Any]]:
    labels = DAY_LABELS[locale]
    return [
        {
            "days": DAYS[:6],
            "day_labels": labels[:6],
            "opens": "07:00",
            "closes": "17:00",
            "closed": False,
            "note": "",
        },
        {
            "days": ["sun", "hol"],
            "day_labels": [labels[6], labels[7]],
            "opens": None,
            "closes": None,
            "closed": True,
            "note": "",
        },
    ]


def _paragraphs(rnd: random.Random, locale: str, count: int) -> list[str]:
    bank = SENTENCES[locale]
    return [" ".join(rnd.sample(bank, 2)) for _ in range(count)]


class _Builder:
    def __init__(self, locales, pages_per_locale, seed, emergency, n_images):
        self.locales = list(locales)
        self.n = max(pages_per_locale, len(SECTIONS) + 4)
        self.seed = seed
        self.emergency = emergency
        self.n_images = n_images
        self.pages: list[dict[str, Any]] = []
        self.nav: dict[str, dict[str, Any]] = {}

    def page_id(self, locale: str, n: int) -> int:
        return (self.locales.index(locale) + 1) * 1_000_000 + n

    def tkey(self, n: int) -> str:
        return str(uuid.UUID(int=random.Random(f"{self.seed}:{n}").getrandbits(128)))

    def plan(self) -> list[tuple[int, str, int | None, str, int]]:
        """(n, type, parent n, slug, variant) shared by every locale."""
        plan = [(1, "home", None, "", 0)]
        section_n = {}
        for i, (kind, slug, _icon, _labels) in enumerate(SECTIONS):
            section_n[kind] = 2 + i
            plan.append((2 + i, "section", 1, slug, i))
        n = 2 + len(SECTIONS)
        plan.append((n, "hotlines", section_n["hotlines"], "khan-cap", 0))
        notice_kinds = ["info", "expired"] + (["emergency"] if self.emergency else [])
        for j, kind in enumerate(notice_kinds):
            n += 1
            plan.append((n, "notice", section_n["notice"], f"thong-bao-{kind}", j))
        k = 0
        while n < self.n:
            n += 1
            kind = LEAF_TYPES[k % len(LEAF_TYPES)]
            plan.append((n, kind, section_n[kind], f"{SECTION_OF[kind][1]}-{n}", k))
            k += 1
        return plan

    def make(self) -> None:
        plan = self.plan()
        slugs = {n: slug for n, _t, _p, slug, _v in plan}
        parents = {n: p for n, _t, p, _s, _v in plan}

        def path_of(n: int) -> str:
            parts = []
            while parents[n] is not None:
                parts.append(slugs[n])
                n = parents[n]
            return "/" + "".join(p + "/" for p in reversed(parts))

        for locale in self.locales:
            children: dict[int, list[int]] = {}
            for n, kind, parent, _slug, variant in plan:
                page = self.page(locale, n, kind, parent, path_of(n), variant)
                page["translations"] = {
                    other: self.page_id(other, n)
                    for other in self.locales
                    if other != locale
                }
                page["content_hash"] = page_content_hash(page)
                self.pages.append(page)
                if parent is not None:
                    children.setdefault(parent, []).append(n)

            def tree(n: int, locale: str = locale, children=children) -> dict:
                return {
                    "id": self.page_id(locale, n),
                    "children": [tree(c) for c in children.get(n, [])],
                }

            self.nav[locale] = tree(1)

    def page(self, locale, n, kind, parent, path, variant) -> dict[str, Any]:
        rnd = random.Random(f"{self.seed}:{locale}:{n}")
        places = PLACES[locale]
        place = places[variant % len(places)]
        fields: dict[str, Any] = {}
        hero = None
        category = None
        paragraphs: list[str] = []
        if kind == "home":
            title = WELCOME[locale]
            summary = title
            fields = {
                "welcome": title,
                "intro_html": f"<p>{html.escape(SENTENCES[locale][1])}</p>",
            }
        elif kind == "section":
            _k, _slug, icon, labels = SECTIONS[variant]
            title = labels[locale]
            summary = title
            fields = {"intro": title, "icon": icon}
        elif kind == "hotlines":
            title = SECTION_OF["hotlines"][3][locale]
            summary = SENTENCES[locale][4]
            fields = {
                "intro": summary,
                "hotlines": [
                    {
                        "kind": k,
                        "kind_label": names[locale],
                        "name": names[locale],
                        "phone": phone,
                        "hours": "24/7",
                        "note": "",
                    }
                    for k, phone, names in HOTLINES
                ],
            }
            category = "emergency"
        elif kind == "notice":
            which = ["info", "expired", "emergency"][variant]
            title = NOTICES[which][locale]
            summary = SENTENCES[locale][4 if which == "emergency" else 1]
            fields = {
                "severity": {
                    "info": "info",
                    "expired": "warning",
                    "emergency": "emergency",
                }[which],
                "valid_from": "2026-01-01T00:00:00+07:00",
                "expires_at": "2026-02-01T00:00:00+07:00"
                if which == "expired"
                else None,
            }
            category = "notice"
        else:
            topics = TOPICS[kind][locale]
            topic = topics[(variant // len(places)) % len(topics)]
            title = _join(locale, topic, place)
            paragraphs = _paragraphs(rnd, locale, 3 + variant % 4)
            summary = paragraphs[0]
            hero = 1 + (n % self.n_images) if n % 3 == 0 else None
            category = {
                "information": "tourism",
                "place": "services",
                "event": "culture",
                "border_procedure": "border",
            }[kind]
            if kind == "place":
                fields = {
                    "place_kind": "poi",
                    "place_kind_label": topic,
                    "latitude": 14.72 + variant / 1000,
                    "longitude": 107.6 + variant / 1000,
                    "address": _join(locale, place, "40"),
                    "opening_hours": _hours(locale),
                    "fees": "",
                }
            elif kind == "event":
                day = 1 + variant % 27
                fields = {
                    "start_date": f"2026-12-{day:02d}",
                    "end_date": f"2026-12-{day + 1:02d}",
                    "venue": place,
                }
            elif kind == "border_procedure":
                fields = {
                    "gate_name": places[3],
                    "documents_needed_html": (
                        f"<ul><li>{html.escape(SENTENCES[locale][0])}</li></ul>"
                    ),
                    "gate_hours": _hours(locale),
                    "fees_html": f"<p>{html.escape(SENTENCES[locale][9])}</p>",
                    "where_to_go_html": f"<p>{html.escape(SENTENCES[locale][2])}</p>",
                }
        body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        image_ids = []
        if paragraphs and n % 5 == 0:
            img = 1 + (n * 7) % self.n_images
            image_ids.append(img)
            body += f'<p><img data-image-id="{img}" alt="{html.escape(title)}"></p>'
        if paragraphs and parent is not None and n % 4 == 1:
            body += (
                f'<p><a href="kiosk:page:{self.page_id(locale, 2)}">'
                f"{html.escape(SECTIONS[0][3][locale])}</a></p>"
            )
        if hero:
            image_ids.append(hero)
        search_text = " ".join(
            [title, summary, *paragraphs]
            + [str(v) for v in fields.values() if isinstance(v, str)]
        )
        return {
            "id": self.page_id(locale, n),
            "translation_key": self.tkey(n),
            "locale": locale,
            "type": kind,
            "slug": "home" if kind == "home" else path.rstrip("/").rsplit("/", 1)[-1],
            "path": path,
            "title": title,
            "summary": summary,
            "parent_id": None if parent is None else self.page_id(locale, parent),
            "category": category,
            "agency": {
                "name": "Ban quản lý cửa khẩu quốc tế Bờ Y",
                "short_name": "BQL Bờ Y",
                "kind": "border_management",
            },
            "source_credit": "Sở Văn hoá, Thể thao và Du lịch Kon Tum",
            "last_published_at": "2026-11-19T10:00:00+07:00",
            "portal_url": f"{PORTAL}/{locale}{path}",
            "hero_image": hero,
            "body_html": body,
            "search_text": search_text,
            "fields": fields,
            "translations": {},
            "image_ids": sorted(set(image_ids)),
            "programme_ids": [],
        }


# category -> (parent, section whose labels it borrows)
CATEGORY_LABELS = {
    "border": ("border", 0),
    "tourism": ("tourism", 1),
    "services": ("tourism", 2),
    "culture": ("tourism", 3),
    "emergency": ("safety", 4),
    "notice": ("safety", 5),
}


def make_snapshot_data(
    media_dir: Path,
    *,
    locales: tuple[str, ...] | list[str] = ALL_LOCALES,
    pages_per_locale: int = 30,
    seed: int = 1,
    emergency: bool = False,
    n_images: int = 6,
    idle_timeout_s: int = 90,
) -> dict[str, Any]:
    """Build the snapshot dict and write its images into `media_dir`."""
    unknown = [loc for loc in locales if loc not in LOCALES]
    if unknown:
        raise ValueError(
            f"no sample text for locale(s) {unknown}; choose from {list(LOCALES)}"
        )
    media_dir.mkdir(parents=True, exist_ok=True)
    b = _Builder(locales, pages_per_locale, seed, emergency, n_images)
    b.make()
    images = {}
    for i in range(1, n_images + 1):
        data = _png(seed * 1000 + i)
        name = f"img-{i}.png"
        (media_dir / name).write_bytes(data)
        images[str(i)] = {
            "id": i,
            "url": f"{media_dir.name}/{name}",
            "sha256": hashlib.sha256(data).hexdigest(),
            "size": len(data),
            "width": 64,
            "height": 40,
            "content_type": "image/png",
            "title": f"Ảnh {i}",
        }
    data: dict[str, Any] = {
        "schema_version": 1,
        "generated_at": GENERATED_AT,
        "site_name": "Cụm thông tin điện tử cửa khẩu quốc tế Bờ Y",
        "portal_base_url": PORTAL,
        "cluster": {
            "code": "bo-y",
            "name": "Cửa khẩu quốc tế Bờ Y",
            "kind": "border_gate",
            "place": "Ngọc Hồi, Kon Tum",
            "latitude": 14.72,
            "longitude": 107.57,
            "operating_agency": {
                "name": "Ban quản lý cửa khẩu quốc tế Bờ Y",
                "short_name": "BQL Bờ Y",
                "kind": "border_management",
            },
            "languages": list(locales),
            "source_language": locales[0],
            "kiosks": [
                {
                    "code": "K1",
                    "name": "Sảnh nhập cảnh",
                    "screen_inches": 43,
                    "width_px": 1080,
                    "height_px": 1920,
                    "orientation": "portrait",
                    "idle_timeout_s": idle_timeout_s,
                },
                {
                    "code": "K2",
                    "name": "Sảnh xuất cảnh",
                    "screen_inches": 55,
                    "width_px": 1920,
                    "height_px": 1080,
                    "orientation": "landscape",
                    "idle_timeout_s": 4,
                },
            ],
            "led_faces": [],
        },
        "locales": [
            {
                "code": loc,
                "name_local": LOCALES[loc][0],
                "name_en": LOCALES[loc][1],
                "direction": "ltr",
            }
            for loc in locales
        ],
        "categories": {
            code: {
                "parent": parent,
                "labels": {loc: SECTIONS[section][3][loc] for loc in locales},
            }
            for code, (parent, section) in CATEGORY_LABELS.items()
        },
        "pages": b.pages,
        "navigation": b.nav,
        "images": images,
        "programmes": {},
    }
    data["content_hash"] = snapshot_content_hash(data)
    return data


def make_snapshot(out_dir: str | Path, **kwargs: Any) -> Path:
    """Write `out_dir/snapshot.json` plus `out_dir/media/*.png`; return its path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    data = make_snapshot_data(out_dir / "media", **kwargs)
    path = out_dir / "snapshot.json"
    path.write_bytes(snapshot_dumps(data))
    return path


def snapshot_write(path: Path, data: dict[str, Any]) -> None:
    """Rewrite a snapshot after edits, refreshing page and top-level hashes."""
    for page in data["pages"]:
        page["content_hash"] = page_content_hash(page)
    data["content_hash"] = snapshot_content_hash(data)
    path.write_bytes(snapshot_dumps(data))
