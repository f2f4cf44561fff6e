"""A cluster's faces planned from the database: targeting, renditions,
playlists, the policy's windows by day type and its advertising cap."""

import datetime as dt

import pytest
from django.utils import translation

from cms.broadcasting.models import (
    AirtimeWindow,
    FacePlaylist,
    FacePlaylistEntry,
    PolicyCluster,
)
from cms.broadcasting.playlists.selectors import cluster_plans

from .factories import ALL_DAYS, cluster_make, policy_make
from .playlist_helpers import days_ago, face_make, programme_make, renditions_make

pytestmark = pytest.mark.django_db
MONDAY = dt.date(2026, 12, 7)
TET = dt.date(2027, 2, 6)  # Saturday, Tết Nguyên Đán (holidays package)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def cluster():
    cluster = cluster_make("bo-y")
    policy = policy_make(
        regulation="kon_tum",
        windows={ALL_DAYS: [("07:00", "10:00"), ("17:00", "20:00")]},
    )
    PolicyCluster.objects.create(policy=policy, cluster=cluster)
    return cluster


def loop_titles(day_plan):
    return [item.title for item in day_plan.loop]


def test_each_face_plays_the_approved_programmes_targeted_at_it_newest_first(
    cluster,
):
    face_make(cluster, "lao")
    road = face_make(cluster, "road", width_px=640, height_px=320)
    older = programme_make("Older", published=days_ago(3))
    newer = programme_make("Newer", published=days_ago(1))
    only_road = programme_make("Road only", all_clusters=False)
    only_road.target_faces.set([road])
    only_road.save()
    draft = programme_make("Draft", live=False)
    for programme in (older, newer, only_road, draft):
        renditions_make(programme)

    plans = cluster_plans(cluster=cluster, start=MONDAY, days=2)

    assert [plan.face.code for plan in plans] == ["lao", "road"]
    assert [loop_titles(day) for day in plans[0].days] == [["Newer", "Older"]] * 2
    assert loop_titles(plans[1].days[0]) == ["Road only", "Newer", "Older"]
    item = plans[0].days[0].loop[0]
    assert (item.rendition.width_px, item.rendition.height_px) == (960, 480)
    assert plans[0].days[0].planned_minutes == 360
    assert plans[0].days[0].required_minutes == 360


def test_a_tet_day_uses_the_holiday_windows(cluster):
    policy = cluster.airtime_link.policy
    AirtimeWindow.objects.filter(policy=policy, day_type="holiday").delete()
    AirtimeWindow.objects.create(
        policy=policy, day_type="holiday", start=dt.time(8), end=dt.time(11)
    )
    face_make(cluster)
    renditions_make(programme_make("Tết"))

    # Tết 2027 runs 4–10 February; Wednesday the 3rd is a working day.
    [plan] = cluster_plans(cluster=cluster, start=TET - dt.timedelta(days=3), days=4)

    wednesday, tet = plan.days[0], plan.days[3]
    assert (wednesday.day_type, tet.day_type) == ("working", "holiday")
    assert [str(w) for w in tet.windows] == ["08:00–11:00"]
    assert tet.planned_minutes == 180
    assert tet.short
    assert any("06/02/2027" in w and "3 h on air" in w for w in tet.warnings)
    assert wednesday.planned_minutes == 360 and not wednesday.short


def test_the_editors_playlist_sets_order_frequency_and_dates(cluster):
    face = face_make(cluster)
    news, ad = programme_make("News"), programme_make("Ad", is_advertising=True)
    renditions_make(news, seconds=90)
    renditions_make(ad, seconds=5)
    playlist = FacePlaylist.objects.create(face=face)
    FacePlaylistEntry.objects.create(playlist=playlist, programme=ad, sort_order=0)
    FacePlaylistEntry.objects.create(
        playlist=playlist,
        programme=news,
        plays_per_loop=2,
        sort_order=1,
        ends_on=MONDAY,
    )

    [plan] = cluster_plans(cluster=cluster, start=MONDAY, days=2)

    assert loop_titles(plan.days[0]) == ["Ad", "News", "News"]
    # After the news entry ends, the advertising alone is over Kon Tum's cap.
    assert plan.days[1].loop == []
    assert "over the cap of 10%" in plan.days[1].warnings[0]


def test_the_policys_own_cap_wins_over_the_regulations(cluster):
    policy = cluster.airtime_link.policy
    policy.advertising_cap_percent = 50
    policy.save()
    face_make(cluster)
    renditions_make(programme_make("News"), seconds=10)
    renditions_make(programme_make("Ad", is_advertising=True), seconds=10)

    [plan] = cluster_plans(cluster=cluster, start=MONDAY, days=1)

    assert sorted(loop_titles(plan.days[0])) == ["Ad", "News"]


def test_renditions_not_ready_or_gone_are_named_per_programme(cluster):
    face_make(cluster)
    renditions_make(programme_make("Failing"), status="failed")
    renditions_make(programme_make("Encoding"), status="running")
    renditions_make(programme_make("Gone"), stored=False)
    programme_make("Never")

    [plan] = cluster_plans(cluster=cluster, start=MONDAY, days=1)

    day = plan.days[0]
    assert day.loop == [] and day.planned_minutes == 0
    text = "\n".join(day.warnings)
    assert "The rendition of “Failing” for this face failed (ffmpeg exited 1)" in text
    assert "“Encoding” is still being transcoded for this face (40%)" in text
    assert "“Gone” has no rendition for this face" in text
    assert "“Never” has no rendition for this face" in text
    assert "the face stays black for its 6 h of airtime" in text
    # Grouped for the admin: each warning once with the days it applies to.
    assert all(days == [MONDAY] for _text, days in plan.warnings)


def test_a_cluster_without_a_policy_plans_nothing():
    cluster = cluster_make("le-thanh")
    face_make(cluster)
    renditions_make(programme_make("News"))

    [plan] = cluster_plans(cluster=cluster, start=MONDAY, days=1)

    assert plan.days[0].planned_minutes == 0
    assert plan.days[0].windows == []
    assert "follows no airtime policy" in plan.days[0].warnings[0]


def test_fourteen_days_by_default(cluster):
    face_make(cluster)

    [plan] = cluster_plans(cluster=cluster, start=MONDAY)

    assert [day.day for day in plan.days][::13] == [
        MONDAY,
        MONDAY + dt.timedelta(days=13),
    ]
