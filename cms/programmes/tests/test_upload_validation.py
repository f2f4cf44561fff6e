import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from cms.programmes.validators import validate_subtitle_file, validate_video_upload


def test_a_document_is_refused_as_a_video_naming_the_file():
    upload = SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.7")
    with pytest.raises(ValidationError) as err:
        validate_video_upload(upload)
    assert "bao-cao.pdf" in err.value.messages[0]
    assert err.value.code == "not_video"


def test_an_empty_video_is_refused():
    with pytest.raises(ValidationError) as err:
        validate_video_upload(SimpleUploadedFile("clip.mp4", b""))
    assert err.value.code == "empty"


def test_a_video_over_the_limit_is_refused_before_reading_it(settings):
    settings.PROGRAMME_UPLOAD_MAX_BYTES = 10
    with pytest.raises(ValidationError) as err:
        validate_video_upload(SimpleUploadedFile("clip.mp4", b"x" * 11))
    assert err.value.code == "too_large"


def test_subtitles_not_in_utf8_are_refused():
    upload = SimpleUploadedFile(
        "vi.srt", "1\n00:00:00,000 --> 00:00:01,000\nXin chào\n".encode("cp1258")
    )
    with pytest.raises(ValidationError) as err:
        validate_subtitle_file(upload)
    assert err.value.code == "not_utf8"


def test_utf8_subtitles_are_accepted():
    upload = SimpleUploadedFile(
        "lo.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nສະບາຍດີ\n".encode()
    )
    validate_subtitle_file(upload)
    assert upload.read().startswith(b"WEBVTT")
