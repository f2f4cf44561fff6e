"""The admin screens: who reaches them, what they list, and each action through them."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import ModelLogEntry

from cms.editorial.models import Role
from cms.emergency.models import EmergencyOrder, FaceSwitch
from cms.emergency.selectors import cluster_state

from .factories import ClusterFactory, operator, user

pytestmark = pytest.mark.django_db
INDEX = reverse("emergency_index")
ISSUE = reverse("emergency_issue")


@pytest.fixture
def bo_y(db):
    return ClusterFactory(code="bo-y", languages=["vi", "lo"])


@pytest.fixture
def le_thanh(db):
    return ClusterFactory(code="le-thanh", languages=["vi", "km"])


def _form(*clusters, **fields) -> dict:
    return {"clusters": [c.pk for c in clusters], **fields}


def test_the_head_issues_from_the_form_and_sees_it_listed_with_who_and_when(
    client, bo_y
):
    head = user("head", Role.HEAD)
    client.force_login(head)
    assert INDEX in client.get(reverse("wagtailadmin_home")).content.decode()

    response = client.post(
        ISSUE,
        _form(
            bo_y,
            title_vi="Cảnh báo lũ",
            text_vi="Không qua cầu tràn.",
            title_lo="ເຕືອນໄພນ້ຳຖ້ວມ",
            text_lo="ຢ່າຂ້າມຂົວ.",
        ),
    )

    assert response.status_code == 302
    order = EmergencyOrder.objects.get()
    assert order.created_by == head
    assert ModelLogEntry.objects.filter(action="emergency.issue", user=head).exists()
    page = client.get(INDEX).content.decode()
    assert "Cảnh báo lũ" in page and "head" in page
    assert reverse("emergency_cancel", args=[order.pk]) in page


def test_a_missing_language_is_shown_on_the_form(client, bo_y):
    client.force_login(user("head", Role.HEAD))

    response = client.post(ISSUE, _form(bo_y, title_vi="Lũ", text_vi="Lũ về."))

    assert response.status_code == 200
    assert "hãy viết thêm nội dung bằng lo" in response.content.decode()
    assert not EmergencyOrder.objects.exists()


def test_a_title_without_its_message_is_refused_on_the_form(client, bo_y):
    client.force_login(user("head", Role.HEAD))

    response = client.post(ISSUE, _form(bo_y, title_vi="Lũ"))

    assert response.status_code == 200
    assert response.context["form"].errors["text_vi"]


def test_an_operator_sees_and_switches_only_the_clusters_assigned_to_them(
    client, bo_y, le_thanh
):
    guard = operator("bp-bo-y", bo_y)
    client.force_login(guard)

    page = client.get(INDEX)
    assert [row["cluster"] for row in page.context["rows"]] == [bo_y]
    choices = page_choices = client.get(ISSUE).context["form"].fields["clusters"]
    assert list(page_choices.queryset) == [bo_y] and choices

    url = reverse("emergency_faces_switch", args=[bo_y.code])
    assert client.post(url, {"face": "lao", "state": "off"}).status_code == 302
    assert cluster_state(cluster=bo_y)["faces_off"] == ["lao"]
    other = reverse("emergency_faces_switch", args=[le_thanh.code])
    assert client.post(other, {"state": "off"}, follow=True).status_code == 404
    assert FaceSwitch.objects.count() == 1


def test_cancel_from_the_list_ends_it(client, bo_y):
    head = user("head", Role.HEAD)
    client.force_login(head)
    client.post(
        ISSUE, _form(bo_y, title_vi="Lũ", text_vi="Lũ về.", title_lo="ນ", text_lo="ນ")
    )
    order = EmergencyOrder.objects.get()

    response = client.post(reverse("emergency_cancel", args=[order.pk]))

    assert response.status_code == 302
    order.refresh_from_db()
    assert order.cancelled_by == head and order.cancelled_at is not None
    assert cluster_state(cluster=bo_y)["emergency"] is None


@pytest.mark.parametrize("role", [Role.SECRETARIAT, Role.INSPECTOR])
def test_other_roles_do_not_reach_emergency_control(client, role, bo_y):
    client.force_login(user(f"u-{role}", role))

    assert client.get(INDEX).status_code in (302, 403)
    assert client.post(ISSUE, _form(bo_y, title_vi="x", text_vi="y")).status_code in (
        302,
        403,
    )
    assert INDEX not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert not EmergencyOrder.objects.exists()


def test_the_screens_read_in_vietnamese():
    with translation.override("vi"):
        assert translation.gettext("Issue an emergency") == "Phát lệnh khẩn cấp"
        assert translation.gettext("Emergency control") == "Điều hành khẩn cấp"


def test_the_head_assigns_clusters_to_an_operator_and_others_cannot(client, bo_y):
    listing = reverse("wagtailsnippets_emergency_operatorclusters:list")
    guard = user("bp-bo-y", Role.OPERATOR)
    client.force_login(guard)
    assert client.get(listing).status_code in (302, 403)

    client.force_login(user("head", Role.HEAD))
    assert client.get(listing).status_code == 200
    add = reverse("wagtailsnippets_emergency_operatorclusters:add")
    response = client.post(add, {"user": guard.pk, "clusters": [bo_y.pk]})

    assert response.status_code == 302
    client.force_login(guard)
    rows = client.get(INDEX).context["rows"]
    assert [row["cluster"] for row in rows] == [bo_y]
