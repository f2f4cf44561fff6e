"""Small editorial worlds: locales, home pages, sections, agencies, users."""

import functools
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import factory
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import TestCase
from factory.django import DjangoModelFactory
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from cms.agencies.models import Agency
from cms.content.models import HomePage, SectionPage
from cms.core.categories import Category
from cms.editorial.models import Role
from cms.editorial.services import provider_section_assign, user_create
from cms.programmes.models import Programme

PASSWORD = "Kiểm-tra#2026-Biên-giới"


def locale(code: str) -> Locale:
    return Locale.objects.get_or_create(language_code=code)[0]


class AgencyFactory(DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Đồn Biên phòng {n}")
    slug = factory.Sequence(lambda n: f"agency-{n}")
    kind = Agency.Kind.BORDER_GUARD
    email = factory.LazyAttribute(lambda o: f"{o.slug}@example.org")


def home_page(code: str = "vi") -> HomePage:
    """The home page of a locale, directly under the tree root."""
    existing = HomePage.objects.filter(locale=locale(code)).first()
    if existing:
        return existing
    if code != "vi":
        source = home_page("vi")
        return translate(source, code, publish=True)
    root = Page.get_first_root_node()
    page = HomePage(title="Trang chủ", slug="trang-chu-vi", locale=locale(code))
    root.add_child(instance=page)
    page.save_revision().publish()
    return page


def section(parent: Page, title: str, *, live: bool = True) -> SectionPage:
    page = SectionPage(title=title, live=live)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    return page


def draft_page(parent: Page, title: str, *, owner=None) -> SectionPage:
    """A page that has never been published."""
    page = SectionPage(title=title, live=False, owner=owner, intro="Bản nháp")
    parent.add_child(instance=page)
    page.save_revision(user=owner)
    return page


def translate(page: Page, code: str, *, publish: bool = False) -> Page:
    """Create the wagtail-localize translation of a page in a locale."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale(code)
    )
    # wagtail-localize publishes on commit; tests run inside a transaction.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=publish)
    return page.get_translation(locale(code)).specific


def translation_of(page: Page, code: str) -> Translation:
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale(code)
    )


def programme(agency: Agency, title: str, *, owner=None) -> Programme:
    item = Programme(
        title=title,
        category=Category.choices[0][0],
        providing_agency=agency,
        live=False,
        created_by=owner,
        locale=locale("vi"),
    )
    item.source_video.save("clip.mp4", ContentFile(b"not decoded here"), save=False)
    item.save()
    item.save_revision(user=owner)
    return item


@functools.cache
def video_bytes() -> bytes:
    """A real one-second MP4 (uploads are probed with ffprobe)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "clip.mp4"
        subprocess.run(
            [
                "ffmpeg",
                "-loglevel",
                "error",
                "-f",
                "lavfi",
                "-i",
                "color=c=navy:s=64x36:d=1",
                "-c:v",
                "mpeg4",
                str(path),
            ],
            check=True,
        )
        return path.read_bytes()


def user(username: str, role: str, **kwargs):
    return user_create(
        username=username,
        password=PASSWORD,
        role=role,
        email=f"{username}@example.org",
        **kwargs,
    )


@dataclass
class World:
    """Two agencies with a section each, and one user per role."""

    home: HomePage
    border: Agency
    radio: Agency
    border_section: SectionPage
    radio_section: SectionPage
    users: dict = field(default_factory=dict)


def world() -> World:
    locale("en")
    locale("zh-hans")
    home = home_page("vi")
    home_page("en")
    border = AgencyFactory(slug="border-guard", name="Bộ đội Biên phòng tỉnh")
    radio = AgencyFactory(slug="radio-tv", name="Đài Phát thanh - Truyền hình tỉnh")
    border_section = section(home, "Cửa khẩu")
    radio_section = section(home, "Tin tức")
    provider_section_assign(agency=border, page=border_section)
    provider_section_assign(agency=radio, page=radio_section)
    users = {
        "admin": user("admin", Role.ADMINISTRATOR),
        "head": user("head", Role.HEAD),
        "secretary": user("secretary", Role.SECRETARIAT),
        "provider": user("provider_border", Role.PROVIDER, agency=border),
        "provider_radio": user("provider_radio", Role.PROVIDER, agency=radio),
        "translator": user("translator_en", Role.TRANSLATOR, language="en"),
        "translator_zh": user("translator_zh", Role.TRANSLATOR, language="zh-hans"),
        "operator": user("operator", Role.OPERATOR),
        "technician": user("technician", Role.TECHNICIAN),
        "inspector": user("inspector", Role.INSPECTOR),
    }
    return World(home, border, radio, border_section, radio_section, users)


def users_in(role: str):
    return get_user_model().objects.filter(groups__editorial_role__role=role)
