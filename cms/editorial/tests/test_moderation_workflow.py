"""Provider → secretariat → head: the moderation workflow through the admin."""

from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry, Page, PageLogEntry, WorkflowState

from cms.editorial.models import EditorialWorkflow

from . import factories
from .forms import edit_form_data


def tasks():
    return EditorialWorkflow.objects.get()


def _post_edit(client, page, user, **changes):
    data = edit_form_data(page, user, **changes)
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.id]), data)


def _workflow_action(client, page, action, comment=""):
    state = WorkflowState.objects.for_instance(page).get(status="in_progress")
    url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.id, action, state.current_task_state.id],
    )
    return client.post(url, {"comment": comment})


def _submitted_by_provider(client, world):
    provider = world.users["provider"]
    page = factories.draft_page(world.border_section, "Giờ mở cửa", owner=provider)
    client.force_login(provider)
    _post_edit(client, page, provider, **{"action-submit": "Submit"})
    return page


def test_provider_submits_secretariat_edits_and_approves_head_publishes(world, client):
    page = _submitted_by_provider(client, world)
    assert not Page.objects.get(id=page.id).live

    secretary = world.users["secretary"]
    client.force_login(secretary)
    _post_edit(client, page, secretary, title="Giờ mở cửa khẩu Bờ Y")
    _workflow_action(client, page, "approve")
    # WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT: the approval was given to the
    # submitted revision; the secretariat's own edit is reviewed once more.
    state = WorkflowState.objects.for_instance(page).get()
    assert state.current_task_state.task_id == tasks().secretariat_task_id
    assert (
        state.current_task_state.revision
        == Page.objects.get(id=page.id).get_latest_revision()
    )
    _workflow_action(client, page, "approve")
    state.refresh_from_db()
    assert state.status == "in_progress"
    assert state.current_task_state.task_id == tasks().head_task_id
    assert not Page.objects.get(id=page.id).live

    client.force_login(world.users["head"])
    _workflow_action(client, page, "approve")

    page = Page.objects.get(id=page.id)
    assert page.live
    assert page.title == "Giờ mở cửa khẩu Bờ Y"
    actions = set(
        PageLogEntry.objects.filter(page=page).values_list("action", flat=True)
    )
    assert {
        "wagtail.workflow.start",
        "wagtail.edit",
        "wagtail.workflow.approve",
        "wagtail.publish",
    } <= actions


def test_secretariat_approval_alone_does_not_publish(world, client):
    page = _submitted_by_provider(client, world)
    client.force_login(world.users["secretary"])
    _workflow_action(client, page, "approve")
    assert not Page.objects.get(id=page.id).live
    # The secretariat cannot take the head's step either.
    _workflow_action(client, page, "approve")
    assert not Page.objects.get(id=page.id).live


def test_request_changes_comment_reaches_the_provider(world, client):
    page = _submitted_by_provider(client, world)
    client.force_login(world.users["secretary"])
    _workflow_action(client, page, "approve")
    mail.outbox.clear()

    client.force_login(world.users["head"])
    _workflow_action(client, page, "reject", comment="Thiếu nguồn tin; ghi rõ đơn vị.")

    state = WorkflowState.objects.for_instance(page).get()
    assert state.status == "needs_changes"
    to_provider = [m for m in mail.outbox if "provider_border@example.org" in m.to]
    assert to_provider, [m.to for m in mail.outbox]
    assert "Thiếu nguồn tin; ghi rõ đơn vị." in to_provider[0].body

    client.force_login(world.users["provider"])
    history = client.get(
        reverse("wagtailadmin_pages:workflow_history_detail", args=[page.id, state.id])
    )
    assert history.status_code == 200
    assert "Thiếu nguồn tin; ghi rõ đơn vị." in history.content.decode()


def test_programme_goes_through_the_same_workflow(world, client):
    provider = world.users["provider"]
    programme = factories.programme(world.border, "Phóng sự cửa khẩu", owner=provider)
    edit_url = reverse("wagtailsnippets_programmes_programme:edit", args=[programme.pk])
    client.force_login(provider)
    client.post(
        edit_url, edit_form_data(programme, provider, **{"action-submit": "Submit"})
    )
    state = WorkflowState.objects.for_instance(programme).get()

    def act(user, action, comment=""):
        client.force_login(user)
        task_state = state.current_task_state
        url = reverse(
            "wagtailsnippets_programmes_programme:workflow_action",
            args=[programme.pk, action, task_state.id],
        )
        client.post(url, {"comment": comment})
        state.refresh_from_db()

    act(world.users["secretary"], "approve")
    mail.outbox.clear()
    act(world.users["head"], "reject", "Phụ đề tiếng Lào chưa khớp.")
    assert state.status == "needs_changes"
    assert any(
        "Phụ đề tiếng Lào chưa khớp." in m.body
        for m in mail.outbox
        if "provider_border@example.org" in m.to
    )

    client.force_login(provider)
    client.post(
        edit_url, edit_form_data(programme, provider, **{"action-submit": "Submit"})
    )
    state.refresh_from_db()
    assert state.status == "in_progress"
    # Each step approves the resubmitted revision (re-approval on edit); only the
    # head's last approval makes it live.
    reviewers = {
        tasks().secretariat_task_id: world.users["secretary"],
        tasks().head_task_id: world.users["head"],
    }
    approvals = []
    while state.status == "in_progress" and len(approvals) < 5:
        programme.refresh_from_db()
        assert not programme.live
        reviewer = reviewers[state.current_task_state.task_id]
        act(reviewer, "approve")
        approvals.append(reviewer.username)
    assert state.status == "approved"
    assert approvals[-1] == "head"
    programme.refresh_from_db()
    assert programme.live
    assert ModelLogEntry.objects.filter(
        object_id=str(programme.pk), action="wagtail.publish"
    ).exists()
