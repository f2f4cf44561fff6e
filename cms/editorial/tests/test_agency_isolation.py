"""Providers work only on their own agency's programmes and section."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cms.programmes.models import Programme

from . import factories
from .forms import edit_form_data


def test_provider_programme_list_shows_only_their_agency(world, client):
    factories.programme(world.border, "Phóng sự Bờ Y")
    factories.programme(world.radio, "Bản tin thời sự")
    client.force_login(world.users["provider"])
    response = client.get(reverse("wagtailsnippets_programmes_programme:list"))
    content = response.content.decode()
    assert "Phóng sự Bờ Y" in content
    assert "Bản tin thời sự" not in content

    client.force_login(world.users["secretary"])
    content = client.get(
        reverse("wagtailsnippets_programmes_programme:list")
    ).content.decode()
    assert "Phóng sự Bờ Y" in content and "Bản tin thời sự" in content


def test_provider_cannot_open_another_agencys_programme(world, client):
    other = factories.programme(world.radio, "Bản tin thời sự")
    client.force_login(world.users["provider"])
    revision = other.latest_revision
    for view, args in [
        ("edit", [other.pk]),
        ("history", [other.pk]),
        ("delete", [other.pk]),
        ("workflow_history", [other.pk]),
        ("copy", [other.pk]),
        ("usage", [other.pk]),
        ("revisions_revert", [other.pk, revision.id]),
    ]:
        url = reverse(f"wagtailsnippets_programmes_programme:{view}", args=args)
        response = client.get(url)
        assert response.status_code in (302, 403), (view, response.status_code)
        if response.status_code == 302:
            assert response["Location"] == reverse("wagtailadmin_home")


def test_new_programme_gets_the_providers_agency(world, client):
    provider = world.users["provider"]
    client.force_login(provider)
    data = edit_form_data(
        Programme(),
        provider,
        title="Hướng dẫn xuất nhập cảnh",
        category="essential.projects",
    )
    data.pop("providing_agency", None)
    data["source_video"] = SimpleUploadedFile("huong-dan.mp4", factories.video_bytes())
    response = client.post(reverse("wagtailsnippets_programmes_programme:add"), data)
    assert response.status_code == 302, response.context["form"].errors
    programme = Programme.objects.get(title="Hướng dẫn xuất nhập cảnh")
    assert programme.providing_agency == world.border


def test_provider_cannot_name_another_agency(world, client):
    provider = world.users["provider"]
    client.force_login(provider)
    data = edit_form_data(
        Programme(), provider, title="Giả danh", providing_agency=str(world.radio.id)
    )
    data["source_video"] = SimpleUploadedFile("gia-danh.mp4", factories.video_bytes())
    response = client.post(reverse("wagtailsnippets_programmes_programme:add"), data)
    assert response.status_code == 200
    assert "providing_agency" in response.context["form"].errors
    assert not Programme.objects.filter(title="Giả danh").exists()


def test_provider_explorer_starts_at_their_section(world, client):
    factories.draft_page(world.radio_section, "Tin nháp của đài")
    client.force_login(world.users["provider"])
    response = client.get(reverse("wagtailadmin_explore_root"))
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "wagtailadmin_explore", args=[world.border_section.id]
    )
    response = client.get(
        reverse("wagtailadmin_explore", args=[world.radio_section.id])
    )
    assert "Tin nháp của đài" not in response.content.decode()


def test_programme_chooser_hides_other_agencies_drafts(world, client):
    factories.programme(world.border, "Phóng sự Bờ Y")
    factories.programme(world.radio, "Bản tin nháp của đài")
    live = factories.programme(world.radio, "Bản tin đã phát")
    live.save_revision().publish()
    client.force_login(world.users["provider"])
    response = client.get(reverse("wagtailsnippetchoosers_programmes_programme:choose"))
    content = response.json()["html"]
    assert "Phóng sự Bờ Y" in content
    assert "Bản tin đã phát" in content
    assert "Bản tin nháp của đài" not in content
