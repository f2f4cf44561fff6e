"""The page editor's preview menu: the kiosk first, then the public portal."""

import pytest
from django.utils import translation

from cms.content.models import HomePage, InformationPage, SectionPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page_class", [HomePage, SectionPage, InformationPage])
def test_pages_preview_as_the_kiosk_by_default_and_as_the_portal(page_class):
    page = page_class(title="Trang", slug="trang")

    with translation.override("en"):
        modes = [(name, str(label)) for name, label in page.preview_modes]

    # "kiosk" is registered by the kiosks app when it is ready.
    assert modes == [("kiosk", "Kiosk"), ("portal", "Public portal")]
    assert page.default_preview_mode == "kiosk"
