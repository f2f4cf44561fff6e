"""The image library refuses a decompression bomb and an oversized file."""

import io
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db


def _bomb_png(width: int, height: int) -> bytes:
    """A PNG of one colour whose header declares width x height pixels.

    Written chunk by chunk so the test itself never allocates the image; the
    compressed rows of zeros weigh a few hundred KB at most.
    """

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    # 1 bit per pixel, greyscale: the smallest rows PNG allows.
    header = (
        width.to_bytes(4, "big") + height.to_bytes(4, "big") + b"\x01\x00\x00\x00\x00"
    )
    squeeze = zlib.compressobj(9)
    row = b"\x00" * (1 + (width + 7) // 8)
    rows = b"".join(squeeze.compress(row) for _ in range(height)) + squeeze.flush()
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", rows)
        + chunk(b"IEND", b"")
    )


def _upload(client, name: str, content: bytes):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": name,
            "file": SimpleUploadedFile(name, content, content_type="image/png"),
        },
    )


def _errors(response) -> dict[str, list]:
    return response.context["form"].errors.as_data()


def test_a_png_declaring_20000_by_20000_pixels_is_refused_by_its_pixel_count(
    admin_client,
):
    bomb = _bomb_png(20_000, 20_000)
    assert len(bomb) < 1024 * 1024  # the point of a bomb: tiny on the wire

    response = _upload(admin_client, "bom.png", bomb)

    assert response.status_code == 200
    [error] = _errors(response)["file"]
    assert error.code == "file_too_many_pixels"
    message = " ".join(error.messages)
    assert "bom.png" in message and "50000000" in message
    assert not get_image_model().objects.exists()


def test_a_png_just_over_the_pixel_limit_is_refused_by_wagtails_check(
    admin_client,
):
    response = _upload(admin_client, "rong.png", _bomb_png(8_000, 7_000))

    [error] = _errors(response)["file"]
    assert error.code == "file_too_many_pixels"
    assert "56000000" in " ".join(error.messages)


def test_an_image_over_the_upload_size_is_refused_naming_the_limit(
    admin_client, settings
):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 100 * 1024
    noise = Image.frombytes("RGB", (300, 300), bytes(range(256)) * 1055)
    picture = io.BytesIO()
    noise.save(picture, "PNG", compress_level=0)
    assert picture.tell() > 100 * 1024

    response = _upload(admin_client, "lon.png", picture.getvalue())

    [error] = _errors(response)["file"]
    assert error.code == "file_too_large"
    assert "100,0" in " ".join(error.messages) or "100.0" in " ".join(error.messages)
    assert not get_image_model().objects.exists()


def test_pillow_refuses_to_decode_an_image_past_the_configured_pixel_limit():
    with pytest.raises(Image.DecompressionBombError):
        Image.open(io.BytesIO(_bomb_png(20_000, 20_000)))


def test_an_ordinary_photo_is_accepted(admin_client):
    picture = io.BytesIO()
    Image.new("RGB", (1600, 1200), (20, 90, 160)).save(picture, "PNG")

    response = _upload(admin_client, "anh.png", picture.getvalue())

    assert response.status_code == 302, _errors(response)
    assert get_image_model().objects.get().width == 1600
