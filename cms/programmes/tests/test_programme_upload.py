"""The admin probes a source video as it is uploaded and says why it refuses one."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail.users.models import UserProfile

from cms.programmes.models import Programme

from .factories import clip_file

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/programmes/programme/add/"


@pytest.fixture
def editor(admin_client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    return admin_client


def post_programme(client, upload):
    data = nested_form_data(
        {
            "title": "Hội chợ thương mại biên giới",
            "description": "",
            "category": "achievements",
            "source_credit": "",
            "all_clusters": "on",
            "subtitle_tracks": inline_formset([]),
        }
    )
    data["source_video"] = upload
    return client.post(ADD_URL, data)


def source_video_errors(response) -> str:
    # Error messages are lazy: read them in the language the editor chose.
    with translation.override("en"):
        return " ".join(str(e) for e in response.context["form"].errors["source_video"])


def stored_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_a_real_video_is_accepted(editor):
    response = post_programme(editor, clip_file("hoi-cho.mp4"))
    assert response.status_code == 302, response.context["form"].errors
    assert Programme.objects.get().title == "Hội chợ thương mại biên giới"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("empty.mp4", b"", "file is empty"),
        ("notes.mp4", "Ghi chú cuộc họp\n".encode() * 50, "not a video"),
        ("anh.mp4", None, "still image"),
    ],
)
def test_a_file_that_is_not_a_video_is_refused_with_the_reason(
    editor, settings, name, content, expected
):
    if content is None:
        import io

        from PIL import Image

        buffer = io.BytesIO()
        Image.new("RGB", (64, 64), "red").save(buffer, "PNG")
        content = buffer.getvalue()
    response = post_programme(editor, SimpleUploadedFile(name, content))

    assert response.status_code == 200
    errors = source_video_errors(response)
    assert expected in errors.lower()
    assert not Programme.objects.exists()
    assert stored_files(settings) == []


def test_an_oversized_upload_is_dropped_while_streaming_and_refused(editor, settings):
    settings.PROGRAMME_UPLOAD_MAX_BYTES = 4096
    response = post_programme(editor, SimpleUploadedFile("dai.mp4", b"\0" * 200_000))

    errors = source_video_errors(response)
    assert "dai.mp4" in errors and "limit" in errors
    assert not Programme.objects.exists()
