from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import GroupPagePermission, Page, WorkflowPage

from cms.editorial.models import EditorialWorkflow, Role, RoleGroup
from cms.editorial.services import roles_sync

from . import factories


def group_permissions(group: Group) -> set[str]:
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def test_fresh_database_has_every_role_group_after_migrate(db):
    roles = set(RoleGroup.objects.values_list("role", flat=True))
    assert {
        Role.ADMINISTRATOR,
        Role.HEAD,
        Role.SECRETARIAT,
        Role.TRANSLATOR,
        Role.OPERATOR,
        Role.TECHNICIAN,
        Role.INSPECTOR,
    } <= roles
    languages = set(
        RoleGroup.objects.filter(role=Role.TRANSLATOR).values_list(
            "language", flat=True
        )
    )
    assert languages == {"en", "zh-hans", "lo", "km", "bdq"}
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()


def test_setup_roles_is_idempotent_and_repairs_permissions(db):
    call_command("setup_roles", stdout=open("/dev/null", "w"))
    counts = (Group.objects.count(), GroupPagePermission.objects.count())
    head = RoleGroup.objects.get(role=Role.HEAD).group
    head.permissions.clear()
    call_command("setup_roles", stdout=open("/dev/null", "w"))
    assert (Group.objects.count(), GroupPagePermission.objects.count()) == counts
    assert "programmes.publish_programme" in group_permissions(head)
    assert EditorialWorkflow.objects.count() == 1


def test_secretariat_cannot_publish_and_head_can(db):
    roles_sync()
    secretariat = RoleGroup.objects.get(role=Role.SECRETARIAT).group
    head = RoleGroup.objects.get(role=Role.HEAD).group
    root = Page.get_first_root_node()

    def page_codenames(group):
        return set(
            GroupPagePermission.objects.filter(group=group, page=root).values_list(
                "permission__codename", flat=True
            )
        )

    assert "publish_page" not in page_codenames(secretariat)
    assert "publish_page" in page_codenames(head)
    assert "programmes.publish_programme" not in group_permissions(secretariat)


def test_technicians_edit_clusters_but_no_content(db):
    technicians = RoleGroup.objects.get(role=Role.TECHNICIAN).group
    permissions = group_permissions(technicians)
    assert "clusters.change_cluster" in permissions
    assert not {p for p in permissions if p.startswith("programmes.")}
    assert not GroupPagePermission.objects.filter(group=technicians).exists()


def test_new_agency_gets_its_provider_group_named_from_its_slug(db):
    agency = factories.AgencyFactory(slug="cong-an-tinh")
    role_group = RoleGroup.objects.get(role=Role.PROVIDER, agency=agency)
    assert "cong-an-tinh" in role_group.group.name
    assert "programmes.add_programme" in group_permissions(role_group.group)
    assert "programmes.publish_programme" not in group_permissions(role_group.group)


def test_workflow_covers_every_locale_tree_and_programmes(db):
    home_vi = factories.home_page("vi")
    factories.locale("en")
    home_en = factories.home_page("en")
    workflow = EditorialWorkflow.objects.get().workflow
    assert [t.specific.groups.get() for t in workflow.tasks] == [
        RoleGroup.objects.get(role=Role.SECRETARIAT).group,
        RoleGroup.objects.get(role=Role.HEAD).group,
    ]
    for page in (Page.get_first_root_node(), home_vi, home_en):
        assert WorkflowPage.objects.get(page=page).workflow == workflow
    assert home_en.get_workflow() == workflow
    programme = factories.programme(factories.AgencyFactory(), "Clip")
    assert programme.get_workflow() == workflow
