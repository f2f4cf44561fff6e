import datetime
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import (
    GroupPagePermission,
    Locale,
    Page,
    Revision,
    Site,
    WorkflowState,
)
from wagtail_localize.models import StringTranslation, Translation

from cms.agencies.models import Agency
from cms.clusters.models import Cluster, Kiosk, LedFace
from cms.content.blocks import BodyBlock
from cms.content.models import HomePage, InformationPage, NoticePage
from cms.editorial.models import RoleGroup
from cms.programmes.models import Programme

from .conftest import PASSWORD

USERNAMES = [
    "admin",
    "head",
    "secretary",
    "provider_border",
    "provider_radio",
    "translator_en",
    "translator_zh",
    "translator_lo",
    "translator_km",
    "operator",
    "technician",
    "inspector",
]
SCRIPTS = {
    "lo": re.compile("[\u0e80-\u0eff]"),
    "km": re.compile("[\u1780-\u17ff]"),
    "zh-hans": re.compile("[\u4e00-\u9fff]"),
}
COUNTED = [
    get_user_model(),
    Group,
    Agency,
    Cluster,
    LedFace,
    Kiosk,
    Locale,
    Page,
    Revision,
    Programme,
    WorkflowState,
    Translation,
    StringTranslation,
    get_image_model(),
]

pytestmark = pytest.mark.django_db


def _counts():
    return {model.__name__: model.objects.count() for model in COUNTED}


def test_every_role_has_one_user_who_logs_in_with_the_given_password(seeded):
    users = get_user_model().objects.filter(username__in=USERNAMES)
    assert sorted(u.username for u in users) == sorted(USERNAMES)
    assert all(u.is_active and u.check_password(PASSWORD) for u in users)
    assert users.get(username="admin").is_superuser
    assert users.get(username="translator_lo").groups.filter(
        editorial_role__language="lo"
    )


def test_running_again_creates_nothing_new_and_prints_a_working_password(seeded):
    before = _counts()
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert _counts() == before
    for username in USERNAMES:
        assert get_user_model().objects.filter(username=username).count() == 1
    # The last word printed is the generated password (whatever the language).
    generated = out.getvalue().split()[-1]
    admin = get_user_model().objects.get(username="admin")
    assert admin.check_password(generated), out.getvalue()
    assert not admin.check_password(PASSWORD)


def test_output_gives_admin_url_usernames_and_how_to_log_in(seeded, settings):
    assert settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/" in seeded.output
    for username in USERNAMES:
        assert re.search(rf"^\s+{username}\s+\S", seeded.output, re.M), username
    assert "--password" in seeded.output


def test_agencies_cover_every_kind(seeded):
    kinds = set(Agency.objects.values_list("kind", flat=True))
    assert kinds == set(Agency.Kind.values)


def test_clusters_have_their_languages_faces_and_kiosks(seeded):
    bo_y = Cluster.objects.get(code="bo-y")
    faces = {(f.width_px, f.height_px): f for f in bo_y.led_faces.all()}
    assert set(faces) == {(1344, 756), (2304, 576), (768, 1152)}
    assert len({f.fps for f in faces.values()}) == 3
    assert not faces[(768, 1152)].has_sound
    assert {k.orientation for k in bo_y.kiosks.all()} == {"portrait", "landscape"}
    assert set(bo_y.languages) == {"vi", "en", "lo", "zh-hans"}

    le_thanh = Cluster.objects.get(code="le-thanh")
    assert [(f.width_px, f.height_px) for f in le_thanh.led_faces.all()] == [
        (2304, 576)
    ]
    assert set(le_thanh.languages) == {"vi", "en", "km"}
    assert le_thanh.kiosks.count() == 1

    town = Cluster.objects.get(code="kon-tum-square")
    assert town.kind == Cluster.Kind.TOWN
    assert town.kiosks.count() == 0
    assert set(town.languages) == {"vi", "bdq"}


def test_every_content_language_has_a_live_home_page_under_the_root(seeded, settings):
    codes = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    homes = HomePage.objects.live().filter(depth=2)
    assert {h.locale.language_code for h in homes} == codes
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific.locale.language_code == "vi"
    assert isinstance(site.root_page.specific, HomePage)
    # Wagtail's placeholder welcome page is gone.
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()


def test_translations_are_complete_live_and_in_their_own_script(seeded):
    translations = Translation.objects.select_related("source", "target_locale")
    assert translations.count() >= 60
    for translation in translations:
        total, done = translation.get_progress()
        assert total and total == done, translation
        target = translation.get_target_instance()
        assert target.live and getattr(target, "alias_of_id", None) is None
        source = translation.source.get_source_instance()
        script = SCRIPTS.get(translation.target_locale.language_code)
        if script:
            assert script.search(target.title), target.title
        if source.title not in {"Trang chủ"}:
            assert target.title != source.title or script is None


