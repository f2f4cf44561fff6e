"""The airtime policy screens: who edits, who reads, and the form's messages."""

import pytest
from django.urls import reverse
from django.utils import translation

from cms.broadcasting.models import AirtimePolicy, PolicyCluster
from cms.editorial.models import Role

from .factories import (
    ALL_DAYS,
    cluster_make,
    policy_form_data,
    policy_make,
    user,
)

pytestmark = pytest.mark.django_db
URLS = "wagtailsnippets_broadcasting_airtimepolicy"
ADD = reverse(f"{URLS}:add")
INDEX = reverse(f"{URLS}:list")


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


@pytest.fixture
def head(client):
    person = user("head", Role.HEAD)
    client.force_login(person)
    return person


def an_giang_windows(*extra):
    return [
        (day_type, start, end)
        for day_type in ALL_DAYS
        for start, end in (("07:00", "11:00"), ("14:00", "18:00"))
    ] + list(extra)


@pytest.mark.parametrize("role", [Role.HEAD, Role.ADMINISTRATOR])
def test_the_head_of_board_and_administrators_add_a_policy_for_a_cluster(client, role):
    client.force_login(user("editor", role))
    cluster = cluster_make()
    data = policy_form_data(
        name="Cửa khẩu Tịnh Biên",
        regulation="an_giang",
        windows=an_giang_windows(),
        clusters=[cluster],
    )
    response = client.post(ADD, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    policy = AirtimePolicy.objects.get(name="Cửa khẩu Tịnh Biên")
    assert policy.windows.count() == 6
    assert PolicyCluster.objects.get(cluster=cluster).policy == policy


def test_overlapping_windows_of_one_day_type_are_refused_naming_both(client, head):
    data = policy_form_data(
        name="Chồng giờ",
        regulation="an_giang",
        windows=an_giang_windows(("holiday", "10:30", "12:00")),
    )
    response = client.post(ADD, data)
    assert response.status_code == 200
    assert (
        "Ngày lễ, Tết: 10:30–12:00 trùng với 07:00–11:00. Hãy gộp thành một khung "
        "giờ hoặc dời một trong hai khung." in response.content.decode()
    )
    assert not AirtimePolicy.objects.filter(name="Chồng giờ").exists()


def test_touching_windows_and_the_same_hours_on_other_day_types_are_accepted(
    client, head
):
    data = policy_form_data(
        name="Liền kề",
        regulation="an_giang",
        windows=an_giang_windows(("working", "11:00", "12:00")),
    )
    assert client.post(ADD, data).status_code == 302


def test_a_window_ending_before_it_starts_is_refused_with_how_to_fix_it(client, head):
    data = policy_form_data(
        name="Qua đêm", regulation="", windows=[("weekend", "22:00", "02:00")]
    )
    response = client.post(ADD, data)
    assert response.status_code == 200
    assert "Khung giờ 22:00–02:00 kết thúc trước khi bắt đầu." in (
        response.content.decode()
    )
    assert not AirtimePolicy.objects.filter(name="Qua đêm").exists()


def test_a_cluster_already_following_a_policy_is_refused_naming_it(client, head):
    cluster = cluster_make()
    first = policy_make(regulation="", windows={ALL_DAYS: [("07:00", "08:00")]})
    PolicyCluster.objects.create(policy=first, cluster=cluster)
    data = policy_form_data(
        name="Thứ hai", regulation="", windows=[], clusters=[cluster]
    )
    response = client.post(ADD, data)
    assert response.status_code == 200
    assert f"{cluster} đã theo chính sách “Thử”" in response.content.decode()


def test_the_edit_page_shows_the_regulation_check(client, head):
    short = policy_make(
        regulation="an_giang",
        windows={ALL_DAYS: [("07:00", "11:00"), ("14:00", "17:30")]},
    )
    page = client.get(reverse(f"{URLS}:edit", args=[short.pk])).content.decode()
    assert 'data-airtime-status="short"' in page
    # Too short and 17:30–18:00 missing, on each of the three day types.
    assert "chính sách này chưa đạt quy định ở 6 điểm:" in page
    assert ("Ngày làm việc: 7 giờ 30 phút phát sóng, quy định tối thiểu 8 giờ") in page
    preset = AirtimePolicy.objects.get(regulation="an_giang", name__startswith="An")
    page = client.get(reverse(f"{URLS}:edit", args=[preset.pk])).content.decode()
    assert 'data-airtime-status="ok"' in page


@pytest.mark.parametrize(
    "role", [Role.SECRETARIAT, Role.OPERATOR, Role.TECHNICIAN, Role.INSPECTOR]
)
def test_other_roles_read_policies_and_their_check_but_cannot_edit(client, role):
    client.force_login(user("reader", role))
    preset = AirtimePolicy.objects.get(regulation="kon_tum")
    assert client.get(INDEX).status_code == 200
    inspect = client.get(reverse(f"{URLS}:inspect", args=[preset.pk]))
    assert 'data-airtime-status="ok"' in inspect.content.decode()
    edit = client.get(reverse(f"{URLS}:edit", args=[preset.pk]))
    assert edit.status_code == 302  # to the dashboard, "permission denied"
    assert client.post(ADD, policy_form_data(name="x", regulation="", windows=[]))
    assert not AirtimePolicy.objects.filter(name="x").exists()


def test_a_provider_does_not_see_airtime_policies(client):
    agency = cluster_make().operating_agency
    client.force_login(user("provider", Role.PROVIDER, agency=agency))
    assert client.get(INDEX).status_code == 302
