"""Writes for editorial roles, permissions and the moderation workflow."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser, Group, Permission
from django.contrib.auth.password_validation import validate_password
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from cms.agencies.models import Agency
from cms.programmes.models import Programme

from . import roles
from .errors import RoleSetupError, TranslationReviewError
from .models import EditorialWorkflow, Role, RoleGroup
from .selectors import target_languages

# Groups Wagtail's own first migration creates; our roles replace them.
WAGTAIL_DEFAULT_GROUPS = ["Moderators", "Editors"]


def _translated(message, **params) -> str:
    """A message in the site's default language (group and workflow names)."""
    with translation.override(settings.LANGUAGE_CODE):
        text = str(message)
    return text % params if params else text


def _permissions(names: list[str]) -> list[Permission]:
    found = []
    for name in names:
        app_label, codename = name.split(".")
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is None:
            raise RoleSetupError(
                f'Permission "{name}" does not exist; run "manage.py migrate" '
                "so that every app has created its permissions, then retry."
            )
        found.append(permission)
    return found


def _page_permissions(codenames: list[str]) -> list[Permission]:
    return _permissions([f"wagtailcore.{codename}" for codename in codenames])


def _group_ensure(*, role: str, name: str, agency=None, language: str = "") -> Group:
    role_group = (
        RoleGroup.objects.select_related("group")
        .filter(role=role, agency=agency, language=language)
        .first()
    )
    if role_group:
        return role_group.group
    group, _created = Group.objects.get_or_create(name=name)
    RoleGroup.objects.create(group=group, role=role, agency=agency, language=language)
    return group


def _page_permissions_set(*, group: Group, pages, codenames: list[str]) -> None:
    """Give the group exactly these permissions on exactly these pages."""
    pages = list(pages)
    permissions = _page_permissions(codenames)
    GroupPagePermission.objects.filter(group=group).exclude(
        page__in=pages, permission__in=permissions
    ).delete()
    for page in pages:
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=permission
            )


def _collection_permissions_set(*, group: Group, names: list[str]) -> None:
    root = Collection.get_first_root_node()
    if root is None:
        # A flushed database (transactional tests) has no collections until
        # Wagtail's migration data is back; the next sync sets them.
        return
    permissions = _permissions(names)
    GroupCollectionPermission.objects.filter(group=group).exclude(
        collection=root, permission__in=permissions
    ).delete()
    for permission in permissions:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )


def _role_permissions_apply(*, group: Group, role: str) -> None:
    if role == Role.ADMINISTRATOR:
        group.permissions.set(Permission.objects.all())
    else:
        group.permissions.set(_permissions(roles.MODEL_PERMISSIONS[role]))
    _collection_permissions_set(
        group=group, names=roles.COLLECTION_PERMISSIONS.get(role, [])
    )


def role_group_ensure(*, role: str) -> Group:
    """Create (or find) the group of a board-wide role and set its permissions."""
    if role not in roles.ROLE_NAMES:
        raise RoleSetupError(
            f'"{role}" is not a single-group role; use one of '
            f"{', '.join(sorted(roles.ROLE_NAMES))}, or provider_group_ensure() / "
            "translator_group_ensure()."
        )
    group = _group_ensure(role=role, name=_translated(roles.ROLE_NAMES[role]))
    _role_permissions_apply(group=group, role=role)
    root_codenames = roles.ROOT_PAGE_PERMISSIONS.get(role, [])
    root = Page.get_first_root_node()
    _page_permissions_set(
        group=group,
        pages=[root] if root and root_codenames else [],
        codenames=root_codenames,
    )
    return group


def provider_group_ensure(*, agency: Agency) -> Group:
    """Create (or find) the agency's provider group and set its permissions.

    The group keeps the section pages it was given by provider_section_assign().
    """
    group = _group_ensure(
        role=Role.PROVIDER,
        name=_translated(roles.PROVIDER_NAME, agency=agency.slug),
        agency=agency,
    )
    _role_permissions_apply(group=group, role=Role.PROVIDER)
    sections = Page.objects.filter(group_permissions__group=group).distinct()
    _page_permissions_set(
        group=group, pages=sections, codenames=roles.PROVIDER_PAGE_PERMISSIONS
    )
    return group


