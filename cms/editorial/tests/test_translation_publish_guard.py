"""No wagtail-localize path lets someone who may not publish make a page live."""

import pytest
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Page, WorkflowState

from cms.programmes.models import Programme

from . import factories


@pytest.fixture
def gate(world):
    """A live Vietnamese page with a draft English translation."""
    factories.translate(world.border_section, "en", publish=True)
    page = factories.section(world.border_section, "Giờ mở cửa khẩu")
    en_page = factories.translate(page, "en")
    assert not en_page.live
    return page, en_page


def _live(page) -> bool:
    return Page.objects.get(id=page.id).live


def _messages(response) -> list[tuple[str, str]]:
    return [(m.level_tag, str(m)) for m in response.wsgi_request._messages]


def _post(client, url, data=None, **kwargs):
    """POST and run on-commit callbacks: wagtail-localize publishes in them."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(url, data or {}, **kwargs)


def test_translator_publish_in_editor_sends_translation_for_review(world, gate, client):
    _page, en_page = gate
    client.force_login(world.users["translator"])
    response = _post(
        client,
        reverse("wagtailadmin_pages:edit", args=[en_page.id]),
        {"action": "publish"},
    )
    assert response.status_code == 302
    assert not _live(en_page)
    state = WorkflowState.objects.for_instance(en_page).get()
    assert state.status == "in_progress"
    assert state.requested_by == world.users["translator"]
    assert ("success", _messages(response)[-1][1]) in _messages(response)
    assert "Giờ mở cửa khẩu" in _messages(response)[-1][1]


def test_reviewed_translation_goes_live_after_head_approval(world, gate, client):
    _page, en_page = gate
    client.force_login(world.users["translator"])
    _post(
        client,
        reverse("wagtailadmin_pages:edit", args=[en_page.id]),
        {"action": "publish"},
    )
    for reviewer in ("secretary", "head"):
        assert not _live(en_page)
        client.force_login(world.users[reviewer])
        task_state = (
            WorkflowState.objects.for_instance(en_page).get().current_task_state
        )
        _post(
            client,
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[en_page.id, "approve", task_state.id],
            ),
            {"comment": ""},
        )
    assert _live(en_page)


def test_head_may_publish_from_the_translation_editor(world, gate, client):
    _page, en_page = gate
    client.force_login(world.users["head"])
    _post(
        client,
        reverse("wagtailadmin_pages:edit", args=[en_page.id]),
        {"action": "publish"},
    )
    assert _live(en_page)
    assert not WorkflowState.objects.for_instance(en_page).exists()


def _sync_url(page):
    return reverse(
        "wagtail_localize:update_translations",
        args=[factories.translation_of(page, "en").source_id],
    )


def test_sync_translated_pages_cannot_publish_for_secretariat(world, gate, client):
    page, en_page = gate
    client.force_login(world.users["secretary"])
    response = _post(client, _sync_url(page), {"publish_translations": "on"})
    assert response.status_code == 302
    assert not _live(en_page)
    [(level, text)] = _messages(response)
    assert level == "error" and "Giờ mở cửa khẩu" in text


def test_sync_translated_pages_refused_to_translators(world, gate, client):
    page, en_page = gate
    client.force_login(world.users["translator"])
    response = _post(client, _sync_url(page), {"publish_translations": "on"})
    assert response.status_code in (302, 403)
    assert not _live(en_page)


def test_sync_translated_pages_publishes_for_the_head(world, gate, client):
    page, en_page = gate
    client.force_login(world.users["head"])
    _post(client, _sync_url(page), {"publish_translations": "on"})
    assert _live(en_page)


def test_translator_cannot_convert_translation_into_live_alias(world, gate, client):
    _page, en_page = gate
    client.force_login(world.users["translator"])
    url = reverse("wagtail_localize:convert_to_alias", args=[en_page.id])
    response = _post(client, url)
    assert response.status_code == 302
    en_page = Page.objects.get(id=en_page.id)
    assert en_page.alias_of_id is None
    assert not en_page.live
    [(level, text)] = _messages(response)
    assert level == "error" and "Giờ mở cửa khẩu" in text
    # The same request through the edit form's action menu.
    _post(
        client,
        reverse("wagtailadmin_pages:edit", args=[en_page.id]),
        {"localize-convert-to-alias": "1"},
        follow=True,
    )
    en_page = Page.objects.get(id=en_page.id)
    assert en_page.alias_of_id is None
    assert not en_page.live


def test_restarting_a_stopped_translation_does_not_publish(world, gate, client):
    page, en_page = gate
    translation = factories.translation_of(page, "en")
    translation.enabled = False
    translation.save()
    client.force_login(world.users["translator"])
    _post(
        client,
        reverse("wagtailadmin_pages:edit", args=[en_page.id]),
        {"localize-restart-translation": "1"},
    )
    translation.refresh_from_db()
    assert translation.enabled
    assert not _live(en_page)


def test_translator_edits_only_their_own_locale(world, gate, client):
    page, en_page = gate
    client.force_login(world.users["translator_zh"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[en_page.id]))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    response = _post(
        client,
        reverse("wagtailadmin_pages:edit", args=[en_page.id]),
        {"action": "publish"},
    )
    assert not _live(en_page)
    assert not WorkflowState.objects.for_instance(en_page).exists()
    client.force_login(world.users["translator"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.id]))
    assert response["Location"] == reverse("wagtailadmin_home")


def test_translate_this_page_creates_a_draft_even_from_a_live_source(
    world, gate, client
):
    factories.translate(world.border_section, "zh-hans", publish=True)
    page, _en_page = gate
    client.force_login(world.users["secretary"])
    _post(
        client,
        reverse("wagtail_localize:submit_page_translation", args=[page.id]),
        {"locales": [factories.locale("zh-hans").id]},
    )
    zh_page = page.get_translation(factories.locale("zh-hans"))
    assert page.live
    assert not zh_page.live


def test_secretariat_publish_of_programme_translation_is_sent_for_review(world, client):
    programme = factories.programme(world.border, "Phóng sự cửa khẩu")
    source = factories.TranslationSource.get_or_create_from_instance(programme)[0]
    translation = factories.Translation.objects.create(
        source=source, target_locale=factories.locale("en")
    )
    translation.save_target(publish=False)
    en_programme = programme.get_translation(factories.locale("en"))
    client.force_login(world.users["secretary"])
    _post(
        client,
        reverse("wagtailsnippets_programmes_programme:edit", args=[en_programme.pk]),
        {"action": "publish"},
    )
    assert not Programme.objects.get(pk=en_programme.pk).live
    state = WorkflowState.objects.for_instance(en_programme).get()
    assert state.status == "in_progress"


def test_translator_cannot_turn_a_live_alias_into_a_translated_looking_page(
    world, client
):
    en_section = factories.translate(world.border_section, "en", publish=True)
    page = factories.section(world.border_section, "Biểu phí cửa khẩu")
    alias = page.copy_for_translation(factories.locale("en"), alias=True)
    assert alias.live and alias.get_parent().id == en_section.id
    client.force_login(world.users["translator"])
    response = _post(
        client, reverse("wagtailadmin_pages:convert_alias", args=[alias.id])
    )
    assert response.status_code == 302
    assert Page.objects.get(id=alias.id).alias_of_id == page.id

    client.force_login(world.users["head"])
    _post(client, reverse("wagtailadmin_pages:convert_alias", args=[alias.id]))
    assert Page.objects.get(id=alias.id).alias_of_id is None


def test_translator_sends_translation_for_review_from_the_explorer(world, gate, client):
    _page, en_page = gate
    client.force_login(world.users["translator"])
    review_url = reverse("editorial_translation_review", args=[en_page.id])
    listing = client.get(
        reverse("wagtailadmin_explore", args=[en_page.get_parent().id])
    ).content.decode()
    assert review_url in listing
    assert client.get(review_url).status_code == 200
    _post(client, review_url)
    assert not _live(en_page)
    state = WorkflowState.objects.for_instance(en_page).get()
    assert state.status == "in_progress"

    client.force_login(world.users["head"])
    listing = client.get(
        reverse("wagtailadmin_explore", args=[en_page.get_parent().id])
    ).content.decode()
    assert review_url not in listing  # the head publishes instead
