"""Seeding the demo province: ``demo_seed()`` and the steps it is made of.

Every step finds what an earlier run created (by slug, code, username or
title) instead of creating it again, so seeding twice gives the same objects.
"""

import secrets
import string
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.images import ImageFile
from django.db import transaction
from django.test.utils import override_settings
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from cms.agencies.models import Agency
from cms.broadcasting.models import FacePlaylist, FacePlaylistEntry, PolicyCluster
from cms.broadcasting.regulations import Regulation
from cms.broadcasting.services import airtime_presets_ensure
from cms.clusters.models import Cluster, Kiosk, LedFace
from cms.editorial import services as editorial
from cms.editorial.models import Role
from cms.programmes.models import Programme, SubtitleTrack

from . import media
from .data import organisation
from .data.images import IMAGES
from .data.markup import PageSpec
from .data.pages import HOME, PAGES
from .data.programmes import PLAYLISTS, PROGRAMMES
from .errors import DemoSeedError
from .translation import (
    Refs,
    page_translate,
    text_fields,
    translation_publish,
    value_resolve,
)

PASSWORD_SYMBOLS = "!#%+-=?@^_"


@dataclass
class DemoSeedResult:
    admin_url: str
    password: str
    password_generated: bool
    users: list[tuple[str, str]] = field(default_factory=list)
    pages: int = 0
    programmes: int = 0


def demo_allowed_check() -> None:
    """Refuse to seed demo data into a production database."""
    module = settings.SETTINGS_MODULE or ""
    if module.endswith(".production") or not getattr(settings, "DEMO_ALLOWED", True):
        raise DemoSeedError(
            f'Refusing to load demo data with settings "{module}": demo users '
            "with known passwords must never reach a production database. Run "
            "it with development settings, e.g. "
            "DJANGO_SETTINGS_MODULE=cms.settings.dev."
        )


def password_generate() -> str:
    """A random password that passes the project's password validators."""
    alphabet = string.ascii_letters + string.digits + PASSWORD_SYMBOLS
    while True:
        candidate = "".join(secrets.choice(alphabet) for _ in range(16))
        try:
            validate_password(candidate)
        except ValidationError:
            continue
        return candidate


def password_check(*, password: str) -> None:
    try:
        validate_password(password)
    except ValidationError as err:
        raise DemoSeedError(
            f"The password given with --password was refused: {' '.join(err.messages)}"
            " Choose another, or leave --password out to get a generated one."
        ) from err