def test_pages_exist_in_every_locale_with_targeting_that_differs(seeded):
    by_locale = {
        code: Page.objects.filter(depth__gt=2, locale__language_code=code).count()
        for code in ["vi", "en", "zh-hans", "lo", "km", "bdq"]
    }
    assert all(by_locale.values()), by_locale
    assert by_locale["vi"] > by_locale["km"] > by_locale["bdq"]
    kiosk_pages = [
        p.specific
        for p in Page.objects.filter(locale__language_code="vi", depth__gt=2)
        if hasattr(p.specific, "category")
    ]
    for page in kiosk_pages:
        assert page.category and page.providing_agency and page.source_credit, page
    targeted = {
        p.slug: sorted(c.code for c in p.target_clusters.all())
        for p in kiosk_pages
        if not p.all_clusters
    }
    assert targeted["cua-khau-quoc-te-bo-y"] == ["bo-y"]
    assert any(p.all_clusters for p in kiosk_pages)


def test_information_page_uses_every_body_block(seeded):
    page = InformationPage.objects.get(
        locale__language_code="vi", slug="lich-phat-song-man-hinh-led"
    )
    assert {block.block_type for block in page.body} == set(BodyBlock().child_blocks)
    programme = next(b.value for b in page.body if b.block_type == "programme")
    assert programme["programme"].live


def test_emergency_notice_expires_in_the_future(seeded):
    notices = NoticePage.objects.filter(locale__language_code="vi")
    assert {n.severity for n in notices} >= {"info", "emergency"}
    emergency = notices.get(severity="emergency")
    assert emergency.expires_at > timezone.now()


def test_programmes_sit_in_four_workflow_states(seeded):
    states = {}
    for programme in Programme.objects.filter(locale__language_code="vi"):
        state = programme.workflow_states.order_by("-created_at").first()
        states[programme.title] = (programme.live, state.status if state else None)
        tracks = {t.language for t in programme.subtitle_tracks.all()}
        assert "vi" in tracks
        video = seeded.media_root / programme.source_video.name
        assert video.suffix == ".mp4" and video.stat().st_size > 1000
    assert sorted(states.values(), key=str) == sorted(
        [
            (True, WorkflowState.STATUS_APPROVED),
            (False, WorkflowState.STATUS_IN_PROGRESS),
            (False, None),
            (False, WorkflowState.STATUS_NEEDS_CHANGES),
        ],
        key=str,
    )
    rejected = Programme.objects.get(title__startswith="Hướng dẫn")
    comment = rejected.workflow_states.get().current_task_state.comment
    assert "07:00–19:00" in comment


def test_live_programme_is_translated_and_embedded_in_each_locale(seeded):
    source = Programme.objects.get(locale__language_code="vi", live=True)
    translations = source.get_translations()
    assert {p.locale.language_code for p in translations if p.live} == {
        "en",
        "zh-hans",
        "lo",
        "km",
    }
    assert SCRIPTS["lo"].search(translations.get(locale__language_code="lo").title)
    for page in InformationPage.objects.filter(slug="lich-phat-song-man-hinh-led"):
        block = next(b.value for b in page.body if b.block_type == "programme")
        assert block["programme"].locale_id == page.locale_id
        assert block["programme"].translation_key == source.translation_key


def test_provider_sections_belong_to_their_agencies(seeded):
    for slug, agency in [
        ("cua-khau", "border-guard"),
        ("tin-tuc-chuong-trinh", "radio-tv"),
    ]:
        section = Page.objects.get(locale__language_code="vi", slug=slug)
        group = RoleGroup.objects.get(agency__slug=agency).group
        assert GroupPagePermission.objects.filter(group=group, page=section).exists()


def test_demo_images_are_real_files_with_alt_text(seeded):
    images = get_image_model().objects.all()
    assert images.count() >= 9
    for image in images:
        assert image.description
        assert (seeded.media_root / image.file.name).stat().st_size > 1000


def test_demo_users_have_both_names_as_the_account_form_requires(seeded):
    for user in get_user_model().objects.filter(username__in=USERNAMES):
        assert user.first_name and user.last_name, user.username
    head = get_user_model().objects.get(username="head")
    assert head.get_full_name() == "Trưởng Ban Biên tập"


@pytest.mark.parametrize("username", ["inspector", "operator"])
def test_reading_roles_see_every_agencys_programmes(seeded, client, username):
    client.force_login(get_user_model().objects.get(username=username))
    listing = client.get("/admin/snippets/programmes/programme/")
    assert listing.status_code == 200
    shown = listing.content.decode()
    programmes = Programme.objects.all()
    assert programmes.values("providing_agency").distinct().count() > 1
    for programme in programmes:
        assert programme.title in shown, programme


def test_a_provider_still_sees_only_its_own_agencys_programmes(seeded, client):
    user = get_user_model().objects.get(username="provider_border")
    client.force_login(user)
    shown = client.get("/admin/snippets/programmes/programme/").content.decode()
    for programme in Programme.objects.all():
        own = programme.providing_agency.slug == "border-guard"
        assert (programme.title in shown) == own, programme


def test_every_demo_cluster_plays_within_kon_tums_airtime_rule(seeded):
    from cms.broadcasting.selectors import cluster_airtime, cluster_policy

    tet = datetime.date(2027, 2, 6)  # Saturday, first day off of Tết 2027
    for cluster in Cluster.objects.all():
        policy = cluster_policy(cluster=cluster)
        assert policy is not None and policy.regulation == "kon_tum", cluster.code
        windows = cluster_airtime(cluster=cluster, day=tet)
        assert windows, f"{cluster.code} has no airtime on {tet}"
