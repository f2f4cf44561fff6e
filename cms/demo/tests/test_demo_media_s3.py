"""MEDIA_STORAGE=s3: the demo's generated photos are uploaded to the bucket."""

import io

import pytest
from PIL import Image as PILImage
from wagtail.images import get_image_model

from cms.core.tests.media_s3 import local_files, media_on_s3
from cms.demo.media import PHOTO_SIZE
from cms.demo.services import IMAGES, images_ensure


@pytest.mark.django_db
def test_the_demo_photos_are_stored_in_the_bucket_whole(
    s3_server, settings, monkeypatch, tmp_path
):
    media = media_on_s3(
        server=s3_server, settings=settings, monkeypatch=monkeypatch, tmp_path=tmp_path
    )

    ids = images_ensure()

    stored = media.objects()
    images = get_image_model().objects.in_bulk(ids.values())
    assert len(images) == len(IMAGES)
    for image in images.values():
        data = stored[image.file.name]
        with PILImage.open(io.BytesIO(data)) as photo:
            assert (photo.format, photo.size) == ("JPEG", PHOTO_SIZE)
    assert local_files(settings.MEDIA_ROOT) == []
    assert images_ensure() == ids  # seeding again finds them