@transaction.atomic
def provider_section_assign(*, agency: Agency, page: Page) -> Group:
    """Let the agency's providers create and edit pages under this section."""
    if page.depth <= 1:
        raise RoleSetupError(
            f'Page "{page}" is the tree root; give provider "{agency.slug}" a '
            "section page instead."
        )
    group = provider_group_ensure(agency=agency)
    created = [
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=permission
        )[1]
        for permission in _page_permissions(roles.PROVIDER_PAGE_PERMISSIONS)
    ]
    if any(created):
        log(
            instance=page.specific,
            action="editorial.section_assign",
            data={"agency": agency.slug, "group": group.name},
        )
    return group


def _language_label(language: str) -> str:
    name = dict(settings.WAGTAIL_CONTENT_LANGUAGES).get(language, language)
    return f"{name} ({language})"


def _locale_roots(language: str):
    return Page.objects.filter(depth=2, locale__language_code=language)


def translator_group_ensure(*, language: str) -> Group:
    """Create (or find) the translator group of a target language.

    Its members edit pages only in that language's trees.
    """
    if language not in target_languages():
        raise RoleSetupError(
            f'"{language}" is not a target content language; choose one of '
            f"{', '.join(target_languages())} (settings.CONTENT_LANGUAGES)."
        )
    group = _group_ensure(
        role=Role.TRANSLATOR,
        name=_translated(roles.TRANSLATOR_NAME, language=_language_label(language)),
        language=language,
    )
    _role_permissions_apply(group=group, role=Role.TRANSLATOR)
    _page_permissions_set(
        group=group,
        pages=_locale_roots(language),
        codenames=roles.TRANSLATOR_PAGE_PERMISSIONS,
    )
    return group


def _wagtail_default_groups_remove() -> None:
    Group.objects.filter(
        name__in=WAGTAIL_DEFAULT_GROUPS,
        editorial_role__isnull=True,
        user__isnull=True,
    ).delete()


@transaction.atomic
def roles_sync() -> list[Group]:
    """Create every role's group with exactly the permissions it needs.

    Idempotent: run it again to repair permissions changed by hand. It also
    creates the moderation workflow (workflows_sync()).
    """
    groups = [role_group_ensure(role=role) for role in roles.ROLE_NAMES]
    groups += [provider_group_ensure(agency=a) for a in Agency.objects.all()]
    groups += [translator_group_ensure(language=code) for code in target_languages()]
    _wagtail_default_groups_remove()
    workflows_sync()
    return groups


def _task_ensure(task: GroupApprovalTask | None, *, name: str, group: Group):
    if task is None:
        task = GroupApprovalTask.objects.create(name=name)
    elif not task.active:
        task.active = True
        task.save(update_fields=["active"])
    task.groups.set([group])
    return task


@transaction.atomic
def workflows_sync() -> Workflow:
    """Put every page tree and every programme through the editorial workflow.

    "Secretariat review → Head of board approval": two group approval tasks,
    assigned to the tree root, to each locale's home page and to programmes.
    """
    secretariat = role_group_ensure(role=Role.SECRETARIAT)
    head = role_group_ensure(role=Role.HEAD)
    binding = EditorialWorkflow.objects.select_related(
        "workflow", "secretariat_task", "head_task"
    ).first()
    first = _task_ensure(
        binding.secretariat_task if binding else None,
        name=_translated(roles.SECRETARIAT_TASK_NAME),
        group=secretariat,
    )
    second = _task_ensure(
        binding.head_task if binding else None,
        name=_translated(roles.HEAD_TASK_NAME),
        group=head,
    )
    if binding is None:
        workflow = Workflow.objects.create(name=_translated(roles.WORKFLOW_NAME))
        binding = EditorialWorkflow.objects.create(
            workflow=workflow, secretariat_task=first, head_task=second
        )
    workflow = binding.workflow
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    WorkflowTask.objects.filter(workflow=workflow).exclude(
        task__in=[first, second]
    ).delete()
    for order, task in enumerate([first, second]):
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )
    for page in Page.objects.filter(depth__lte=2):
        WorkflowPage.objects.update_or_create(
            page=page, defaults={"workflow": workflow}
        )
    WorkflowContentType.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(Programme),
        defaults={"workflow": workflow},
    )
    return workflow


def locale_root_rules_apply(*, page: Page) -> None:
    """Give a new locale home page the workflow and its translators' access."""
    if page.depth != 2:
        return
    binding = EditorialWorkflow.objects.select_related("workflow").first()
    if binding:
        WorkflowPage.objects.update_or_create(
            page=page, defaults={"workflow": binding.workflow}
        )
    language = page.locale.language_code
    if language in target_languages():
        group = translator_group_ensure(language=language)
        for permission in _page_permissions(roles.TRANSLATOR_PAGE_PERMISSIONS):
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=permission
            )


