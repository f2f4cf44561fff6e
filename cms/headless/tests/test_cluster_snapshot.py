"""The cluster snapshot: schema, scope, rendering, hashes, HTTP behaviour."""

import hashlib
import json

import pytest

from cms.headless.snapshot import canonical_json, content_hash

from .factories import (
    ClusterFactory,
    every_page_type,
    information,
    make_image,
    make_programme,
    site_home,
    translate,
)
from .schema import snapshot_errors

pytestmark = pytest.mark.django_db


def get_snapshot(client, cluster, **headers):
    return client.get(
        f"/api/kiosk/v1/clusters/{cluster.code}/snapshot.json", headers=headers
    )


@pytest.fixture
def content():
    home = site_home()
    image = make_image()
    programme = make_programme()
    target = information(home, slug="lien-ket", title="Trang được liên kết")
    pages = every_page_type(home, image=image, programme=programme, linked=target)
    return {"home": home, "image": image, "programme": programme, "pages": pages}


def test_snapshot_of_every_page_type_validates_against_schema(client, content):
    cluster = ClusterFactory(languages=["vi", "en"])
    response = get_snapshot(client, cluster)
    assert response.status_code == 200
    snapshot = response.json()
    assert snapshot_errors(snapshot) == []
    types = {page["type"] for page in snapshot["pages"]}
    assert types == {
        "home",
        "section",
        "information",
        "place",
        "event",
        "border_procedure",
        "hotlines",
        "notice",
    }
    assert snapshot["cluster"]["code"] == cluster.code
    assert snapshot["cluster"]["led_faces"][0]["width_px"] == 1920
    assert snapshot["cluster"]["kiosks"][0]["orientation"] == "portrait"


def test_body_html_references_media_and_pages_without_cms_urls(client, content):
    cluster = ClusterFactory(languages=["vi"])
    snapshot = get_snapshot(client, cluster).json()
    info_id = content["pages"]["information"].pk
    page = next(p for p in snapshot["pages"] if p["id"] == info_id)
    image_id = content["image"].pk
    programme_id = content["programme"].pk
    linked_id = next(p["id"] for p in snapshot["pages"] if p["slug"] == "lien-ket")

    assert f'<img data-image-id="{image_id}" alt="Cột mốc">' in page["body_html"]
    assert "src=" not in page["body_html"]
    assert f'data-programme-id="{programme_id}"' in page["body_html"]
    assert f'href="kiosk:page:{linked_id}"' in page["body_html"]
    assert '<thead><tr><th scope="col">Loại</th>' in page["body_html"]
    assert page["image_ids"] == [image_id]
    assert page["hero_image"] == image_id
    assert page["programme_ids"] == [programme_id]
    assert page["agency"]["kind"] == "border_guard"

    image = snapshot["images"][str(image_id)]
    data = content["image"].file.open("rb").read()
    assert image["sha256"] == hashlib.sha256(data).hexdigest()
    assert image["size"] == len(data)
    assert (image["width"], image["height"]) == (8, 6)
    assert image["url"].startswith("http://testserver/")
    programme = snapshot["programmes"][str(programme_id)]
    assert programme["titles"] == {"vi": "Phóng sự Bờ Y"}
    # Never the uploaded source: no kiosk rendition yet, so none is listed.
    assert programme["video"] is None and programme["status"] == "preparing"


def test_unpublished_programme_is_left_out_of_the_body(client):
    home = site_home()
    draft = make_programme(live=False)
    page = information(
        home,
        body=[{"type": "programme", "value": {"programme": draft.pk, "caption": ""}}],
    )
    snapshot = get_snapshot(client, ClusterFactory(languages=["vi"])).json()
    entry = next(p for p in snapshot["pages"] if p["id"] == page.pk)
    assert "data-programme-id" not in entry["body_html"]
    assert snapshot["programmes"] == {}


def test_place_and_procedure_hours_carry_day_labels_in_the_page_locale(client, content):
    snapshot = get_snapshot(client, ClusterFactory(languages=["vi"])).json()
    place = next(p for p in snapshot["pages"] if p["type"] == "place")
    hours = place["fields"]["opening_hours"]
    assert hours[0]["days"] == ["mon", "tue"]
    assert hours[0]["day_labels"] == ["Thứ Hai", "Thứ Ba"]
    assert (hours[0]["opens"], hours[0]["closes"]) == ("07:00", "17:30")
    assert hours[1]["closed"] is True
    assert place["fields"]["place_kind_label"] == "Thắng cảnh"


