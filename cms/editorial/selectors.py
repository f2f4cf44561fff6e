"""Reads about who plays which editorial role."""

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

from cms.agencies.models import Agency

from .models import Role, RoleGroup
from .roles import BOARD_ROLES


def role_groups_for_user(*, user: AbstractBaseUser | AnonymousUser) -> QuerySet:
    """The RoleGroup rows of every group the user belongs to."""
    if not user.is_authenticated:
        return RoleGroup.objects.none()
    return RoleGroup.objects.filter(group__user=user)


# Roles with no agency that may view every agency's material (their model
# permissions keep them from changing it).
READ_ALL_ROLES = {Role.INSPECTOR, Role.OPERATOR, Role.TECHNICIAN}


def user_is_board_member(*, user: AbstractBaseUser | AnonymousUser) -> bool:
    """True for superusers and members of a board-wide role (head, secretariat)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return role_groups_for_user(user=user).filter(role__in=BOARD_ROLES).exists()


def user_agency_scope(*, user: AbstractBaseUser | AnonymousUser) -> set[int] | None:
    """Agency ids whose material the user may see, or None for no restriction.

    Board members see everything, and so do the roles that read without
    editing (inspectors; operators and technicians, who see what their screens
    play); anyone else sees only the agencies whose provider group they belong
    to (an empty set for everyone else).
    """
    if user_is_board_member(user=user):
        return None
    groups = role_groups_for_user(user=user)
    if groups.filter(role__in=READ_ALL_ROLES).exists():
        return None
    return set(groups.filter(role=Role.PROVIDER).values_list("agency_id", flat=True))


def user_agencies(*, user: AbstractBaseUser | AnonymousUser) -> QuerySet:
    """Agencies whose provider group the user belongs to."""
    ids = (
        role_groups_for_user(user=user)
        .filter(role=Role.PROVIDER)
        .values_list("agency_id", flat=True)
    )
    return Agency.objects.filter(id__in=ids)


def user_translator_languages(*, user: AbstractBaseUser | AnonymousUser) -> set[str]:
    """Language codes of the translator groups the user belongs to."""
    return set(
        role_groups_for_user(user=user)
        .filter(role=Role.TRANSLATOR)
        .values_list("language", flat=True)
    )


def target_languages() -> list[str]:
    """Content languages other than the source language, in settings order."""
    source = settings.LANGUAGE_CODE
    return [
        code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != source
    ]


def provider_group(*, agency: Agency):
    """The agency's provider group, or None if it has none yet."""
    role_group = RoleGroup.objects.filter(role=Role.PROVIDER, agency=agency).first()
    return role_group.group if role_group else None


def role_group(*, role: str, language: str = ""):
    """The group of a single-group role or of a translator language, or None."""
    role_group = RoleGroup.objects.filter(role=role, language=language).first()
    return role_group.group if role_group else None


def user_can_read_audit_log(*, user: AbstractBaseUser | AnonymousUser) -> bool:
    """Administrators, the head of board and inspectors read the site history."""
    return user.is_authenticated and (
        user.is_superuser or user.has_perm("wagtailcore.view_pagelogentry")
    )