def locales_ensure() -> dict[str, Locale]:
    """A wagtail Locale for every content language."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    }


def agencies_ensure() -> dict[str, Agency]:
    agencies = {}
    for data in organisation.AGENCIES:
        values = {k: v for k, v in data.items() if k != "slug"}
        agencies[data["slug"]], _ = Agency.objects.update_or_create(
            slug=data["slug"], defaults=values
        )
    return agencies


def clusters_ensure(*, agencies: dict[str, Agency]) -> dict[str, Cluster]:
    clusters = {}
    for data in organisation.CLUSTERS:
        cluster, _ = Cluster.objects.update_or_create(
            code=data["code"],
            defaults={
                "name": data["name"],
                "kind": data["kind"],
                "place": data["place"],
                "latitude": data["latitude"],
                "longitude": data["longitude"],
                "operating_agency": agencies[data["operating_agency"]],
                "languages": data["languages"],
                "is_active": True,
            },
        )
        for order, face in enumerate(data["faces"]):
            LedFace.objects.update_or_create(
                cluster=cluster,
                code=face["code"],
                defaults={**face, "sort_order": order},
            )
        for order, kiosk in enumerate(data["kiosks"]):
            Kiosk.objects.update_or_create(
                cluster=cluster,
                code=kiosk["code"],
                defaults={**kiosk, "sort_order": order},
            )
        clusters[cluster.code] = cluster
    return clusters


def _role_label(role: str, agency: Agency | None, language: str | None) -> str:
    label = str(Role(role).label)
    if agency is not None:
        label += f" — {agency.short_name or agency.name}"
    if language:
        label += f" ({language})"
    return label


def users_ensure(
    *, password: str, agencies: dict[str, Agency]
) -> tuple[dict[str, AbstractBaseUser], list[tuple[str, str]]]:
    """One user per role; an existing user gets ``password`` and its role back.

    The password is checked by the caller and hashed once for all twelve users:
    hashing is deliberately slow and would dominate the seeding time.
    """
    user_model = get_user_model()
    hashed = make_password(password)
    users, labels = {}, []
    for username, role, agency_slug, language, full_name in organisation.USERS:
        agency = agencies[agency_slug] if agency_slug else None
        user, _created = user_model.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@{organisation.USER_EMAIL_DOMAIN}",
                # Vietnamese order: family and middle names, then the given
                # name, so Django's "first last" reads the name as written.
                "first_name": full_name.rsplit(" ", 1)[0],
                "last_name": full_name.rsplit(" ", 1)[-1],
            },
        )
        user.password = hashed
        user.is_active = True
        user.save()
        editorial.user_role_assign(
            user=user, role=role, agency=agency, language=language
        )
        users[username] = user
        labels.append((username, _role_label(role, agency, language)))
    return users, labels


def images_ensure() -> dict[str, int]:
    """The demo photos as Wagtail images, with alt text; returns key -> id."""
    image_model = get_image_model()
    ids = {}
    for key, (title, alt, top, bottom) in IMAGES.items():
        image = image_model.objects.filter(title=title).first()
        if image is None:
            data = media.photo_render(caption=title, top=top, bottom=bottom)
            with tempfile.TemporaryFile() as handle:
                handle.write(data)
                handle.seek(0)
                image = image_model(title=title, description=alt)
                image.file = ImageFile(handle, name=f"demo-{key}.jpg")
                image.save()
        ids[key] = image.pk
    return ids


def _task_act(*, programme: Programme, user, action: str, comment: str = ""):
    task_state = programme.current_workflow_task_state
    if task_state is None:
        raise DemoSeedError(
            f'Programme "{programme}" has no task waiting for "{action}"; run '
            "manage.py setup_roles (or roles_sync()) so programmes have a "
            "workflow."
        )
    task_state.task.specific.on_action(task_state, user, action, comment=comment)
    programme.refresh_from_db()


def programme_ensure(
    *,
    spec: dict,
    locale: Locale,
    users: dict[str, AbstractBaseUser],
    agencies: dict[str, Agency],
    clusters: dict[str, Cluster],
) -> Programme:
    """One demo programme, moved through the workflow to its demo state."""
    text = {
        name: value_resolve(value, language="vi", refs=Refs(), path=spec["key"])
        for name, value in spec["text"].items()
    }
    existing = Programme.objects.filter(locale=locale, title=text["title"]).first()
    if existing is not None:
        return existing
    submitter = users[spec["submitter"]]
    programme = _programme_create(
        spec=spec,
        text=text,
        locale=locale,
        submitter=submitter,
        agencies=agencies,
        clusters=clusters,
    )
    if spec["state"] != "draft":
        _programme_moderate(
            programme=programme, spec=spec, submitter=submitter, users=users
        )
    return programme


def _programme_create(
    *,
    spec: dict,
    text: dict,
    locale: Locale,
    submitter: AbstractBaseUser,
    agencies: dict[str, Agency],
    clusters: dict[str, Cluster],
) -> Programme:
    """The programme saved with its clip, subtitles and targets, one revision."""
    programme = Programme(
        **text,
        category=spec["category"],
        providing_agency=agencies[spec["agency"]],
        all_clusters=spec["clusters"] is None,
        locale=locale,
        created_by=submitter,
        live=False,
    )
    with tempfile.TemporaryDirectory() as folder:
        clip = Path(folder) / f"demo-{spec['key']}.mp4"
        media.clip_render(target=clip, **spec["video"])
        with clip.open("rb") as handle:
            programme.source_video.save(clip.name, File(handle), save=False)
    programme.subtitle_tracks = [
        SubtitleTrack(language=language, text=cues)
        for language, cues in spec["subtitles"].items()
    ]
    programme.target_clusters = [clusters[code] for code in spec["clusters"] or []]
    programme.target_faces = [
        LedFace.objects.get(cluster=clusters[code], code=face)
        for code, face in spec["faces"]
    ]
    programme.save()
    programme.save_revision(user=submitter)
    return programme


def _programme_moderate(
    *,
    programme: Programme,
    spec: dict,
    submitter: AbstractBaseUser,
    users: dict[str, AbstractBaseUser],
) -> None:
    """Submit the programme and act on its tasks up to the spec's state."""
    workflow = programme.get_workflow()
    if workflow is None:
        raise DemoSeedError(
            "Programmes have no moderation workflow; run manage.py setup_roles first."
        )
    workflow.start(programme, submitter)
    programme.refresh_from_db()
    if spec["state"] == "in_review":
        return
    _task_act(programme=programme, user=users["secretary"], action="approve")
    if spec["state"] == "live":
        _task_act(programme=programme, user=users["head"], action="approve")
    elif spec["state"] == "changes_requested":
        _task_act(
            programme=programme,
            user=users["head"],
            action="reject",
            comment=spec["review_comment"],
        )


