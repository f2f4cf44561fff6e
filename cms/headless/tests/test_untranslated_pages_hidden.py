"""A target-locale page with untranslated text is never shown (API, snapshot)."""

import pytest

from cms.headless.selectors import page_is_fully_translated, visible_page_ids

from .factories import (
    ClusterFactory,
    information,
    locale,
    site_home,
    translate,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree():
    home = site_home()
    page = information(home)
    home_lo = translate(home, "lo")
    return home, home_lo, page


def api_ids(client, code):
    response = client.get("/api/v2/pages/", {"locale": code, "limit": 20})
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def snapshot_ids(client, cluster):
    response = client.get(f"/api/kiosk/v1/clusters/{cluster.code}/snapshot.json")
    assert response.status_code == 200, response.content
    return {page["id"] for page in response.json()["pages"]}


def test_partly_translated_lo_page_is_hidden_until_translated_and_published(
    client, tree
):
    home, home_lo, page = tree
    cluster = ClusterFactory(languages=["vi", "lo"])
    page_lo = translate(page, "lo", complete=False)
    assert page_lo.live
    assert page_lo.title == page.title  # wagtail-localize filled in Vietnamese

    assert not page_is_fully_translated(page_lo)
    assert page_lo.pk not in api_ids(client, "lo")
    assert page_lo.pk not in snapshot_ids(client, cluster)

    page_lo = translate(page, "lo", complete=True)
    assert page_lo.title == f"[lo] {page.title}"
    assert page_is_fully_translated(page_lo)
    assert page_lo.pk in api_ids(client, "lo")
    assert page_lo.pk in snapshot_ids(client, cluster)


def test_strings_translated_after_publishing_do_not_show_the_stale_live_page(tree):
    home, home_lo, page = tree
    page_lo = translate(page, "lo", complete=False)
    # The translator finishes the strings and saves a draft without publishing:
    # wagtail-localize writes the draft into the page row, but the published
    # (moderated) revision still carries Vietnamese.
    translate(page, "lo", complete=True, publish=False)
    page_lo.refresh_from_db()
    assert page_lo.live_revision.as_object().title == page.title
    assert not page_is_fully_translated(page_lo)


def test_alias_in_target_locale_is_hidden_with_its_subtree(tree):
    home, home_lo, page = tree
    home_en = home.create_alias(
        recursive=True,
        parent=home.get_parent(),
        update_locale=locale("en"),
        update_slug="en-trang-chu",
    )
    child_en = home_en.get_children().get()
    assert child_en.live and home_en.live
    visible = visible_page_ids()
    assert home_en.pk not in visible
    assert child_en.pk not in visible


def test_translated_page_below_an_untranslated_section_is_hidden(client, tree):
    home, home_lo, page = tree
    from .factories import section

    border = section(home)
    child = information(border, slug="thu-tuc", title="Thủ tục")
    border_lo = translate(border, "lo", complete=False)
    child_lo = translate(child, "lo", complete=True)
    assert page_is_fully_translated(child_lo)
    visible = visible_page_ids()
    assert border_lo.pk not in visible
    assert child_lo.pk not in visible
    assert child_lo.pk not in api_ids(client, "lo")


def test_copy_made_without_wagtail_localize_counts_as_untranslated(tree):
    home, home_lo, page = tree
    copy = page.copy_for_translation(locale("en"), copy_parents=True)
    copy.save_revision().publish()
    assert not page_is_fully_translated(copy)
    copy.title = "Opening hours of the border gate"
    copy.save_revision().publish()
    copy.refresh_from_db()
    assert page_is_fully_translated(copy)


def test_vietnamese_pages_need_only_be_live(tree):
    home, home_lo, page = tree
    assert page.pk in visible_page_ids()
    page.unpublish()
    assert page.pk not in visible_page_ids()