def test_only_the_cluster_locales_and_targeted_pages_are_included(client):
    home = site_home()
    shared = information(home, slug="chung", title="Chung")
    other_cluster = ClusterFactory(languages=["vi"])
    cluster = ClusterFactory(languages=["vi", "lo"])
    elsewhere = information(home, slug="noi-khac", title="Nơi khác", all_clusters=False)
    elsewhere.target_clusters.set([other_cluster])
    elsewhere.save_revision().publish()
    mine = information(home, slug="cua-toi", title="Của tôi", all_clusters=False)
    mine.target_clusters.set([cluster])
    mine.save_revision().publish()
    home_lo = translate(home, "lo")
    shared_lo = translate(shared, "lo")
    home_en = translate(home, "en")
    translate(shared, "en")

    snapshot = get_snapshot(client, cluster).json()
    assert snapshot_errors(snapshot) == []
    ids = {p["id"] for p in snapshot["pages"]}
    assert ids == {home.pk, shared.pk, mine.pk, home_lo.pk, shared_lo.pk}
    assert [loc["code"] for loc in snapshot["locales"]] == ["vi", "lo"]
    assert home_en.pk not in ids
    assert set(snapshot["navigation"]) == {"vi", "lo"}
    assert snapshot["navigation"]["lo"] == {
        "id": home_lo.pk,
        "children": [{"id": shared_lo.pk, "children": []}],
    }
    shared_entry = next(p for p in snapshot["pages"] if p["id"] == shared.pk)
    assert shared_entry["translations"] == {"lo": shared_lo.pk}
    lo_entry = next(p for p in snapshot["pages"] if p["id"] == shared_lo.pk)
    assert lo_entry["path"] == "/chung/"
    assert lo_entry["portal_url"] == "http://testserver/lo/chung/"
    label = snapshot["categories"]["essential.travel"]
    assert label["parent"] == "essential"
    assert set(label["labels"]) == {"vi", "lo"}
    assert label["labels"]["lo"] != label["labels"]["vi"]

    other = get_snapshot(client, other_cluster).json()
    assert {p["id"] for p in other["pages"]} == {home.pk, shared.pk, elsewhere.pk}


def test_section_without_shown_pages_is_left_out(client):
    from .factories import section

    home = site_home()
    section(home)
    page = information(home)
    snapshot = get_snapshot(client, ClusterFactory(languages=["vi"])).json()
    assert {p["id"] for p in snapshot["pages"]} == {home.pk, page.pk}


def test_content_hashes_follow_the_readme_and_change_with_content(client, content):
    cluster = ClusterFactory(languages=["vi"])
    first = get_snapshot(client, cluster).json()
    for page in first["pages"]:
        body = {k: v for k, v in page.items() if k != "content_hash"}
        expected = "sha256:" + hashlib.sha256(canonical_json(body)).hexdigest()
        assert page["content_hash"] == expected
    again = get_snapshot(client, cluster).json()
    assert again["content_hash"] == first["content_hash"]

    page = content["pages"]["event"]
    page.venue = "Nhà văn hóa"
    page.save_revision().publish()
    changed = get_snapshot(client, cluster).json()
    assert changed["content_hash"] != first["content_hash"]
    before = {p["id"]: p["content_hash"] for p in first["pages"]}
    after = {p["id"]: p["content_hash"] for p in changed["pages"]}
    assert [pk for pk in before if before[pk] != after[pk]] == [page.pk]


def test_etag_is_the_content_hash_and_if_none_match_gives_304(client, content):
    cluster = ClusterFactory(languages=["vi"])
    response = get_snapshot(client, cluster)
    etag = response["ETag"]
    assert etag == f'"{response.json()["content_hash"]}"'
    cached = get_snapshot(client, cluster, if_none_match=etag)
    assert cached.status_code == 304
    assert cached.content == b""
    stale = get_snapshot(client, cluster, if_none_match='"sha256:00"')
    assert stale.status_code == 200


def test_unknown_and_inactive_clusters_are_404_with_a_reason(client):
    response = client.get("/api/kiosk/v1/clusters/khong-co/snapshot.json")
    assert response.status_code == 404
    assert "khong-co" in response.json()["error"]
    cluster = ClusterFactory(is_active=False)
    response = get_snapshot(client, cluster)
    assert response.status_code == 404
    assert "inactive" in response.json()["error"] or "ngừng" in response.json()["error"]