def _page_data(spec: PageSpec, *, refs: Refs, agencies: dict[str, Agency]) -> dict:
    values = value_resolve(spec.data, language="vi", refs=refs, path=spec.slug)
    if spec.agency:
        values["providing_agency"] = agencies[spec.agency]
    if spec.hero:
        values["hero_image_id"] = refs.images[spec.hero]
    return values


def page_ensure(
    *,
    spec: PageSpec,
    parent: Page,
    locale: Locale,
    refs: Refs,
    agencies: dict[str, Agency],
    clusters: dict[str, Cluster],
    owner: AbstractBaseUser,
    publisher: AbstractBaseUser,
) -> Page:
    """The Vietnamese page of ``spec`` under ``parent``, created and published."""
    existing = parent.get_children().filter(slug=spec.slug).first()
    if existing is not None:
        return existing.specific
    model = apps.get_model(spec.model)
    page = model(
        **text_fields(spec, language="vi", refs=refs),
        **_page_data(spec, refs=refs, agencies=agencies),
        locale=locale,
        owner=owner,
    )
    if hasattr(page, "all_clusters"):
        page.all_clusters = spec.clusters is None
    parent.add_child(instance=page)
    if spec.clusters:
        page.target_clusters = [clusters[code] for code in spec.clusters]
        page.save()
    page.save_revision(user=owner).publish(user=publisher)
    return Page.objects.get(pk=page.pk).specific


def _default_welcome_page_remove(*, keep: Page) -> None:
    """Drop Wagtail's "Welcome to your new Wagtail site!" placeholder page."""
    for page in Page.objects.filter(depth=2, numchild=0).exclude(pk=keep.pk):
        if type(page.specific) is Page:
            page.delete()


def site_ensure(*, home: Page) -> Site:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(hostname="localhost", port=80, is_default_site=True)
    site.root_page = home
    site.site_name = settings.WAGTAIL_SITE_NAME
    site.save()
    _default_welcome_page_remove(keep=home)
    return site


def _translators(users: dict[str, AbstractBaseUser]) -> dict:
    """Target language -> the demo translator who signs its translations."""
    return {
        language: users[username]
        for username, _role, _agency, language, _name in organisation.USERS
        if language
    }


def programmes_ensure(
    *,
    locales: dict[str, Locale],
    users: dict[str, AbstractBaseUser],
    agencies: dict[str, Agency],
    clusters: dict[str, Cluster],
) -> dict[str, int]:
    """The demo programmes, and translations of the live one; returns key -> id."""
    vi = locales[settings.LANGUAGE_CODE]
    translators = _translators(users)
    ids = {}
    for spec in PROGRAMMES:
        programme = programme_ensure(
            spec=spec, locale=vi, users=users, agencies=agencies, clusters=clusters
        )
        for language in spec["languages"]:
            translation_publish(
                instance=programme,
                label=spec["key"],
                text=spec["text"],
                locale=locales[language],
                refs=Refs(),
                translator=translators.get(language),
                publisher=users["head"],
            )
        ids[spec["key"]] = programme.pk
    return ids


