import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from cms.demo.data.markup import PageSpec, T
from cms.demo.errors import DemoSeedError
from cms.demo.services import locales_ensure, page_ensure
from cms.demo.translation import Refs, page_translate

pytestmark = pytest.mark.django_db


def _home(intro: T, languages=("en",)) -> PageSpec:
    return PageSpec(
        slug="thu",
        model="content.HomePage",
        languages=languages,
        text={"title": T("Thử", en="Test"), "slug": "thu", "intro": intro},
    )


def _translate(spec: PageSpec, language: str = "en"):
    user = get_user_model().objects.create_superuser("root", password="x")
    locales = locales_ensure()
    page = page_ensure(
        spec=spec,
        parent=Page.get_first_root_node(),
        locale=locales["vi"],
        refs=Refs(),
        agencies={},
        clusters={},
        owner=user,
        publisher=user,
    )
    return page_translate(
        page=page,
        spec=spec,
        locale=locales[language],
        refs=Refs(),
        translator=None,
        publisher=user,
    )


def test_translation_is_written_from_the_translated_strings_and_published():
    spec = _home(T("<p>Một</p><p>Hai</p>", en="<p>One</p><p>Two</p>"))
    page = _translate(spec)
    assert page.live and page.locale.language_code == "en"
    assert (page.title, page.intro) == ("Test", "<p>One</p><p>Two</p>")


def test_translation_with_another_paragraph_count_is_refused():
    spec = _home(T("<p>Một</p><p>Hai</p>", en="<p>One and two</p>"))
    with pytest.raises(DemoSeedError, match='"thu" does not have the shape'):
        _translate(spec)


def test_missing_text_in_a_target_language_is_named():
    spec = _home(T("<p>Một</p>", en="<p>One</p>"), languages=("en", "lo"))
    with pytest.raises(DemoSeedError, match='"Thử" .* no "lo" version'):
        _translate(spec, language="lo")
