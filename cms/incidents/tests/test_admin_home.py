"""The admin home shows open incidents and overdue inspections to those who may."""

import datetime as dt

import pytest
from django.urls import reverse
from freezegun import freeze_time

from cms.editorial.models import Role
from cms.editorial.tests.factories import user
from cms.equipment.models import InspectionInterval

from .factories import ClusterFactory, incident_make, local

pytestmark = pytest.mark.django_db
HOME = reverse("wagtailadmin_home")


@pytest.fixture
def cluster():
    return ClusterFactory(code="bo-y")


def test_open_incidents_most_severe_first_and_overdue_items(client, cluster):
    from cms.equipment.tests.factories import item_make

    incident_make(
        cluster, title="Mất điện", severity="low", opened_at=local(2026, 5, 1)
    )
    incident_make(cluster, title="Bị chèn ảnh", kind="security", severity="critical")
    incident_make(
        cluster,
        title="Đã xong",
        resolved_at=local(2026, 5, 2),
        resolution="Có điện lại.",
    )
    InspectionInterval.objects.create(kind="controller", every=1, unit="months")
    item_make(cluster, installed_on=dt.date(2026, 1, 31))
    client.force_login(user("head", Role.HEAD))
    with freeze_time("2026-03-01 09:00:00+07:00"):
        html = client.get(HOME, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Sự cố đang mở" in html
    assert "2 sự cố chưa khắc phục xong." in html
    assert html.index("Bị chèn ảnh") < html.index("Mất điện")
    assert "Đã xong" not in html
    assert "Thiết bị quá hạn kiểm tra" in html and "1 thiết bị quá hạn" in html
    listing = client.get(
        reverse("wagtailsnippets_incidents_incident:list"), {"is_open": "true"}
    ).content.decode()
    assert "Mất điện" in listing and "Đã xong" not in listing


def test_no_panels_for_roles_without_incidents_or_equipment(client, cluster):
    incident_make(cluster, title="Mất điện")
    client.force_login(user("secretary", Role.SECRETARIAT))
    html = client.get(HOME, HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert "Sự cố đang mở" not in html