def _role_group_for(*, role: str, agency: Agency | None, language: str | None):
    if role == Role.PROVIDER:
        if agency is None:
            raise ValidationError(
                _("A provider needs an agency; pass agency=<Agency>.")
            )
        return provider_group_ensure(agency=agency)
    if role == Role.TRANSLATOR:
        if language not in target_languages():
            raise ValidationError(
                _(
                    "A translator needs a target language, got %(language)s; "
                    "choose one of %(choices)s."
                )
                % {
                    "language": language or "-",
                    "choices": ", ".join(target_languages()),
                }
            )
        return translator_group_ensure(language=language)
    if role not in roles.ROLE_NAMES:
        raise ValidationError(
            _("Unknown role %(role)s; choose one of %(choices)s.")
            % {"role": role, "choices": ", ".join(Role.values)}
        )
    return role_group_ensure(role=role)


@transaction.atomic
def user_role_assign(
    *,
    user: AbstractBaseUser,
    role: str,
    agency: Agency | None = None,
    language: str | None = None,
    by: AbstractBaseUser | None = None,
) -> Group:
    """Add the user to the role's group; administrators become superusers.

    `by` is who did it, for the audit log.
    """
    group = _role_group_for(role=role, agency=agency, language=language)
    already = user.groups.filter(pk=group.pk).exists()
    user.groups.add(group)
    if not already:
        log(
            instance=user,
            action="editorial.role_assign",
            user=by,
            data={"role": role, "group": group.name},
        )
    if role == Role.ADMINISTRATOR and not user.is_superuser:
        user.is_superuser = True
        user.is_staff = True
        user.save(update_fields=["is_superuser", "is_staff"])
    return group


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str,
    role: str,
    agency: Agency | None = None,
    language: str | None = None,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
    by: AbstractBaseUser | None = None,
) -> AbstractBaseUser:
    """Create an active user in one role, after checking the password strength.

    Raises ValidationError naming what is wrong (taken username, weak password,
    missing agency or language).
    """
    user_model = get_user_model()
    if user_model.objects.filter(username=username).exists():
        raise ValidationError(
            _('A user named "%(username)s" already exists; choose another username.')
            % {"username": username}
        )
    user = user_model(
        username=username, email=email, first_name=first_name, last_name=last_name
    )
    try:
        validate_password(password, user=user)
    except ValidationError as err:
        raise ValidationError(
            _('The password for "%(username)s" was refused: %(reasons)s')
            % {"username": username, "reasons": " ".join(err.messages)},
            code="weak_password",
        ) from err
    user.set_password(password)
    user.save()
    log(instance=user, action="wagtail.create", user=by)
    user_role_assign(user=user, role=role, agency=agency, language=language, by=by)
    return user


def user_deactivate(
    *, user: AbstractBaseUser, by: AbstractBaseUser | None = None
) -> None:
    """Stop the user from logging in; their work and history stay."""
    user.is_active = False
    user.save(update_fields=["is_active"])
    log(instance=user, action="editorial.deactivate", user=by)


def user_can_publish(*, user: AbstractBaseUser, instance) -> bool:
    """Whether the user may publish this page or snippet themselves."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    opts = instance._meta
    return user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")


@transaction.atomic
def translation_submit_for_review(*, translation, user: AbstractBaseUser):
    """Save a translation as a draft and send it through the moderation workflow.

    Used instead of wagtail-localize's "Publish" for users who may not publish:
    the translated page or programme goes live only when the workflow ends.
    Returns the workflow state.
    """
    instance = translation.get_target_instance()
    locale = translation.target_locale.get_display_name()
    if not isinstance(instance, Page) and instance.live:
        # wagtail-localize would take the live translation offline to save a draft.
        raise TranslationReviewError(
            _(
                '"%(object)s" in %(locale)s is live; your translated strings are '
                "saved. Ask the head of the editorial board to publish them."
            )
            % {"object": instance, "locale": locale}
        )
    translation.save_target(user=user, publish=False)
    instance = translation.get_target_instance()
    if isinstance(instance, Page):
        instance = instance.specific
    state = instance.current_workflow_state
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
        return state
    if state:
        # Restart so that reviewers approve the revision just saved.
        state.cancel(user=user)
    workflow = instance.get_workflow()
    if workflow is None:
        raise TranslationReviewError(
            _(
                '"%(object)s" in %(locale)s has no moderation workflow, so it '
                'cannot be sent for review; run "manage.py setup_roles".'
            )
            % {"object": instance, "locale": locale}
        )
    return workflow.start(instance, user)
