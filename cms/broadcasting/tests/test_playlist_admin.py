"""The admin: face playlists under "Phát sóng LED", and the 14-day LED plan
page with its chart and warnings, in Vietnamese."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from cms.broadcasting.models import (
    AirtimePolicy,
    FacePlaylist,
    PolicyCluster,
)
from cms.editorial.models import Role

from .factories import ALL_DAYS, cluster_make, policy_form_data, policy_make, user
from .playlist_helpers import days_ago, face_make, programme_make, renditions_make

pytestmark = pytest.mark.django_db
URLS = "wagtailsnippets_broadcasting_faceplaylist"
PLAN = reverse("broadcasting_led_plan")


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


@pytest.fixture
def face():
    cluster = cluster_make("bo-y")
    policy = policy_make(
        regulation="kon_tum",
        windows={ALL_DAYS: [("07:00", "10:00"), ("17:00", "20:00")]},
    )
    PolicyCluster.objects.create(policy=policy, cluster=cluster)
    return face_make(cluster, "lao")


def playlist_form_data(face, entries) -> dict:
    """POST data of the playlist form: entries are (programme, plays)."""
    data = {
        "face": str(face.pk),
        "notes": "",
        "entries-TOTAL_FORMS": str(len(entries)),
        "entries-INITIAL_FORMS": "0",
        "entries-MIN_NUM_FORMS": "0",
        "entries-MAX_NUM_FORMS": "1000",
    }
    for i, (programme, plays, *dates) in enumerate(entries):
        starts_on, ends_on = (dates + ["", ""])[:2]
        data.update(
            {
                f"entries-{i}-programme": str(programme.pk),
                f"entries-{i}-plays_per_loop": str(plays),
                f"entries-{i}-starts_on": starts_on,
                f"entries-{i}-ends_on": ends_on,
                f"entries-{i}-ORDER": str(i + 1),
                f"entries-{i}-id": "",
                f"entries-{i}-DELETE": "",
            }
        )
    return data


def test_the_head_of_board_sets_order_and_frequency_and_the_plan_follows(client, face):
    client.force_login(user("head", Role.HEAD))
    news = programme_make("Bản tin", published=days_ago(2))
    guide = programme_make("Hướng dẫn", published=days_ago(1))
    renditions_make(news)
    renditions_make(guide)

    response = client.post(
        reverse(f"{URLS}:add"), playlist_form_data(face, [(news, 2), (guide, 1)])
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    playlist = FacePlaylist.objects.get(face=face)
    assert [(e.programme, e.plays_per_loop) for e in playlist.entries.all()] == [
        (news, 2),
        (guide, 1),
    ]
    html = client.get(PLAN, {"cluster": "bo-y", "start": "2026-12-07"}).content
    html = html.decode()
    assert 'data-day="2026-12-07" data-planned="360"' in html
    assert "3 lượt phát" in html
    assert "Vòng phát ngày 07/12/2026:</strong> Bản tin → Hướng dẫn → Bản tin" in html
    assert "Sửa danh sách phát" in html


def test_an_entry_ending_before_it_starts_is_refused_with_how_to_fix(client, face):
    client.force_login(user("head", Role.HEAD))
    news = programme_make("Bản tin")

    response = client.post(
        reverse(f"{URLS}:add"),
        playlist_form_data(face, [(news, 1, "2026-12-10", "2026-12-09")]),
    )

    assert response.status_code == 200
    assert FacePlaylist.objects.count() == 0
    assert (
        "“Đến ngày” (09/12/2026) trước “từ ngày” (10/12/2026); hãy đổi chỗ hai ngày."
        in response.content.decode()
    )


def test_the_plan_page_charts_each_day_and_lists_warnings_in_vietnamese(client, face):
    client.force_login(user("inspector", Role.INSPECTOR))
    renditions_make(programme_make("Phóng sự"), status="failed")
    today = timezone.localdate()

    response = client.get(PLAN, {"cluster": "bo-y", "start": today.isoformat()})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Kế hoạch phát LED" in html
    assert html.count('<svg width="310"') == 14
    assert f'data-day="{today:%Y-%m-%d}" data-planned="0" class="plan-short"' in html
    assert "Mỗi ngày: Bản chuyển mã của “Phóng sự” cho mặt này bị lỗi" in html
    assert "màn hình để đen suốt 6 giờ phát sóng" in html
    # Inspectors read the plan but may not add a playlist.
    assert "Thêm danh sách phát" not in html
    assert client.get(reverse(f"{URLS}:add")).status_code == 302


def test_the_led_menu_holds_playlists_and_the_plan(client, face):
    client.force_login(user("head", Role.HEAD))

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert reverse(f"{URLS}:list") in html
    assert PLAN in html


def test_a_policys_advertising_cap_is_set_on_its_form_up_to_100(client):
    client.force_login(user("head", Role.HEAD))
    windows = [(d, "07:00", "11:00") for d in ALL_DAYS]
    data = policy_form_data(name="Thử", regulation="kon_tum", windows=windows)
    url = reverse("wagtailsnippets_broadcasting_airtimepolicy:add")

    refused = client.post(url, data | {"advertising_cap_percent": "101"})
    saved = client.post(url, data | {"advertising_cap_percent": "5"})

    assert refused.status_code == 200
    assert saved.status_code == 302
    policy = AirtimePolicy.objects.get(name="Thử")
    assert policy.advertising_cap().percent == 5


def test_the_plan_starts_today_for_the_first_cluster_by_default(client, face):
    client.force_login(user("head", Role.HEAD))

    html = client.get(PLAN).content.decode()

    today = timezone.localdate()
    assert f'data-day="{today:%Y-%m-%d}"' in html
    assert f'data-day="{today + dt.timedelta(days=13):%Y-%m-%d}"' in html


def test_the_playlist_list_finds_a_face_by_its_name_or_code(client, face):
    client.force_login(user("head", Role.HEAD))
    FacePlaylist.objects.create(face=face)
    other = FacePlaylist.objects.create(face=face_make(face.cluster, "road"))

    response = client.get(reverse(f"{URLS}:list"), {"q": "lao"})

    assert response.status_code == 200
    html = response.content.decode()
    assert str(FacePlaylist.objects.get(face=face)) in html
    assert str(other) not in html