def test_private_snapshots_need_a_permitted_login_or_the_token(
    client, settings, django_user_model
):
    from django.contrib.auth.models import Permission

    settings.KIOSK_SNAPSHOT_PUBLIC = False
    settings.KIOSK_SNAPSHOT_TOKEN = "s3cret-builder-token"
    site_home()
    cluster = ClusterFactory(languages=["vi"])
    assert get_snapshot(client, cluster).status_code == 403
    wrong = get_snapshot(client, cluster, authorization="Bearer nope")
    assert wrong.status_code == 403
    ok = get_snapshot(client, cluster, authorization="Bearer s3cret-builder-token")
    assert ok.status_code == 200

    user = django_user_model.objects.create_user("operator", password="x")
    client.force_login(user)
    assert get_snapshot(client, cluster).status_code == 403
    user.user_permissions.add(Permission.objects.get(codename="view_cluster"))
    assert get_snapshot(client, cluster).status_code == 200


def test_canonical_json_is_sorted_compact_utf8():
    assert canonical_json({"b": "ư", "a": [1, 2]}) == '{"a":[1,2],"b":"ư"}'.encode()
    assert content_hash({}) == "sha256:" + hashlib.sha256(b"{}").hexdigest()
    assert json.loads(canonical_json({"x": 1})) == {"x": 1}


def test_snapshot_shows_the_published_translation_not_an_unpublished_draft(client):
    from wagtail_localize.models import StringTranslation

    home = site_home()
    page = information(home)
    translate(home, "lo")
    page_lo = translate(page, "lo")
    # The translator changes a string and saves without publishing;
    # wagtail-localize writes that draft into the page row.
    StringTranslation.objects.filter(data=f"[lo] {page.title}").update(
        data="[lo] draft title"
    )
    translate(page, "lo", complete=False, publish=False)
    page_lo.refresh_from_db()
    assert page_lo.title == "[lo] draft title"

    snapshot = get_snapshot(client, ClusterFactory(languages=["vi", "lo"])).json()
    entry = next(p for p in snapshot["pages"] if p["id"] == page_lo.pk)
    assert entry["title"] == f"[lo] {page.title}"
    assert entry["last_published_at"] is not None


def test_image_whose_file_is_missing_is_left_out_not_promised(client):
    home = site_home()
    image = make_image()
    page = information(
        home,
        hero_image=image,
        body=[{"type": "image", "value": {"image": image.pk, "alt": "Mốc"}}],
    )
    image.file.storage.delete(image.file.name)
    snapshot = get_snapshot(client, ClusterFactory(languages=["vi"])).json()
    assert snapshot_errors(snapshot) == []
    entry = next(p for p in snapshot["pages"] if p["id"] == page.pk)
    assert entry["hero_image"] is None
    assert "data-image-id" not in entry["body_html"]
    assert snapshot["images"] == {}


def test_internal_links_point_to_the_same_page_in_the_reader_locale(client):
    home = site_home()
    target = information(home, slug="dich", title="Đích")
    source = information(
        home,
        slug="nguon",
        title="Nguồn",
        body=[text_with_link(target)],
    )
    translate(home, "lo")
    target_lo = translate(target, "lo")
    source_lo = translate(source, "lo")
    snapshot = get_snapshot(client, ClusterFactory(languages=["vi", "lo"])).json()
    by_id = {p["id"]: p for p in snapshot["pages"]}
    assert f'href="kiosk:page:{target.pk}"' in by_id[source.pk]["body_html"]
    assert f'href="kiosk:page:{target_lo.pk}"' in by_id[source_lo.pk]["body_html"]


def test_link_to_a_page_not_in_the_snapshot_loses_its_href(client):
    home = site_home()
    target = information(home, slug="dich", title="Đích")
    source = information(
        home, slug="nguon", title="Nguồn", body=[text_with_link(target)]
    )
    target.unpublish()
    snapshot = get_snapshot(client, ClusterFactory(languages=["vi"])).json()
    entry = next(p for p in snapshot["pages"] if p["id"] == source.pk)
    assert "<a>trang đích</a>" in entry["body_html"]


def text_with_link(page):
    return {
        "type": "text",
        "value": f'<p>Xem <a linktype="page" id="{page.pk}">trang đích</a>.</p>',
    }
