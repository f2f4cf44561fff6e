"""The audit log ("Reports > Site history"): who may read it, and what it holds."""

from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry

from cms.editorial.models import Role
from cms.editorial.services import user_create, user_deactivate

from . import factories


def test_inspector_reads_every_page_action_without_page_permissions(world, client):
    page = factories.draft_page(world.radio_section, "Bản tin biên giới")
    page.get_workflow().start(page, world.users["provider_radio"])
    client.force_login(world.users["inspector"])
    response = client.get(reverse("wagtailadmin_reports:site_history"))
    assert response.status_code == 200
    assert "Bản tin biên giới" in response.content.decode()
    results = client.get(reverse("wagtailadmin_reports:site_history_results"))
    assert "Bản tin biên giới" in results.content.decode()


def test_site_history_hidden_and_refused_for_other_roles(world, client):
    client.force_login(world.users["provider"])
    for name in ("site_history", "site_history_results"):
        response = client.get(reverse(f"wagtailadmin_reports:{name}"))
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_home")
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtailadmin_reports:site_history") not in dashboard

    client.force_login(world.users["inspector"])
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtailadmin_reports:site_history") in dashboard


def test_programme_and_page_actions_are_logged_with_their_user(world):
    provider = world.users["provider"]
    programme = factories.programme(world.border, "Phóng sự", owner=provider)
    programme.get_workflow().start(programme, provider)
    page = factories.draft_page(world.border_section, "Trang nháp", owner=provider)
    page.get_workflow().start(page, provider)
    assert ModelLogEntry.objects.filter(
        object_id=str(programme.pk), action="wagtail.workflow.start", user=provider
    ).exists()
    assert PageLogEntry.objects.filter(
        page=page, action="wagtail.workflow.start", user=provider
    ).exists()


def test_account_and_role_changes_are_logged(world, client):
    head = world.users["head"]
    user = user_create(
        username="translator_km",
        password=factories.PASSWORD,
        role=Role.TRANSLATOR,
        language="km",
        by=head,
    )
    user_deactivate(user=user, by=head)
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(user.pk))
        .order_by("timestamp", "id")
        .values_list("action", "user_id")
    )
    assert actions == [
        ("wagtail.create", head.id),
        ("editorial.role_assign", head.id),
        ("editorial.deactivate", head.id),
    ]
    assert PageLogEntry.objects.filter(
        page=world.border_section, action="editorial.section_assign"
    ).exists()
    client.force_login(world.users["inspector"])
    response = client.get(reverse("wagtailadmin_reports:site_history"))
    assert "translator_km" in response.content.decode()
