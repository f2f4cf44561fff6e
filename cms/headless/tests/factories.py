"""Factories for the headless tests: a site tree, clusters, pages, translations."""

import datetime as dt
import io
from decimal import Decimal
from importlib import import_module

import factory
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.test import TestCase
from factory.django import DjangoModelFactory
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from cms.agencies.models import Agency
from cms.clusters.models import Cluster, Kiosk, LedFace
from cms.content.models import (
    BorderProcedurePage,
    EventPage,
    HomePage,
    HotlinesPage,
    InformationPage,
    NoticePage,
    PlacePage,
    SectionPage,
)
from cms.programmes.models import Programme


def locale(code: str) -> Locale:
    return Locale.objects.get_or_create(language_code=code)[0]


def tree_roots() -> None:
    """The page tree's and the collections' roots, which migrations make.

    A transactional test's flush removes them (its post_migrate brings back
    content types and permissions only). serialized_rollback would restore
    them, but its own flush skips post_migrate and leaves later tests without
    permissions, so transactional tests call this instead. It also brings back
    wagtail-localize's "submit translation" permission (made by a migration,
    not by post_migrate), which the editorial roles need.
    """
    localize = import_module(
        "wagtail_localize.migrations.0006_create_submit_translation_permission"
    )
    localize.create_submit_translation_permission(apps, None)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", locale=locale("vi")))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


class AgencyFactory(DjangoModelFactory):
    class Meta:
        model = Agency
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Đồn Biên phòng {n}")
    short_name = factory.Sequence(lambda n: f"BP{n}")
    slug = factory.Sequence(lambda n: f"agency-{n}")
    kind = Agency.Kind.BORDER_GUARD


class ClusterFactory(DjangoModelFactory):
    class Meta:
        model = Cluster
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"cluster-{n}")
    name = factory.Sequence(lambda n: f"Cụm {n}")
    kind = Cluster.Kind.BORDER_GATE
    place = "Cửa khẩu quốc tế Bờ Y"
    latitude = Decimal("14.716000")
    longitude = Decimal("107.561000")
    operating_agency = factory.SubFactory(AgencyFactory)
    languages = factory.LazyFunction(lambda: ["vi", "en", "lo"])

    @factory.post_generation
    def equipment(obj, create, extracted, **kwargs):
        if not create:
            return
        LedFace.objects.create(
            cluster=obj, code="lao", name="Facing Laos", width_px=1920, height_px=1080
        )
        Kiosk.objects.create(cluster=obj, code="k1", name="Sảnh chính")


def png_bytes(color=(200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 6), color).save(buffer, "PNG")
    return buffer.getvalue()


def make_image(title="Cột mốc", color=(200, 30, 30)):
    return get_image_model().objects.create(
        title=title, file=ImageFile(io.BytesIO(png_bytes(color)), name="mark.png")
    )


def make_programme(title="Phóng sự Bờ Y", live=True) -> Programme:
    return Programme.objects.create(
        title=title,
        category="border_foreign",
        source_video=ContentFile(b"\x00\x00\x00\x18ftypmp42 demo", name="clip.mp4"),
        live=live,
        locale=locale("vi"),
    )


def site_home(**fields) -> HomePage:
    """The Vietnamese home page under the tree root, as the default site."""
    root = Page.get_first_root_node()
    home = root.add_child(
        instance=HomePage(
            title="Trang chủ",
            slug="trang-chu",
            locale=locale("vi"),
            welcome=fields.pop("welcome", "Chào mừng đến Bờ Y"),
            intro=fields.pop("intro", "<p>Thông tin cho <b>du khách</b></p>"),
            **fields,
        )
    )
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    return home