def pages_ensure(
    *,
    locales: dict[str, Locale],
    refs: Refs,
    users: dict[str, AbstractBaseUser],
    agencies: dict[str, Agency],
    clusters: dict[str, Cluster],
) -> dict[str, Page]:
    """The Vietnamese tree, then its translations, parents before children."""
    vi = locales[settings.LANGUAGE_CODE]
    section_owner = {
        slug: next(
            username
            for username, _role, agency, _lang, _name in organisation.USERS
            if agency == agency_slug
        )
        for slug, agency_slug in organisation.PROVIDER_SECTIONS.items()
    }
    common = {
        "locale": vi,
        "refs": refs,
        "agencies": agencies,
        "clusters": clusters,
        "publisher": users["head"],
    }
    root = Page.get_first_root_node()
    home = page_ensure(spec=HOME, parent=root, owner=users["admin"], **common)
    site_ensure(home=home)
    pages = {HOME.slug: home}
    specs = {HOME.slug: HOME}
    for spec in PAGES:
        parent_slug = spec.parent or HOME.slug
        missing = set(spec.languages) - set(specs[parent_slug].languages)
        if missing:
            raise DemoSeedError(
                f'Demo page "{spec.slug}" is translated into {", ".join(missing)} '
                f'but its parent "{parent_slug}" is not; add those languages to '
                "the parent in cms/demo/data/pages."
            )
        owner_name = section_owner.get(spec.slug) or section_owner.get(
            spec.parent, "secretary"
        )
        pages[spec.slug] = page_ensure(
            spec=spec, parent=pages[parent_slug], owner=users[owner_name], **common
        )
        specs[spec.slug] = spec
    translators = _translators(users)
    for spec in [HOME, *PAGES]:
        for language in spec.languages:
            page_translate(
                page=pages[spec.slug],
                spec=spec,
                locale=locales[language],
                refs=refs,
                translator=translators.get(language),
                publisher=users["head"],
            )
    return pages


def provider_sections_assign(
    *, pages: dict[str, Page], agencies: dict[str, Agency]
) -> None:
    for slug, agency_slug in organisation.PROVIDER_SECTIONS.items():
        editorial.provider_section_assign(
            agency=agencies[agency_slug], page=pages[slug]
        )


def airtime_assign(*, clusters: dict[str, Cluster]) -> None:
    """Every demo cluster follows Kon Tum's airtime rule (Decision 03/2024, Art. 6).

    The demo province is modelled on Kon Tum. A cluster that already follows a
    policy (an editor changed it) keeps it.
    """
    kon_tum = next(
        policy
        for policy in airtime_presets_ensure()
        if policy.regulation == Regulation.KON_TUM
    )
    for cluster in clusters.values():
        PolicyCluster.objects.get_or_create(
            cluster=cluster, defaults={"policy": kon_tum}
        )


def playlists_ensure(
    *, programmes: dict[str, int], clusters: dict[str, Cluster]
) -> None:
    """The demo faces' playlists; a face whose playlist exists keeps it."""
    for spec in PLAYLISTS:
        face = LedFace.objects.get(cluster=clusters[spec["cluster"]], code=spec["face"])
        playlist, created = FacePlaylist.objects.get_or_create(face=face)
        if not created:
            continue
        FacePlaylistEntry.objects.bulk_create(
            FacePlaylistEntry(
                playlist=playlist,
                programme_id=programmes[key],
                plays_per_loop=plays,
                sort_order=order,
            )
            for order, (key, plays) in enumerate(spec["entries"])
        )


def demo_seed(*, password: str | None = None) -> DemoSeedResult:
    """Create (or complete) the demo province; safe to run again.

    Raises DemoSeedError under production settings or for a weak password.
    """
    demo_allowed_check()
    generated = password is None
    if password is None:
        password = password_generate()
    else:
        password_check(password=password)
    # The demo users' addresses are made up: keep workflow notifications from
    # being sent (or printed by the console backend) while seeding.
    with (
        override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
        transaction.atomic(),
    ):
        locales = locales_ensure()
        agencies = agencies_ensure()
        clusters = clusters_ensure(agencies=agencies)
        airtime_assign(clusters=clusters)
        editorial.roles_sync()
        users, labels = users_ensure(password=password, agencies=agencies)
        refs = Refs(
            images=images_ensure(),
            programmes=programmes_ensure(
                locales=locales, users=users, agencies=agencies, clusters=clusters
            ),
        )
        playlists_ensure(programmes=refs.programmes, clusters=clusters)
        pages = pages_ensure(
            locales=locales,
            refs=refs,
            users=users,
            agencies=agencies,
            clusters=clusters,
        )
        provider_sections_assign(pages=pages, agencies=agencies)
        editorial.roles_sync()
    return DemoSeedResult(
        admin_url=settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/admin/",
        password=password,
        password_generated=generated,
        users=labels,
        pages=Page.objects.filter(depth__gte=2).count(),
        programmes=Programme.objects.filter(locale__language_code="vi").count(),
    )
