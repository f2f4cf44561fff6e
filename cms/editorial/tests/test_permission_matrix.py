"""Every role against every editorial action, through the real admin URLs.

Each action returns whether it took effect (a page created, edited, submitted,
approved, published, translated, deleted; a draft shown; the audit log read),
so a refused action is one that changed nothing, whatever the response.
"""

import pytest
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation

from cms.content.models import SectionPage

from . import factories
from .forms import edit_form_data

ROLES = [
    "admin",
    "head",
    "secretary",
    "provider",
    "translator",
    "operator",
    "technician",
    "inspector",
]

# action: roles allowed to do it (everyone else is refused)
ALLOWED = {
    "create": {"admin", "head", "secretary", "provider"},
    "edit": {"admin", "head", "secretary", "provider"},
    "submit": {"admin", "head", "secretary", "provider"},
    "approve_review": {"admin", "secretary"},
    "approve_final": {"admin", "head"},
    "publish": {"admin", "head"},
    "translate": {"admin", "head", "secretary", "translator"},
    "delete": {"admin", "head", "secretary", "provider"},
    "view_other_agency_draft": {"admin", "head", "secretary"},
    "read_audit_log": {"admin", "head", "inspector"},
}


def _refused(response) -> bool:
    """Wagtail answers PermissionDenied with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302
        and response["Location"] == reverse("wagtailadmin_home")
    )


def _own_draft(world):
    return factories.draft_page(
        world.border_section, "Giờ mở cửa khẩu", owner=world.users["provider"]
    )


def do_create(client, world, user):
    parent = world.border_section
    url = reverse("wagtailadmin_pages:add", args=["content", "sectionpage", parent.id])
    data = edit_form_data(
        SectionPage(), user, parent=parent, title="Thủ tục mới", slug="thu-tuc-moi"
    )
    client.post(url, data)
    return Page.objects.child_of(parent).filter(title="Thủ tục mới").exists()


def do_edit(client, world, user):
    page = _own_draft(world)
    data = edit_form_data(page, user, title="Giờ mở cửa (sửa)")
    client.post(reverse("wagtailadmin_pages:edit", args=[page.id]), data)
    return Page.objects.get(id=page.id).draft_title == "Giờ mở cửa (sửa)"


def do_submit(client, world, user):
    page = _own_draft(world)
    data = edit_form_data(page, user, **{"action-submit": "Submit"})
    client.post(reverse("wagtailadmin_pages:edit", args=[page.id]), data)
    return (
        WorkflowState.objects.for_instance(page).filter(status="in_progress").exists()
    )


def _submitted(world):
    page = _own_draft(world)
    workflow = page.get_workflow()
    state = workflow.start(page, world.users["provider"])
    return page, state


def _approve(client, page, state):
    task_state = state.current_task_state
    url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.id, "approve", task_state.id]
    )
    client.post(url, {"comment": ""})
    task_state.refresh_from_db()
    return task_state.status == "approved"


def do_approve_review(client, world, user):
    page, state = _submitted(world)
    return _approve(client, page, state)


def do_approve_final(client, world, user):
    page, state = _submitted(world)
    task_state = state.current_task_state
    task_state.task.specific.on_action(
        task_state.specific, world.users["secretary"], "approve"
    )
    state.refresh_from_db()
    approved = _approve(client, page, state)
    assert Page.objects.get(id=page.id).live is approved
    return approved


def do_publish(client, world, user):
    page = _own_draft(world)
    data = edit_form_data(page, user, **{"action-publish": "Publish"})
    client.post(reverse("wagtailadmin_pages:edit", args=[page.id]), data)
    return Page.objects.get(id=page.id).live


def do_translate(client, world, user):
    factories.translate(world.border_section, "en", publish=True)
    page = _own_draft(world)
    factories.translate(page, "en")
    translation = factories.translation_of(page, "en")
    segment = StringSegment.objects.filter(source=translation.source).first()
    url = reverse(
        "wagtail_localize:edit_string_translation", args=[translation.id, segment.id]
    )
    client.put(
        url,
        data="value=Opening+hours",
        content_type="application/x-www-form-urlencoded",
    )
    return StringTranslation.objects.filter(
        translation_of_id=segment.string_id, data="Opening hours"
    ).exists()


def do_delete(client, world, user):
    page = _own_draft(world)
    client.post(reverse("wagtailadmin_pages:delete", args=[page.id]))
    return not Page.objects.filter(id=page.id).exists()


def do_view_other_agency_draft(client, world, user):
    page = factories.draft_page(world.radio_section, "Bản tin nháp")
    programme = factories.programme(world.radio, "Phóng sự nháp")
    page_response = client.get(reverse("wagtailadmin_pages:edit", args=[page.id]))
    programme_response = client.get(
        reverse("wagtailsnippets_programmes_programme:edit", args=[programme.pk])
    )
    shown = [page_response.status_code == 200, programme_response.status_code == 200]
    if not any(shown):
        assert _refused(page_response) and _refused(programme_response)
        preview = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.id]))
        assert _refused(preview)
    assert shown[0] == shown[1], shown
    return shown[0]


def do_read_audit_log(client, world, user):
    response = client.get(reverse("wagtailadmin_reports:site_history"))
    if response.status_code != 200:
        assert _refused(response)
    return response.status_code == 200


@pytest.mark.parametrize("action", sorted(ALLOWED))
@pytest.mark.parametrize("role", ROLES)
def test_role_may_do_only_what_its_role_allows(world, client, role, action):
    user = world.users[role]
    client.force_login(user)
    done = globals()[f"do_{action}"](client, world, user)
    assert done is (role in ALLOWED[action]), (
        f"{role} {'could' if done else 'could not'} {action}"
    )