def add_page(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def section(parent, title="Biên giới", slug="bien-gioi", icon="border"):
    return add_page(
        parent, SectionPage(title=title, slug=slug, intro="Thủ tục", icon=icon)
    )


def text(html):
    return {"type": "text", "value": html}


def information(parent, **fields):
    fields.setdefault("title", "Giờ làm việc của cửa khẩu")
    fields.setdefault("slug", "gio-lam-viec")
    fields.setdefault("category", "essential.travel")
    fields.setdefault("summary", "Cửa khẩu mở cửa hằng ngày")
    fields.setdefault("body", [text("<p>Cửa khẩu mở từ 7 giờ sáng.</p>")])
    return add_page(parent, InformationPage(**fields))


HOURS = [
    {
        "type": "hours",
        "value": {
            "title": "",
            "periods": [
                {
                    "days": ["mon", "tue"],
                    "opens": "07:00:00",
                    "closes": "17:30:00",
                    "closed": False,
                    "note": "",
                },
                {"days": ["hol"], "opens": None, "closes": None, "closed": True},
            ],
        },
    }
]


def every_page_type(home, *, image=None, programme=None, linked=None):
    """One page of each type below ``home``; returns them by type name."""
    border = section(home)
    places = section(home, title="Địa điểm", slug="dia-diem", icon="place")
    body = [text("<p>Đoạn văn.</p>")]
    if linked is not None:
        body.append(
            text(f'<p>Xem <a linktype="page" id="{linked.pk}">trang này</a>.</p>')
        )
    if image is not None:
        body.append(
            {
                "type": "image",
                "value": {"image": image.pk, "alt": "Cột mốc", "caption": "Mốc"},
            }
        )
    if programme is not None:
        body.append(
            {
                "type": "programme",
                "value": {"programme": programme.pk, "caption": ""},
            }
        )
    body.append(
        {
            "type": "table",
            "value": {
                "data": [["Loại", "Phí"], ["Xe", "10.000 đ"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
            },
        }
    )
    body.append(
        {
            "type": "contact",
            "value": {"name": "Trạm kiểm soát", "phone": "0260 3 123 456"},
        }
    )
    pages = {
        "home": home,
        "section": border,
        "information": information(
            border, body=body, hero_image=image, providing_agency=AgencyFactory()
        ),
        "place": add_page(
            places,
            PlacePage(
                title="Ngã ba Đông Dương",
                slug="nga-ba",
                category="border_foreign",
                place_kind="sight",
                latitude=Decimal("14.700000"),
                longitude=Decimal("107.500000"),
                address="Ngọc Hồi, Kon Tum",
                opening_hours=HOURS,
                fees="Miễn phí",
            ),
        ),
        "event": add_page(
            places,
            EventPage(
                title="Hội chợ biên giới",
                slug="hoi-cho",
                category="achievements",
                start_date=dt.date(2026, 12, 1),
                end_date=dt.date(2026, 12, 5),
                venue="Khu kinh tế Bờ Y",
            ),
        ),
        "border_procedure": add_page(
            border,
            BorderProcedurePage(
                title="Thủ tục xuất cảnh",
                slug="xuat-canh",
                category="border_rules",
                gate_name="Cửa khẩu quốc tế Bờ Y",
                documents_needed="<ul><li>Hộ chiếu còn hạn</li></ul>",
                gate_hours=HOURS,
                fees="<p>Không thu phí</p>",
                where_to_go="<p>Nhà kiểm soát liên hợp</p>",
            ),
        ),
        "hotlines": add_page(
            home,
            HotlinesPage(
                title="Đường dây nóng",
                slug="duong-day-nong",
                category="essential.security",
                intro="Gọi khi cần giúp",
                hotlines=[
                    {
                        "type": "hotline",
                        "value": {
                            "kind": "police",
                            "name": "Công an",
                            "phone": "113",
                            "hours": "24/7",
                            "note": "",
                        },
                    }
                ],
            ),
        ),
        "notice": add_page(
            home,
            NoticePage(
                title="Cảnh báo mưa lớn",
                slug="mua-lon",
                category="essential.emergency",
                severity="warning",
            ),
        ),
    }
    return pages


def _translated(segment, code: str) -> str:
    if segment.context.path == "slug":
        return segment.string.data  # keep URLs readable and predictable
    return f"[{code}] {segment.string.data}"


def translate(page, code: str, *, complete=True, publish=True):
    """Translate a page with wagtail-localize, as a translator would.

    With ``complete`` every source string gets a translation; without it the
    translation is saved with missing strings, which wagtail-localize fills in
    with the Vietnamese source text.
    """
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale(code)
    )
    if complete:
        for segment in StringSegment.objects.filter(source=source).select_related(
            "string", "context"
        ):
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale(code),
                context=segment.context,
                defaults={"data": _translated(segment, code)},
            )
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=publish)
    return page.get_translation(locale(code)).specific
